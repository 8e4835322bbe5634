/**
 * Store benchmark (not a test): `npm run bench -- store` (`-- --full` for the size of
 * the goals). Builds once, under bench/.data/ (gitignored), a book with years of
 * history: finalized invoices of past months (four lines each, every one numbered)
 * and their usage events imported through the real usage storage, one batch per month.
 * Then measures, each in a fresh child process:
 *
 * - one small change (grant-credit) inside a running process, median of 5;
 * - the same as a whole CLI command, with the built CLI (`npm run build`, then
 *   bin/nexus-billing.js as installed);
 * - a month's bill run + finalize on that book and on a new book holding the same
 *   contracts and the same month's usage only;
 * - peak RSS of each.
 *
 * Goals (issue 7, full size): small change ≤ 100 ms in process, ≤ 0.5 s as a CLI
 * command; bill run within 1.5× of the new book's; peak RSS ≤ 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBundle } from '../src-main/bundle/load';
import type { BundleInput } from '../src-main/bundle/schema';
import type { Invoice } from '../src-main/domain/invoice';
import { billPeriod } from '../src-main/services/billRun';
import { grantCredit } from '../src-main/services/credits';
import { importUsage } from '../src-main/services/importUsage';
import { openStore } from '../src-main/store/store';
import { createPeriodUsageReader } from '../src-main/usage/reader';
import { buildCli, median, timedCli, type Measure } from './support/cli';
import { growthPlan } from './support/plans';

const FULL = process.argv.includes('--full');
const CUSTOMERS = FULL ? 2_000 : 400;
const MONTHS = 50;
const EVENTS = FULL ? 10_000_000 : 1_000_000;
const EVENTS_PER_MONTH = Math.floor(EVENTS / (MONTHS + 1));
const DATA = resolve(import.meta.dirname, '.data', FULL ? 'store-full' : 'store');

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The month `offset` months after 2022-01. */
function month(offset: number): string {
  return `${2022 + Math.floor(offset / 12)}-${pad((offset % 12) + 1, 2)}`;
}
const BILLED = month(MONTHS);

function book(): BundleInput {
  return {
    format: 'nexus-billing/bundle@1',
    settings: { today: `${month(MONTHS + 1)}-02` },
    meters: [{ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }],
    plans: [growthPlan()],
    customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `cust${pad(i, 5)}`,
      name: `Customer ${i}`,
      external_ids: [`org_${pad(i, 5)}`],
      currency: 'USD',
      tax_rate: '20',
    })),
    contracts: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `k${pad(i, 5)}`,
      customer: `cust${pad(i, 5)}`,
      plan: 'growth',
      start_date: '2022-01-01',
      payment_method: 'ach',
    })),
  };
}

/** A finalized invoice of a past month, with a line per week of usage. */
function pastInvoice(customer: number, offset: number, number: number): Invoice {
  const period = month(offset);
  const next = month(offset + 1);
  const line = (description: string, amount: string) => ({
    kind: 'usage' as const,
    description,
    meter: 'api_calls',
    charge: 0,
    period,
    quantity: '25000',
    unit_price: '0.0004',
    amount,
    detail: [],
    explanation: {},
  });
  return {
    id: `inv_k${pad(customer, 5)}_${period}_1`,
    number: `INV-${period.slice(0, 4)}-${pad(number, 6)}`,
    status: 'open',
    trigger: 'period_end',
    customer: `cust${pad(customer, 5)}`,
    contract: `k${pad(customer, 5)}`,
    period,
    currency: 'USD',
    computed_on: `${next}-01`,
    issue_date: `${next}-01`,
    due_date: `${next}-28`,
    voided_on: null,
    lines: [
      { ...line('Platform fee', '499.00'), kind: 'base_fee', meter: null, charge: null },
      line('API calls, week 1-2', '10.00'),
      line('API calls, week 3', '10.00'),
      line('API calls, week 4', '10.00'),
    ],
    subtotal: '529.00',
    discount: '0.00',
    discount_lines: [],
    credits: '0.00',
    credit_applications: [],
    tax: '105.80',
    tax_lines: [{ label: 'Tax', rate: '20', taxable: '529.00', amount: '105.80' }],
    tax_exempt: null,
    total: '634.80',
    prepaid_applied: '0.00',
    amount_paid: '0.00',
    credited: '0.00',
    balance_due: '634.80',
    usage_watermark: offset + 1,
  };
}

function monthCsv(path: string, offset: number): void {
  const period = month(offset);
  const rows = ['event_id,customer,meter,quantity,timestamp\n'];
  for (let i = 0; i < EVENTS_PER_MONTH; i++) {
    const day = 1 + (i % 28);
    rows.push(
      `e${offset}-${i},org_${pad(i % CUSTOMERS, 5)},api_calls,${(i * 7) % 500},${period}-${pad(day, 2)}T10:00:00Z\n`,
    );
  }
  writeFileSync(path, rows.join(''));
}

async function importMonth(storeDir: string, offset: number): Promise<void> {
  const csv = join(DATA, `month-${offset}.csv`);
  monthCsv(csv, offset);
  const store = await openStore(storeDir);
  await importUsage(store, csv);
  await store.close();
  rmSync(csv);
}

