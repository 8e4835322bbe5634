/**
 * The screens in a real browser against `serve` on the demo book: every screen opens
 * by its name in the navigation and has its heading, the month-end works on screen,
 * axe finds no serious or critical violation anywhere, and each screen is
 * photographed into docs/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openApp,
  screenshot,
  seriousAccessibilityViolations,
  serveApp,
  type ServedApp,
} from '../support/browser';

let browser: Browser;
let app: ServedApp | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** A desk of its own for the test, on a new folder: the demo book. */
async function openDesk(): Promise<{ page: Page; problems: string[] }> {
  app = await serveApp();
  const opened = await openApp(browser, app);
  await opened.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return opened;
}

/** Checks the screen with axe and photographs it. */
async function look(page: Page, name: string, problems: string[]): Promise<void> {
  // Figures and charts arrive after the heading: let the screen settle first.
  await page.waitForLoadState('networkidle');
  problems.push(...(await seriousAccessibilityViolations(page)).map((line) => `${name}: ${line}`));
  await screenshot(page, name);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('the screens', () => {
  it('opens every screen by its name, each accessible, through a month-end', async () => {
    const { page, problems } = await openDesk();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toContain('Demo data');

    for (const [name, file] of [
      ['Customers', 'customers'],
      ['Plans', 'plans'],
      ['Payments', 'payments-empty'],
      ['Credits', 'credits'],
      ['Settings', 'settings'],
    ] as const) {
      await nav(page, name).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await look(page, file, problems);
    }

    await nav(page, 'Usage').click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page.getByRole('table').waitFor();
    await look(page, 'usage', problems);
    await page.getByRole('link', { name: 'Import usage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import usage' }).waitFor();
    await look(page, 'usage-import', problems);

    await nav(page, 'Bill run').click();
    await page.getByRole('heading', { level: 1, name: 'Bill run' }).waitFor();
    await page.getByRole('button', { name: 'Compute drafts' }).click();
    const review = page.getByRole('heading', { name: /^Review \d+ drafts$/ });
    await review.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByText('…', { exact: true }).count(), { timeout: 30_000 })
      .toBe(0);
    await look(page, 'bill-run', problems);

    await page.getByRole('button', { name: /^Lines of Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Why API calls — graduated' }).click();
    const drawer = page.getByRole('dialog', { name: 'Why this amount' });
    await drawer.getByRole('table', { name: "Tiers with this period's quantities" }).waitFor();
    await look(page, 'bill-run-explanation', problems);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Finalize \d+ selected$/ }).click();
    await page
      .getByRole('heading', { name: /^Finalized \d+ invoices$/ })
      .waitFor({ timeout: 60_000 });

    await nav(page, 'Invoices').click();
    const first = page.getByRole('link', { name: 'INV-2026-00001' });
    await first.waitFor();
    await look(page, 'invoices', problems);
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'Invoice INV-2026-00001' }).waitFor();
    await look(page, 'invoice', problems);

    await nav(page, 'Dashboard').click();
    // The month just finalized is billed, in dollars among other currencies.
    await expect
      .poll(() => page.getByRole('region', { name: 'Billed' }).textContent(), { timeout: 30_000 })
      .toMatch(/\$[\d,]+\.\d\d/);
    await look(page, 'dashboard', problems);

    expect(problems).toEqual([]);
  }, 240_000);

  it('imports a usage export with a bad row: reported by row, fixed, imported', async () => {
    const { page, problems } = await openDesk();
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    const day = month.toISOString().slice(0, 10);
    // The platform's export names two columns its own way: the wizard maps them.
    const csv = (units: string) =>
      [
        'id,customer,meter,units,timestamp,region',
        `e2e-1,org_acme,api_calls,1200,${day}T10:00:00Z,eu`,
        `e2e-2,org_acme,api_calls,${units},${day}T11:00:00Z,eu`,
        `e2e-3,org_hooli,api_calls,300,${day}T12:00:00Z,us`,
      ].join('\n');
    const choose = (text: string) =>
      page.getByLabel('Usage file', { exact: true }).setInputFiles({
        name: 'platform-export.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });

    await nav(page, 'Usage').click();
    await page.getByRole('link', { name: 'Import usage' }).click();
    await choose(csv('12x'));
    await page.getByRole('heading', { name: 'platform-export.csv' }).waitFor();
    expect(await page.getByLabel('Format').inputValue()).toBe('csv');
    await expect.poll(() => page.getByLabel('Event id').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Event id').selectOption('id');
    await page.getByLabel('Quantity').selectOption('units');
    await expect
      .poll(() => page.getByText('Kept as properties of each event: region.').count())
      .toBe(1);
    await look(page, 'usage-import-mapping', problems);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('table', { name: /Validation report/ });
    await report.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').first().textContent()).toContain('Nothing was stored');
    const badRow = report.getByRole('row').nth(1);
    expect(await badRow.getByRole('cell').first().textContent()).toBe('3');
    expect(await badRow.textContent()).toContain('quantity');
    await look(page, 'usage-import-report', problems);

    await page.getByRole('button', { name: 'Choose the fixed file' }).click();
    await choose(csv('12'));
    await page.getByLabel('Event id').selectOption('id');
    await page.getByLabel('Quantity').selectOption('units');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Stored as batch /).waitFor({ timeout: 60_000 });
    const accepted = page
      .getByText('Accepted', { exact: true })
      .locator('xpath=following-sibling::dd');
    expect(await accepted.textContent()).toBe('3');
    await look(page, 'usage-import-result', problems);

    await page.getByRole('link', { name: 'Import history' }).first().click();
    const batch = page.getByRole('row', { name: /^platform-export\.csv/ });
    await batch.waitFor();
    expect(await batch.getByRole('cell').nth(3).textContent()).toBe('3');
    expect(problems).toEqual([]);
  }, 240_000);
});
