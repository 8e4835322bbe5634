/**
 * Bill-run benchmark (not a test): `npx tsx bench/bill-run.ts`.
 * Sets up, once, a store under bench/.data/ (gitignored) with 10,000 direct contracts
 * on four plans (graduated, volume, package and per-unit usage, capacity, percentage,
 * unique-count seats, a minimum commitment, credits) and 1,000,000 usage events for
 * 2026-10 imported through the real usage storage. Then measures, each in a fresh
 * child process on a copy of that store, the bill run of 2026-10: reading and rating
 * the million events, computing 10,000 drafts and committing them in one store update.
 * Goal: ≤ 1.0 s wall. Results go to docs/performance.md (## Bill run) by hand.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { BundleInput } from '../src-main/bundle/schema';
import { loadBundle } from '../src-main/bundle/load';
import { billPeriod } from '../src-main/services/billRun';
import { importUsage } from '../src-main/services/importUsage';
import { openStore } from '../src-main/store/store';
import { createPeriodUsageReader } from '../src-main/usage/reader';
import { seededRandom } from '../src-main/demo/random';
import { growthPlan, reservedPlan } from './support/plans';

const DATA = resolve(import.meta.dirname, '.data');
const CONTRACTS = 10_000;
const EVENTS = 1_000_000;
const ROUNDS = 3;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const PLANS: NonNullable<BundleInput['plans']> = [
  growthPlan({
    minimumCommitment: '600.00',
    charges: [{ meter: 'seats', model: 'per_unit', unit_price: '4.00' }],
  }),
  reservedPlan('reserved', '210.00', {
    meter: 'api_calls',
    model: 'volume',
    tiers: [
      { up_to: '50000', unit_price: '0.001', flat_fee: '5.00' },
      { up_to: null, unit_price: '0.0008', flat_fee: '5.00' },
    ],
  }),
  {
    code: 'payments',
    name: 'Payments',
    currency: 'USD',
    interval: 'month',
    charges: [{ meter: 'payments', model: 'percentage', rate: '2.9', per_event_fee: '0.30' }],
  },
  {
    code: 'starter',
    name: 'Starter',
    currency: 'USD',
    interval: 'month',
    base_fee: '49.00',
    charges: [
      {
        meter: 'api_calls',
        model: 'package',
        included: '1000',
        package_size: '10000',
        package_price: '15.00',
      },
    ],
  },
];
const METER_OF_PLAN = [
  ['api_calls', 'seats'],
  ['nodes', 'api_calls'],
  ['payments'],
  ['api_calls'],
] as const;

function book(): BundleInput {
  const customers: NonNullable<BundleInput['customers']> = [];
  const contracts: NonNullable<BundleInput['contracts']> = [];
  const credits: NonNullable<BundleInput['credits']> = [];
  for (let i = 0; i < CONTRACTS; i++) {
    const plan = PLANS[i % PLANS.length] as (typeof PLANS)[number];
    customers.push({
      id: `cust${pad(i, 5)}`,
      name: `Customer ${i}`,
      external_ids: [`org_${pad(i, 5)}`],
      currency: plan.currency,
      tax_rate: i % 3 === 0 ? '20' : '0',
    });
    contracts.push({
      id: `k${pad(i, 5)}`,
      customer: `cust${pad(i, 5)}`,
      plan: plan.code,
      start_date: i % 7 === 0 ? '2026-10-15' : '2026-01-01',
      payment_method: 'ach',
      discount_percent: i % 5 === 0 ? '10' : '0',
      reserved: plan.code === 'reserved' ? { nodes: '3' } : {},
    });
    if (i % 4 === 0) {
      credits.push({
        id: `promo${i}`,
        customer: `cust${pad(i, 5)}`,
        kind: 'promotional',
        amount: '25.00',
        currency: plan.currency,
        granted_on: '2026-09-01',
      });
    }
  }
  return {
    format: 'nexus-billing/bundle@1',
    settings: { today: '2026-11-02' },
    meters: [
      { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' },
      { code: 'nodes', name: 'Nodes', unit: 'node', aggregation: 'max' },
      { code: 'payments', name: 'Payments', unit: 'payment', aggregation: 'count' },
      { code: 'seats', name: 'Seats', unit: 'user', aggregation: 'unique_count', field: 'user_id' },
    ],
    plans: PLANS,
    customers,
    contracts,
    credits,
  };
}

/** One million October events spread over the contracts, on the meters their plans price. */
function usageCsv(path: string): void {
  const next = seededRandom(7);
  const pieces = ['event_id,customer,meter,quantity,timestamp,user_id,amount\n'];
  for (let i = 0; i < EVENTS; i++) {
    const contract = Math.floor(next() * CONTRACTS);
    const meters = METER_OF_PLAN[contract % PLANS.length] as readonly string[];
    const meter = meters[Math.floor(next() * meters.length)] as string;
    const quantity = meter === 'nodes' ? 1 + Math.floor(next() * 5) : Math.floor(next() * 5000);
    const day = 1 + Math.floor(next() * 31);
    const time = `${pad(Math.floor(next() * 24), 2)}:${pad(Math.floor(next() * 60), 2)}:00`;
    pieces.push(
      `evt-${pad(i, 7)},org_${pad(contract, 5)},${meter},${quantity},2026-10-${pad(day, 2)}T${time}Z,` +
        `u${Math.floor(next() * 40)},${Math.floor(next() * 50000) / 100}\n`,
    );
  }
  writeFileSync(path, pieces.join(''));
}