async function setUp(): Promise<void> {
  const history = join(DATA, 'history');
  const fresh = join(DATA, 'new');
  if (existsSync(join(DATA, 'ready'))) return;
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  for (const dir of [history, fresh]) {
    const store = await openStore(dir);
    await loadBundle(store, book(), 'bench book');
    await store.close();
  }
  let number = 0;
  for (let offset = 0; offset < MONTHS; offset++) {
    const store = await openStore(history);
    await store.update((data, access) => {
      const invoices = access.period(month(offset)).invoices;
      for (let customer = 0; customer < CUSTOMERS; customer++) {
        invoices.push(pastInvoice(customer, offset, ++number));
      }
      const prefix = `INV-${month(offset).slice(0, 4)}-`;
      data.sequences[prefix] = number;
    });
    await store.close();
    await importMonth(history, offset);
    process.stdout.write(`\rset up: ${month(offset)}`);
  }
  await importMonth(history, MONTHS);
  await importMonth(fresh, MONTHS);
  writeFileSync(join(DATA, 'ready'), '');
  process.stdout.write('\n');
}

/** A copy to change: book files copied, immutable usage files hard-linked. */
function copyOf(source: string): string {
  const copy = `${source}-copy`;
  rmSync(copy, { recursive: true, force: true });
  execFileSync('cp', ['-al', source, copy]);
  for (const mutable of ['store.json', 'backups']) {
    rmSync(join(copy, mutable), { recursive: true, force: true });
    execFileSync('cp', ['-a', join(source, mutable), join(copy, mutable)]);
  }
  return copy;
}

const cpuSecondsNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

function inChild(task: string, dir: string): Measure {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', task, dir],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as Measure;
}

async function child(task: string, dir: string): Promise<void> {
  const store = await openStore(dir);
  const measure = async (work: () => Promise<unknown>): Promise<Measure> => {
    const started = performance.now();
    const cpuStarted = cpuSecondsNow();
    await work();
    return {
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSecondsNow() - cpuStarted,
      peakMb: 0,
    };
  };
  const measures: Measure[] = [];
  if (task === 'grant') {
    for (let round = 0; round < 5; round++) {
      measures.push(
        await measure(() =>
          grantCredit(store, { customer: 'cust00001', kind: 'goodwill', amount: '5.00' }),
        ),
      );
    }
  } else {
    measures.push(
      await measure(() =>
        billPeriod(store, createPeriodUsageReader(store), { period: BILLED, finalize: true }),
      ),
    );
  }
  await store.close();
  process.stdout.write(
    JSON.stringify({
      ...median(measures),
      peakMb: process.resourceUsage().maxRSS / 1024,
    } satisfies Measure),
  );
}

/** The median of 5 runs of the whole command. */
function cliCommand(dir: string): Measure {
  const args = [
    'grant-credit',
    '--customer',
    'cust00002',
    '--kind',
    'goodwill',
    '--amount',
    '5.00',
  ];
  return median(Array.from({ length: 5 }, () => timedCli([...args, '--data', dir])));
}

async function main(): Promise<void> {
  await setUp();
  buildCli();
  const history = join(DATA, 'history');
  const fresh = join(DATA, 'new');
  const show = (label: string, measure: Measure) =>
    console.log(
      `${label}: ${(measure.seconds * 1000).toFixed(0)} ms (CPU ${(measure.cpuSeconds * 1000).toFixed(0)} ms), peak RSS ${measure.peakMb.toFixed(0)} MB`,
    );
  console.log(
    `node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    `book: ${CUSTOMERS} customers, ${CUSTOMERS * MONTHS} finalized invoices over ${MONTHS} months, ${EVENTS_PER_MONTH * (MONTHS + 1)} stored events`,
  );
  show('grant-credit in process (median of 5)', inChild('grant', copyOf(history)));
  show('grant-credit as a CLI command (median of 5)', cliCommand(copyOf(history)));
  show('grant-credit as a CLI command, new book (median of 5)', cliCommand(copyOf(fresh)));
  // Alternated, so that both books meet the same moments of a shared machine.
  const withHistory: Measure[] = [];
  const onNewBook: Measure[] = [];
  for (let round = 0; round < 3; round++) {
    withHistory.push(inChild('bill', copyOf(history)));
    onNewBook.push(inChild('bill', copyOf(fresh)));
  }
  const billed = { history: median(withHistory), fresh: median(onNewBook) };
  show(`bill --finalize ${BILLED}, with history (median of 3)`, billed.history);
  show(`bill --finalize ${BILLED}, new book (median of 3)`, billed.fresh);
  console.log(
    `ratio: ${(billed.history.seconds / billed.fresh.seconds).toFixed(2)} wall, ${(billed.history.cpuSeconds / billed.fresh.cpuSeconds).toFixed(2)} CPU`,
  );
  rmSync(`${history}-copy`, { recursive: true, force: true });
  rmSync(`${fresh}-copy`, { recursive: true, force: true });
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '', process.argv[4] ?? '');
else await main();
