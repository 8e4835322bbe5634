/**
 * PDF export benchmark (not a test): `npx tsx bench/export-pdf.ts`.
 * Sets up a store in a temp folder with 250 customers (names in several scripts'
 * Latin letters, three currencies, three plans with tiered, package and capacity
 * charges, taxes) billed and finalized over four months: 1,000 invoices. Then measures
 * `export-pdf` of all of them into an empty folder with the built CLI (`npm run build`,
 * bin/nexus-billing.js), each round a whole command. Goal: 1,000 invoice PDFs in
 * ≤ 10 s. Results go to docs/performance.md (## PDF export) by hand.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../src-main/bundle/load';
import type { BundleInput } from '../src-main/bundle/schema';
import { billPeriod } from '../src-main/services/billRun';
import { openStore } from '../src-main/store/store';
import { createPeriodUsageReader } from '../src-main/usage/reader';
import { buildCli, timedCli } from './support/cli';
import { growthPlan, reservedPlan } from './support/plans';

const CUSTOMERS = 250;
const PERIODS = ['2026-07', '2026-08', '2026-09', '2026-10'];
const ROUNDS = 3;

const NAMES = ['Zoë Müller', 'Søren Ødegård', 'Café Crème', 'Łukasz Wójcik', 'Acme', 'Núñez'];
const PLANS: NonNullable<BundleInput['plans']> = [
  growthPlan({
    tiers: [
      { up_to: '100000', unit_price: '0.0004', flat_fee: '0' },
      { up_to: '1000000', unit_price: '0.0002', flat_fee: '0' },
      { up_to: null, unit_price: '0.0001', flat_fee: '10.00' },
    ],
    charges: [{ meter: 'storage', model: 'package', package_size: '100', package_price: '10.00' }],
  }),
  reservedPlan('reserved-eur', '0.50', {
    meter: 'api_calls',
    model: 'per_unit',
    unit_price: '0.0005',
  }),
  {
    code: 'growth-jpy',
    name: 'Growth (JPY)',
    currency: 'JPY',
    interval: 'month',
    base_fee: '74850',
    charges: [
      {
        meter: 'api_calls',
        model: 'volume',
        tiers: [
          { up_to: '500000', unit_price: '0.08', flat_fee: '0' },
          { up_to: null, unit_price: '0.06', flat_fee: '0' },
        ],
      },
    ],
  },
];

function book(): BundleInput {
  const customers: NonNullable<BundleInput['customers']> = [];
  const contracts: NonNullable<BundleInput['contracts']> = [];
  const usage: NonNullable<BundleInput['usage']> = [];
  for (let index = 0; index < CUSTOMERS; index += 1) {
    const plan = PLANS[index % PLANS.length] as (typeof PLANS)[number];
    const id = `c${index}`;
    customers.push({
      id,
      name: `${NAMES[index % NAMES.length] ?? 'Customer'} ${index} GmbH`,
      currency: plan.currency,
      external_ids: [`org_${index}`],
      email: [`ap${index}@example.com`],
      address: [`Straße ${index}`, '10117 Berlin'],
      tax_rate: index % 2 === 0 ? '19' : '0',
      tax_label: index % 2 === 0 ? 'USt. 19%' : '',
    });
    contracts.push({
      id: `${id}-main`,
      customer: id,
      plan: plan.code,
      start_date: '2026-07-01',
      payment_method: index % 3 === 0 ? 'wire' : index % 3 === 1 ? 'card' : 'ach',
      reserved: plan.code === 'reserved-eur' ? { nodes: '4' } : {},
    });
    for (const [month, period] of PERIODS.entries()) {
      const at = (day: number) => `${period}-${String(day).padStart(2, '0')}T12:00:00Z`;
      usage.push(
        {
          event_id: `${id}-${period}-a`,
          customer: `org_${index}`,
          meter: 'api_calls',
          quantity: String(150_000 + index * 3_000 + month * 7_919),
          timestamp: at(3),
        },
        {
          event_id: `${id}-${period}-b`,
          customer: `org_${index}`,
          meter: 'storage',
          quantity: String(250 + index),
          timestamp: at(9),
        },
        {
          event_id: `${id}-${period}-c`,
          customer: `org_${index}`,
          meter: 'nodes',
          quantity: String(3 + (index % 4)),
          timestamp: at(15),
        },
      );
    }
  }
  return {
    format: 'nexus-billing/bundle@1',
    settings: {
      seller: {
        name: 'Nexus Engine Inc.',
        address: ['1 Main Street', 'Springfield, IL 62701'],
        tax_id: 'US-12-3456789',
        email: 'billing@nexus.example',
        bank: {
          name: 'First Bank',
          iban: 'DE89 3704 0044 0532 0130 00',
          routing: '071000013',
          account: '000123456789',
        },
      },
    },
    meters: [
      { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' },
      { code: 'storage', name: 'Stored data', unit: 'GB', aggregation: 'latest' },
      { code: 'nodes', name: 'Engine nodes', unit: 'node', aggregation: 'max' },
    ],
    plans: PLANS,
    customers,
    contracts,
    usage,
  };
}

async function setUp(data: string): Promise<void> {
  const store = await openStore(data);
  try {
    await loadBundle(store, book(), 'The benchmark book');
    for (const period of PERIODS) {
      await billPeriod(store, createPeriodUsageReader(store), {
        period,
        asOf: '2026-11-05',
        finalize: true,
      });
    }
    console.log(`set up: ${store.read().invoices.length} finalized invoices`);
  } finally {
    await store.close();
  }
}

if (process.argv[2] === '--setup') {
  await setUp(process.argv[3] ?? '');
} else {
  const root = mkdtempSync(join(tmpdir(), 'nexus-bench-pdf-'));
  try {
    const data = join(root, 'data');
    await setUp(data);
    buildCli();
    console.log(`machine: ${cpus().length} cores, Node ${process.version}`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const out = join(root, `out-${round}`);
      const run = timedCli(['export-pdf', '--out', out, '--data', data]);
      const files = readdirSync(out);
      const bytes = files.reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
      console.log(
        `round ${round}: ${files.length} PDFs in ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds.toFixed(2)} s, the whole command), ${(bytes / 1e6).toFixed(1)} MB, peak RSS ${run.peakMb.toFixed(0)} MB`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