async function setUp(storeDir: string): Promise<void> {
  if (existsSync(join(storeDir, 'store.json'))) return;
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, 'bill-run-usage.csv');
  if (!existsSync(csv)) usageCsv(csv);
  const store = await openStore(storeDir);
  await loadBundle(store, book(), 'bench book');
  const result = await importUsage(store, csv);
  await store.close();
  console.log(`set up: ${CONTRACTS} contracts, ${result.accepted} events stored`);
}

interface Measure {
  seconds: number;
  peakMb: number;
  detail: string;
}

async function child(storeDir: string): Promise<void> {
  const store = await openStore(storeDir);
  const readUsage = createPeriodUsageReader(store);
  const started = performance.now();
  const result = await billPeriod(store, readUsage, { period: '2026-10' });
  const seconds = (performance.now() - started) / 1000;
  // The usage storage's own share: the same period read again, doing nothing with it.
  const readStarted = performance.now();
  let events = 0;
  for await (const piece of readUsage('2026-10')) events += piece.length;
  const readSeconds = (performance.now() - readStarted) / 1000;
  await store.close();
  const lines = result.invoices.reduce((total, invoice) => total + invoice.lines.length, 0);
  process.stdout.write(
    JSON.stringify({
      seconds,
      peakMb: process.resourceUsage().maxRSS / 1024,
      detail: `${result.invoices.length} drafts, ${lines} lines, ${result.report.unbilled.length} unbilled usage entries; reading the ${events} events alone takes ${readSeconds.toFixed(2)} s`,
    } satisfies Measure),
  );
}

async function main(): Promise<void> {
  const base = join(DATA, 'bill-run-store');
  await setUp(base);
  const measures: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const copy = join(DATA, 'bill-run-store-copy');
    rmSync(copy, { recursive: true, force: true });
    cpSync(base, copy, { recursive: true });
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--child', copy],
      {
        encoding: 'utf8',
      },
    );
    measures.push(JSON.parse(output) as Measure);
  }
  const median = [...measures].sort((a, b) => a.seconds - b.seconds)[
    Math.floor(ROUNDS / 2)
  ] as Measure;
  console.log(
    `node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `bill run of 2026-10, ${CONTRACTS} contracts, ${EVENTS} events (real usage storage), median of ${ROUNDS}`,
  );
  console.log(`runs: ${measures.map((m) => `${m.seconds.toFixed(2)} s`).join(', ')}`);
  console.log(
    `median: ${median.seconds.toFixed(2)} s, peak RSS ${median.peakMb.toFixed(0)} MB, ${median.detail}`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '');
else await main();
