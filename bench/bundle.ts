/**
 * Bundle load and dump benchmark (not a test): `npx tsx bench/bundle.ts [EVENTS]`
 * (`--full`: the goal's 10,000,000 events). Writes a seeded bundle of EVENTS usage
 * events (default 1,000,000; 10,000,000 are about 1.6 GB; 2,000 customers, one meter,
 * twelve months) under bench/.data/ (gitignored), then,
 * each in a fresh child process so that peak RSS is its own:
 *   1. loads it into a fresh store (`loadBundleFile`: stream, validate, stage, commit),
 *   2. dumps that store to a file (`writeBundle`).
 * Goal: both in ≤ 400 MB peak RSS. The bundle was read as one string before, which
 * failed past about 3.4 million events ("Invalid string length").
 * Results go to docs/performance.md (## Bundle load and dump) by hand.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBundle } from '../src-main/bundle/dump';
import { loadBundleFile } from '../src-main/bundle/load';
import { BUNDLE_FORMAT } from '../src-main/bundle/schema';
import { seededRandom } from '../src-main/demo/random';
import { openStore } from '../src-main/store/store';

const DATA = resolve(import.meta.dirname, '.data');
const CUSTOMERS = 2_000;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Writes the bundle as `dump` would, a piece at a time, unless it exists already. */
async function generate(path: string, events: number): Promise<void> {
  if (existsSync(path)) return;
  const next = seededRandom(7);
  const draft = `${path}.tmp`;
  const out = createWriteStream(draft);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `c${i}`,
    name: `Customer ${i}`,
    external_ids: [`org_${pad(i, 4)}`],
    currency: 'USD',
  }));
  await write(`{"format": "${BUNDLE_FORMAT}",\n`);
  await write(
    `"meters": [{"code": "api_calls", "name": "API calls", "unit": "call", "aggregation": "sum"}],\n`,
  );
  await write(`"customers": ${JSON.stringify(customers)},\n"usage": [`);
  let piece = '';
  for (let i = 0; i < events; i++) {
    const month = 1 + Math.floor((i / events) * 12);
    const time = `2025-${pad(month, 2)}-${pad(1 + Math.floor(next() * 28), 2)}T${pad(Math.floor(next() * 24), 2)}:${pad(Math.floor(next() * 60), 2)}:00Z`;
    piece += `${i === 0 ? '\n' : ',\n'}{"event_id":"evt-${pad(i, 9)}","customer":"org_${pad(Math.floor(next() * CUSTOMERS), 4)}","meter":"api_calls","quantity":"${Math.floor(next() * 5000)}","timestamp":"${time}","properties":{"region":"eu-west-1"}}`;
    if (piece.length > 1 << 16) {
      await write(piece);
      piece = '';
    }
  }
  await write(`${piece}\n]\n}\n`);
  out.end();
  await once(out, 'finish');
  renameSync(draft, path);
}

interface Measure {
  seconds: number;
  peakMb: number;
  detail: string;
}

function inChild(...args: string[]): Measure {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output) as Measure;
}

async function child(mode: string, file: string, storeDir: string): Promise<void> {
  const started = performance.now();
  let detail: string;
  if (mode === 'load') {
    rmSync(storeDir, { recursive: true, force: true });
    const store = await openStore(storeDir);
    const summary = await loadBundleFile(store, file);
    await store.close();
    detail = `${summary.usage.accepted.toLocaleString('en')} events stored`;
  } else {
    const store = await openStore(storeDir);
    const out = createWriteStream(file);
    await writeBundle(store, (chunk) =>
      out.write(chunk) ? undefined : once(out, 'drain').then(() => undefined),
    );
    out.end();
    await once(out, 'finish');
    await store.close();
    detail = `${(statSync(file).size / 1e9).toFixed(2)} GB written`;
  }
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, peakMb, detail }));
}

async function main(): Promise<void> {
  const count = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const events = Number(count ?? (process.argv.includes('--full') ? 10_000_000 : 1_000_000));
  mkdirSync(DATA, { recursive: true });
  const bundle = join(DATA, `bundle-${events}.json`);
  await generate(bundle, events);
  const storeDir = join(DATA, 'bundle-store');
  const dumped = join(DATA, `bundle-${events}-dumped.json`);
  const load = inChild('load', bundle, storeDir);
  const dump = inChild('dump', dumped, storeDir);
  rmSync(dumped, { force: true });
  console.log(
    `node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `bundle of ${events.toLocaleString('en')} events, ${(statSync(bundle).size / 1e9).toFixed(2)} GB; one run each`,
  );
  console.log('| run | wall | peak RSS | result |\n| --- | ---: | ---: | --- |');
  for (const [name, m] of [
    ['load into a fresh store', load],
    ['dump to a file', dump],
  ] as const) {
    console.log(
      `| ${name} | ${m.seconds.toFixed(1)} s | ${m.peakMb.toFixed(0)} MB | ${m.detail} |`,
    );
  }
}

if (process.argv[2] === '--child') {
  const [mode = '', file = '', storeDir = ''] = process.argv.slice(3);
  await child(mode, file, storeDir);
} else {
  await main();
}
