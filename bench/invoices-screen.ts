/**
 * Invoices screen benchmark (not a test): `npm run bench -- invoices-screen`. Builds
 * once, under bench/.data/ (gitignored), a book of 50,000 finalized invoices (500
 * customers, 100 months) loaded as a bundle, serves it with `serve`'s own server
 * in-process (the built renderer: `npm run build` first), and measures in Debian's
 * Chromium driven by playwright-core:
 *
 * - paint: from a click on "Invoices" in the navigation to the first frame showing
 *   the first rows, median of 5 (each after going back to the dashboard);
 * - scroll: the list scrolled down by 300 px a frame for 3 s (rows fetched as they
 *   come into view), then up over the rows fetched; frame intervals from
 *   requestAnimationFrame, a frame counted as dropped when its interval is over 1.5×
 *   the median interval (so the count holds at any refresh rate);
 * - the server's share: one page of 200 rows from the middle of the list over HTTP,
 *   and the same filtered by status (derived, so every invoice is presented);
 * - screen change: from a click on a navigation link to the first frame showing the
 *   new screen's heading, through every screen of the navigation in turn, median.
 *
 * Goals (issue 10): paint ≤ 1 s, no dropped frames while scrolling, screen change
 * ≤ 100 ms. Results go to docs/performance.md (## The Invoices screen) by hand.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadBundle } from '../src-main/bundle/load';
import type { BundleInput } from '../src-main/bundle/schema';
import type { Invoice } from '../src-main/domain/invoice';
import { openBackend } from '../src-main/api/backend';
import { TOKEN_HEADER } from '../src-main/api/contract';
import { startServer } from '../src-main/server/serve';
import { openStore } from '../src-main/store/store';
import { launchBrowser } from '../test/support/browser';

const CUSTOMERS = 500;
const MONTHS = 100;
const DATA = resolve(import.meta.dirname, '.data', 'invoices-screen');
const BOOK = join(DATA, 'book');
const READY = join(DATA, 'ready');
const RUNS = 5;

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const monthOf = (offset: number) =>
  `${2018 + Math.floor(offset / 12)}-${pad((offset % 12) + 1, 2)}`;

function invoice(customer: number, offset: number, number: number): Invoice {
  const period = monthOf(offset);
  const issued = `${monthOf(offset + 1)}-01`;
  return {
    id: `inv_${customer}_${period}`,
    number: `INV-${pad(number, 6)}`,
    status: 'open',
    trigger: 'period_end',
    customer: `c${customer}`,
    contract: `k${customer}`,
    period,
    currency: 'USD',
    computed_on: issued,
    issue_date: issued,
    due_date: `${monthOf(offset + 1)}-28`,
    voided_on: null,
    lines: [
      {
        kind: 'base_fee',
        description: 'Platform fee',
        meter: null,
        charge: null,
        period,
        quantity: '1',
        unit_price: '499.00',
        amount: '499.00',
        detail: [],
        explanation: {},
      },
    ],
    subtotal: '499.00',
    discount: '0.00',
    discount_lines: [],
    credits: '0.00',
    credit_applications: [],
    tax: '0.00',
    tax_lines: [],
    tax_exempt: null,
    total: '499.00',
    prepaid_applied: '0.00',
    amount_paid: '0.00',
    credited: '0.00',
    balance_due: '499.00',
    usage_watermark: 0,
  };
}

function book(): BundleInput {
  const invoices: Invoice[] = [];
  for (let offset = 0; offset < MONTHS; offset++) {
    for (let customer = 0; customer < CUSTOMERS; customer++) {
      invoices.push(invoice(customer, offset, invoices.length + 1));
    }
  }
  return {
    format: 'nexus-billing/bundle@1',
    settings: { today: `${monthOf(MONTHS)}-02` },
    plans: [
      {
        code: 'flat',
        name: 'Flat',
        currency: 'USD',
        interval: 'month',
        base_fee: '499.00',
        charges: [],
      },
    ],
    customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `c${i}`,
      name: `Customer ${pad(i, 3)}`,
      currency: 'USD',
    })),
    contracts: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `k${i}`,
      customer: `c${i}`,
      plan: 'flat',
      start_date: '2018-01-01',
      payment_method: 'ach',
    })),
    invoices,
  };
}

async function setUp(): Promise<void> {
  if (existsSync(READY)) return;
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const store = await openStore(BOOK);
  await loadBundle(store, book(), 'invoices-screen bench');
  await store.close();
  writeFileSync(READY, '');
}

/** The server's share of a paint: one page of the list, over HTTP, as the renderer asks for it. */
async function timeListPage(
  origin: string,
  token: string,
  filter: { status?: string } = {},
): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${origin}/api/rpc/listInvoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ ...filter, offset: 25_000, limit: 200 }),
  });
  await response.json();
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/*
 * What runs in the page, as source text: the bench's TypeScript has no DOM types, and
 * page.evaluate runs it outside the page's CSP.
 */
