/**
 * Getting paid, in a real browser against `serve` on the demo book once its last month
 * is finalized: a payment recorded by hand (a refusal shown by its field first), a
 * bank file imported through its matching preview, the aging report changing with it,
 * and every payment found in the Activity screen as made in the app. axe finds no
 * serious or critical violation; each screen is photographed into docs/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src-main/domain/money';
import { ROOT } from '../support/browser';
import {
  callDesk,
  checkAndPhotograph,
  chooseCsvFile,
  mainNavLink,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const BANK_FILE = join(ROOT, 'test/fixtures/payments/first-national-2026-12.csv');
const SPARKASSE_FILE = join(ROOT, 'test/fixtures/payments/sparkasse-umsaetze-2026-11.csv');

const desk = useBrowserAndDesk();

/** Calls the desk's API as the page does (the month-end is another test's subject). */
const call = <T>(procedure: string, input: unknown) => callDesk<T>(desk.app, procedure, input);

/** Bills last month and finalizes every draft, through the API. */
async function closeLastMonth(): Promise<void> {
  const { today } = await call<{ today: string }>('bookOverview', {});
  const [year, month] = today.split('-').map(Number) as [number, number];
  const period = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const { job } = await call<{ job: string }>('startBillRun', { period });
  await expect
    .poll(async () => (await call<{ state: string }>('jobStatus', { job })).state, {
      timeout: 60_000,
    })
    .toBe('done');
  const drafts = await call<{ invoices: { id: string }[] }>('listInvoices', {
    status: 'draft',
    limit: 1000,
  });
  await call('finalizeInvoices', { invoices: drafts.invoices.map((invoice) => invoice.id) });
}

async function usdOwedOn(asOf: string): Promise<string> {
  const report = await call<{ currencies: { currency: string; total: string }[] }>('aging', {
    as_of: asOf,
  });
  return report.currencies.find((aging) => aging.currency === 'USD')?.total ?? '0.00';
}

const dollars = (amount: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
    amount as Intl.StringNumericLiteral,
  );

/** The dollars owed on the aging screen's date, as its heading shows them. */
const dollarsOwed = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^Owed in USD on/ }).textContent();

