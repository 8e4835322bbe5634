/**
 * Usage import benchmark (not a test): `npx tsx bench/import-usage.ts`.
 * Generates seeded 1,000,000-row usage CSVs under bench/.data/ (gitignored), then
 * measures, each in a fresh child process so peak RSS is the import's own:
 *   1. importing the first file into a fresh store,
 *   2. importing a second file of 1,000,000 new events into the same store,
 *   3. parsing the first file only (papaparse streaming, no validation or storage).
 * Goals per 1M-row import on the project's machines: ≤ 2.0 s wall, ≤ 400 MB peak RSS.
 * Results go to docs/performance.md (## Usage import) by hand.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { importUsage } from '../src-main/services/importUsage';
import { openStore } from '../src-main/store/store';
import { seededRandom } from '../src-main/demo/random';
import { customerSchema } from '../src-main/domain/model';

const DATA = resolve(import.meta.dirname, '.data');
const ROWS = 1_000_000;
const CUSTOMERS = 200;
/** Each measurement is the median of this many runs (the machines are shared). */
const ROUNDS = 3;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A usage CSV of `ROWS` events whose ids start at `first`, about 70 MB. */
function generate(path: string, first: number, seed: number): void {
  if (existsSync(path)) return;
  const next = seededRandom(seed);
  const pieces = ['event_id,customer,meter,quantity,timestamp,user_id,region\n'];
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + Math.floor(next() * 28);
    const time = `${pad(Math.floor(next() * 24), 2)}:${pad(Math.floor(next() * 60), 2)}:${pad(Math.floor(next() * 60), 2)}`;
    pieces.push(
      `evt-${pad(first + i, 9)},org_${pad(Math.floor(next() * CUSTOMERS), 4)},api_calls,${Math.floor(next() * 5000)},` +
        `2026-10-${pad(day, 2)}T${time}Z,u_${Math.floor(next() * 10000)},eu-west-1\n`,
    );
  }
  writeFileSync(path, pieces.join(''));
}

async function setUpStore(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const store = await openStore(dir);
  await store.update((data) => {
    data.meters.push({
      code: 'api_calls',
      name: 'API calls',
      unit: 'call',
      aggregation: 'sum',
      field: null,
    });
    for (let i = 0; i < CUSTOMERS; i++) {
      data.customers.push(
        customerSchema.parse({
          id: `c${i}`,
          name: `Customer ${i}`,
          external_ids: [`org_${pad(i, 4)}`],
          currency: 'USD',
        }),
      );
    }
  });
  await store.close();
}

interface Measure {
  seconds: number;
  peakMb: number;
  detail: string;
}

/** The run with the median wall time. */
function median(measures: Measure[]): Measure {
  return [...measures].sort((a, b) => a.seconds - b.seconds)[
    Math.floor(measures.length / 2)
  ] as Measure;
}

/** Runs one measurement in a child process (this file, with `--child`). */
function inChild(...args: string[]): Measure {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', ...args],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output) as Measure;
}

async function child(mode: string, file: string, storeDir: string): Promise<void> {
  const started = performance.now();
  let detail: string;
  if (mode === 'parse') {
    let rows = 0;
    await new Promise<void>((done, fail) => {
      Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
        chunk: (results) => void (rows += results.data.length),
        complete: () => done(),
        error: fail,
      });
    });
    detail = `${rows - 1} rows parsed`;
  } else {
    const store = await openStore(storeDir);
    const result = await importUsage(store, file);
    await store.close();
    detail = `${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected} rejected`;
  }
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, peakMb, detail }));
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const first = join(DATA, 'usage-1m-a.csv');
  const second = join(DATA, 'usage-1m-b.csv');
  generate(first, 0, 1);
  generate(second, ROWS, 2);
  const storeDir = join(DATA, 'store');
  const runs: Record<string, Measure[]> = {};
  const record = (name: string, measure: Measure) => (runs[name] ??= []).push(measure);
  for (let round = 0; round < ROUNDS; round++) {
    await setUpStore(storeDir);
    record('import 1M rows, fresh store', inChild('import', first, storeDir));
    record('import 1M new rows, 1M stored', inChild('import', second, storeDir));
    record('import the first file again (all duplicates)', inChild('import', first, storeDir));
    record('parse only (papaparse, no validation/storage)', inChild('parse', first, storeDir));
  }
  const rows = Object.entries(runs).map(([name, measures]): [string, Measure] => [
    name,
    median(measures),
  ]);
  console.log(
    `node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(`median of ${ROUNDS} runs`);
  console.log('| run | wall | peak RSS | result |\n| --- | ---: | ---: | --- |');
  for (const [name, m] of rows) {
    console.log(
      `| ${name} | ${m.seconds.toFixed(2)} s | ${m.peakMb.toFixed(0)} MB | ${m.detail} |`,
    );
  }
  const stored = 10_000_000;
  console.log(
    `\nDedupe index for ${stored.toLocaleString('en')} stored events: ${stored} × 8 bytes = ${(stored * 8) / 1e6} MB in memory during an import (and on disk).`,
  );
}

if (process.argv[2] === '--child') {
  const [mode = '', file = '', storeDir = ''] = process.argv.slice(3);
  await child(mode, file, storeDir);
} else {
  await main();
}