const TIME_NAVIGATION = `(async ([name, wanted, content]) => new Promise((done) => {
  const anchor = [...document.querySelectorAll('nav[aria-label="Main"] a')]
    .find((element) => element.textContent.startsWith(name));
  const start = performance.now();
  anchor.click();
  const check = () => {
    const found = document.querySelector(wanted);
    if (found && (content === null || found.textContent === content)) done(performance.now() - start);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}))`;

const SCROLL_FRAMES = `(async (by) => new Promise((done) => {
  const list = document.querySelector('.virtual-scroll');
  const intervals = [];
  // Tasks of the page's main thread over 50 ms: the app's own work, apart from raster.
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  let last = performance.now();
  const end = last + 3000;
  const step = (now) => {
    intervals.push(now - last);
    last = now;
    list.scrollTop += by;
    if (now < end) requestAnimationFrame(step);
    else {
      observer.disconnect();
      done({ intervals: intervals.slice(1), longTasks });
    }
  };
  requestAnimationFrame(step);
}))`;

/**
 * Clicks a navigation link and answers the ms until the first frame where an element
 * matching `selector` (with exactly `text`, when given) is in the page.
 */
function timeNavigation(page: Page, link: string, selector: string, text: string | null = null) {
  return page.evaluate<number>(`${TIME_NAVIGATION}(${JSON.stringify([link, selector, text])})`);
}

const FIRST_ROW = '.virtual-row a';
/** Every screen of the navigation, in its order. */
const SCREENS = [
  'Dashboard',
  'Customers',
  'Plans',
  'Usage',
  'Bill run',
  'Invoices',
  'Payments',
  'Credits',
  'Settings',
];
const showsScreen = (page: Page, name: string) => timeNavigation(page, name, 'h1', name);

/** Scrolls the list for 3 s, `by` px a frame; answers the frame intervals. */
const scrollFrames = (page: Page, by: number) =>
  page.evaluate<ScrollFrames>(`${SCROLL_FRAMES}(${by})`);

interface ScrollFrames {
  intervals: number[];
  longTasks: number[];
}

/** Frames over 1.5× the median interval, so the count holds at any refresh rate. */
function frameReport({ intervals, longTasks }: ScrollFrames): string {
  const typical = median(intervals);
  const dropped = intervals.filter((interval) => interval > typical * 1.5).length;
  const longest = longTasks.length === 0 ? 0 : Math.max(...longTasks);
  return `${intervals.length} frames, median interval ${typical.toFixed(1)} ms, worst ${Math.max(...intervals).toFixed(1)} ms, ${dropped} dropped; ${longTasks.length} main-thread tasks over 50 ms (longest ${longest.toFixed(0)} ms)`;
}

async function main(): Promise<void> {
  const started = Date.now();
  await setUp();
  console.log(
    `book ready (${CUSTOMERS * MONTHS} invoices) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const server = await startServer({ dataDir: BOOK, port: 0, openBackend });
  const browser = await launchBrowser();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 820 } })
    ).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.waitForLoadState('networkidle');

    const paints: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      paints.push(await timeNavigation(page, 'Invoices', FIRST_ROW));
      await page.waitForLoadState('networkidle');
      await showsScreen(page, 'Dashboard');
      await page.waitForLoadState('networkidle');
    }
    await timeNavigation(page, 'Invoices', FIRST_ROW);
    // Down into rows not fetched yet, then back up over the rows fetched on the way.
    const down = await scrollFrames(page, 300);
    await page.waitForLoadState('networkidle');
    const up = await scrollFrames(page, -300);

    const pages: number[] = [];
    for (let run = 0; run < RUNS; run++)
      pages.push(await timeListPage(server.origin, server.token));
    // A status is derived, so filtering by one presents every invoice of the book.
    const filteredPages: number[] = [];
    for (let run = 0; run < RUNS; run++)
      filteredPages.push(await timeListPage(server.origin, server.token, { status: 'overdue' }));

    const changes = new Map<string, number[]>(SCREENS.map((screen) => [screen, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const screen of SCREENS) changes.get(screen)!.push(await showsScreen(page, screen));
    }
    const allChanges = [...changes.values()].flat();

    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.version()}`,
    );
    console.log(
      `Invoices list, 50,000 invoices: first rows painted in ${median(paints).toFixed(0)} ms (median of ${RUNS}; ${paints.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
    console.log(
      `listInvoices, a page of 200 of 50,000 over HTTP: median ${median(pages).toFixed(0)} ms; filtered by status: ${median(filteredPages).toFixed(0)} ms`,
    );
    console.log(`scroll down 3 s, 300 px a frame, rows fetched as they come: ${frameReport(down)}`);
    console.log(`scroll up 3 s over rows already fetched: ${frameReport(up)}`);
    console.log(
      `screen change: median ${median(allChanges).toFixed(0)} ms, worst ${Math.max(...allChanges).toFixed(0)} ms (${allChanges.length} changes); by screen, median (worst): ${[
        ...changes,
      ]
        .map(
          ([screen, times]) =>
            `${screen} ${median(times).toFixed(0)} (${Math.max(...times).toFixed(0)})`,
        )
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