describe('payments', () => {
  it('records a payment, imports a bank file through its preview, and logs both', async () => {
    await closeLastMonth();
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);

    // The aging before any payment.
    await mainNavLink(page, 'Payments').click();
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.getByRole('heading', { name: 'No payments yet' }).waitFor();
    await page.getByRole('link', { name: 'Aging' }).click();
    await page.getByLabel('As of').fill('2026-12-31');
    const owedBefore = await usdOwedOn('2026-12-31');
    await expect.poll(() => dollarsOwed(page), { timeout: 30_000 }).toContain(dollars(owedBefore));

    // A payment by hand: a date before the invoice was issued is refused by its field.
    await page.getByRole('link', { name: 'Payments', exact: true }).first().click();
    await page.getByRole('button', { name: 'Record a payment' }).click();
    const form = page.getByRole('dialog', { name: 'Record a payment' });
    await form.getByLabel('Invoice').selectOption('INV-2026-00001');
    await form.getByLabel('Amount received').fill('1200.00');
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toContain('$95.50 beyond the balance due becomes a credit of Acme Corp');
    await form.getByLabel('Amount received').fill('1104.50');
    await form.getByLabel('Received on').fill('2026-10-01');
    await form.getByLabel('Reference').fill('ACH CREDIT ACME CORP INV-2026-00001');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/^The payment date 2026-10-01 is before its issue date/);
    await form.getByLabel('Received on').fill('2026-12-04');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toContain('INV-2026-00001 is paid, balance due $0.00');
    await form.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('cell', { name: 'ACH CREDIT ACME CORP INV-2026-00001' }).waitFor();

    // The bank file: its columns have the bank's names, mapped here as --map would.
    await page.getByRole('link', { name: 'Import a bank file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a bank file' }).waitFor();
    await chooseCsvFile(
      page,
      'Bank or processor file (CSV)',
      'first-national-2026-12.csv',
      await readFile(BANK_FILE),
    );
    await page
      .getByRole('status')
      .filter({ hasText: 'The file has no column named as Date, Reference' })
      .waitFor();
    await page.getByLabel('Date', { exact: true }).selectOption('Posting Date');
    await page.getByLabel('Reference', { exact: true }).selectOption('Description');
    await page.getByRole('heading', { name: 'How the rows match' }).waitFor();

    const matched = page.getByRole('table', { name: /^Matched: to be recorded/ });
    const unmatched = page.getByRole('table', { name: /^Not matched/ });
    const already = page.getByRole('table', { name: /^Already recorded/ });
    await expect.poll(() => matched.getByRole('row').count()).toBe(4);
    await expect(matched.getByRole('row', { name: /^3 .*INV-2026-00020/ }).count()).resolves.toBe(
      1,
    );
    await expect(
      matched
        .getByRole('row', { name: /^5 .*INV-2026-00023.*\$21\.00 beyond the balance/ })
        .count(),
    ).resolves.toBe(1);
    expect(await unmatched.getByRole('row').allTextContents()).toEqual([
      'RowWhy',
      '4amount -89.00 is no money received',
      '6no invoice number was found in the reference',
      '7the reference names several invoices (INV-2026-00012, INV-2026-00017); give the invoice column',
    ]);
    await already.getByRole('row', { name: /^2 .*INV-2026-00001/ }).waitFor();
    // Nothing is recorded by the preview.
    expect((await call<{ payments: unknown[] }>('listPayments', {})).payments).toHaveLength(1);
    await checkAndPhotograph(page, 'payments-import-preview', problems);

    await page.getByRole('button', { name: 'Record the 3 matched payments' }).click();
    await page.getByRole('heading', { name: 'Recorded', exact: true }).waitFor();
    expect((await call<{ payments: unknown[] }>('listPayments', {})).payments).toHaveLength(4);

    await page.getByRole('link', { name: 'See the payments' }).click();
    await page.getByRole('cell', { name: 'HOOLI INC INV 2026 00011' }).waitFor();
    await checkAndPhotograph(page, 'payments', problems);

    // The aging as of the same day owes what the four payments did not cover.
    await page.getByRole('link', { name: 'Aging' }).click();
    await page.getByLabel('As of').fill('2026-12-31');
    // 1,104.50 + 500.00 + 99.00 (the rest of the 120.00 is credit) + 1,394.31 came in.
    const owedAfter = new Dec(owedBefore).minus('3097.81').toFixed(2);
    await expect.poll(() => dollarsOwed(page), { timeout: 30_000 }).toContain(dollars(owedAfter));
    await checkAndPhotograph(page, 'aging', problems);

    // Every payment is in the activity log, as made in the app.
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search commands' }).fill('Activity');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    const stark = page.getByRole('row', { name: /Recorded payment pay_2 of 500\.00 USD/ });
    await expect.poll(() => stark.textContent()).toContain('row 3 of first-national-2026-12.csv');
    expect(await stark.getByRole('cell').last().textContent()).toBe('App');
    await page.getByLabel('Invoice').fill('INV-2026-00001');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.getByRole('row').allTextContents())
      .toEqual([
        'WhenWhatCustomerInvoiceFrom',
        expect.stringMatching(/Recorded payment pay_1 of 1104\.50 USD by wire on 2026-12-04/),
        expect.stringMatching(/^.*Finalized draft .* as invoice INV-2026-00001/),
      ]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await checkAndPhotograph(page, 'activity', problems);

    // The refused date above was the desk's answer 422, which the browser logs; nothing else.
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
  }, 240_000);

  it("reads a Windows-1252 bank file's column names as its rows are, once told the encoding", async () => {
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);
    await mainNavLink(page, 'Payments').click();
    await page.getByRole('link', { name: 'Import a bank file' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Import a bank file' }).waitFor();
    await chooseCsvFile(
      page,
      'Bank or processor file (CSV)',
      'umsaetze.csv',
      await readFile(SPARKASSE_FILE),
    );
    // Named as the clerk knows it, not by where the upload was kept.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^umsaetze\.csv is not UTF-8 text \(row 1\); .* choose that text encoding/);

    await page.getByLabel('Text encoding').selectOption('windows-1252');
    await page.getByLabel('Amounts use a decimal comma').check();
    const currency = page.getByLabel('Currency (optional)');
    await expect.poll(() => currency.getByRole('option').allTextContents()).toContain('Währung');
    await page.getByLabel('Date', { exact: true }).selectOption('Buchungstag');
    await page.getByLabel('Amount', { exact: true }).selectOption('Betrag');
    await page.getByLabel('Reference', { exact: true }).selectOption('Verwendungszweck');
    await currency.selectOption('Währung');
    await page.getByRole('heading', { name: 'How the rows match' }).waitFor();
    // The demo book has no invoice these rows name: every row is read, none matched.
    const unmatched = page.getByRole('table', { name: /^Not matched/ });
    await expect
      .poll(() => unmatched.getByRole('row').allTextContents())
      .toContain('4amount -1234.56 is no money received');
    await checkAndPhotograph(page, 'payments-import-windows-1252', problems);
    // The refusal of the file as UTF-8 was the desk's answer 422; nothing else.
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
  }, 120_000);
});
