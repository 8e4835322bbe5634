/**
 * The month-end in a real browser against `serve` on a temporary demo book, as a
 * clerk does it: import last month's usage (a bad row reported, the file fixed),
 * bill, read a line's explanation, finalize, export the PDF, email it to the outbox,
 * record the payment and see the aging move. axe checks every screen on the way and
 * the screens are photographed into docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAndPhotograph,
  chooseCsvFile,
  lastMonth,
  mainNavLink,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const desk = useBrowserAndDesk();
let exportDir: string;

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'nexus-billing-pdfs-'));
});
afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
});

const owedInDollars = (page: Page) =>
  page
    .getByRole('region', { name: /Accounts receivable aging/ })
    .getByText(/^USD:/)
    .textContent();

describe('the month-end on screen', () => {
  it('refuses an API request without the run’s token', async () => {
    const response = await fetch(`${desk.app.origin}/api/rpc/invoicePdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoice: 'INV-1' }),
    });
    expect(response.status).toBe(401);
  });

  it('imports, bills, finalizes, sends and gets paid', async () => {
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);

    // Last month's usage, exported by the platform: one row's quantity is not a number.
    const day = `${lastMonth()}-15`;
    const csv = (units: string) =>
      [
        'event_id,customer,meter,quantity,timestamp',
        `me-1,org_acme,api_calls,1500,${day}T10:00:00Z`,
        `me-2,org_acme,api_calls,${units},${day}T11:00:00Z`,
      ].join('\n');
    const choose = (text: string) => chooseCsvFile(page, 'Usage file', 'month-end.csv', text);
    await mainNavLink(page, 'Usage').click();
    await page.getByRole('link', { name: 'Import usage' }).click();
    await choose(csv('two hundred'));
    await page.getByRole('heading', { name: 'month-end.csv' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('table', { name: /Validation report/ });
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('3');
    await page.getByRole('button', { name: 'Choose the fixed file' }).click();
    await choose(csv('200'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Stored as batch /).waitFor({ timeout: 60_000 });

    await mainNavLink(page, 'Bill run').click();
    await page.getByRole('button', { name: 'Compute drafts' }).click();
    await page.getByRole('heading', { name: /^Review \d+ drafts$/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Lines of Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Why API calls — graduated' }).click();
    const drawer = page.getByRole('dialog', { name: 'Why this amount' });
    await drawer.getByRole('table', { name: "Tiers with this period's quantities" }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Finalize \d+ selected$/ }).click();
    await page
      .getByRole('heading', { name: /^Finalized \d+ invoices$/ })
      .waitFor({ timeout: 60_000 });
    await checkAndPhotograph(page, 'bill-run-send', problems);

    await mainNavLink(page, 'Dashboard').click();
    await expect.poll(() => owedInDollars(page), { timeout: 30_000 }).toMatch(/\$[\d,]+\.\d\d/);
    const owedBefore = await owedInDollars(page);

    await mainNavLink(page, 'Invoices').click();
    const first = page.getByRole('link', { name: /^INV-\d{4}-00001$/ });
    await first.waitFor();
    const number = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: `Invoice ${number}` }).waitFor();
    await page.getByTitle(`PDF of ${number}`).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    expect((await download).suggestedFilename()).toBe(`${number}.pdf`);

    await page.getByLabel('Folder on this computer').fill(exportDir);
    await page.getByRole('button', { name: 'Export PDFs of the invoice' }).click();
    await page.getByText(/^1 PDF written into /).waitFor({ timeout: 60_000 });
    const pdf = join(exportDir, `${number}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain(number);

    await page.getByRole('button', { name: 'Email the invoice' }).click();
    await page.getByText('1 email queued in the outbox.').waitFor({ timeout: 60_000 });
    const emails = page.getByRole('table', { name: 'Emails of the invoice' });
    await emails.getByText('Waiting in the outbox').waitFor();
    const outbox = join(desk.app.dataDir, 'outbox');
    const queued = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    expect(queued).toHaveLength(1);
    expect(readFileSync(join(outbox, queued[0]!)).toString()).toContain(
      `X-Nexus-Invoice: ${number}`,
    );
    await checkAndPhotograph(page, 'invoice-send', problems);

    const amount = page.getByLabel('Amount received');
    const balanceDue = await amount.inputValue();
    await amount.fill('-5');
    await amount.blur();
    await page.getByText('The amount must not be negative.').waitFor();
    await checkAndPhotograph(page, 'invoice-payment-error', problems);
    await amount.fill(balanceDue);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText(new RegExp(`recorded; ${number} is now paid`)).waitFor();
    await checkAndPhotograph(page, 'invoice-paid', problems);

    await mainNavLink(page, 'Dashboard').click();
    await expect.poll(() => owedInDollars(page), { timeout: 30_000 }).not.toBe(owedBefore);
    await checkAndPhotograph(page, 'dashboard-after-payment', problems);

    expect(problems).toEqual([]);
  }, 300_000);
});
