/**
 * A desk's whole chain in the app, in a real browser against `serve` on the demo book:
 * a new plan, a new customer on it, a plan change in the middle of last month, the
 * month billed and finalized, the customer's invoice paid, and every one of those
 * changes found in the activity log, each marked as made in the app.
 */
import { describe, expect, it } from 'vitest';
import {
  lastMonth,
  mainNavLink,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const desk = useBrowserAndDesk();

describe('a new customer on a new plan, from set-up to payment', () => {
  it('sets up, changes mid-month, bills, gets paid and finds every change in the log', async () => {
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);
    const month = lastMonth();

    await mainNavLink(page, 'Plans').click();
    await page.getByRole('link', { name: 'New plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'New plan' }).waitFor();
    await page.getByLabel('Code').fill('desk-basic');
    await page.getByLabel('Name').fill('Desk Basic');
    await page.getByLabel('Base fee').fill('200');
    await page.getByRole('button', { name: 'Add plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Desk Basic' }).waitFor();

    await mainNavLink(page, 'Customers').click();
    await page.getByRole('link', { name: 'Add customer' }).click();
    await page.getByLabel('Customer id').fill('kramerica');
    await page.getByLabel('Legal name').fill('Kramerica Industries');
    await page.getByLabel('Currency').fill('USD');
    await page.getByLabel('External ids').fill('org_kramerica');
    await page.getByLabel('Billing emails').fill('ap@kramerica.example');
    await page.getByLabel('Address').fill('1 Penn Plaza\nNew York, NY 10119');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kramerica Industries' }).waitFor();

    await page.getByRole('button', { name: 'New contract' }).click();
    await page.getByLabel('Plan', { exact: true }).selectOption('desk-basic');
    await page.getByLabel('Starts on').fill(`${month}-01`);
    await page.getByRole('button', { name: 'Start contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract kramerica-1' }).waitFor();

    await page.getByLabel('New plan').selectOption('starter');
    await page.getByLabel('Change on').fill(`${month}-16`);
    await page.getByRole('button', { name: 'Preview the change' }).click();
    await page.getByRole('button', { name: `Change to starter on ${month}-16` }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract kramerica-1-2' }).waitFor();

    await mainNavLink(page, 'Bill run').click();
    await page.getByRole('button', { name: 'Compute drafts' }).click();
    await page.getByRole('heading', { name: /^Review \d+ drafts$/ }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'Kramerica Industries' }).count())
      .toBe(2);
    await page.getByRole('button', { name: /^Finalize \d+ selected$/ }).click();
    await page
      .getByRole('heading', { name: /^Finalized \d+ invoices$/ })
      .waitFor({ timeout: 60_000 });

    await mainNavLink(page, 'Customers').click();
    await page.getByLabel('Search').fill('kramerica');
    await page.getByRole('link', { name: 'Kramerica Industries' }).click();
    const invoices = page.getByRole('region', { name: 'Invoices, newest first' });
    const first = invoices.getByRole('link', { name: /^INV-/ }).first();
    await first.waitFor();
    const number = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: `Invoice ${number}` }).waitFor();
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText(new RegExp(`recorded; ${number} is now paid`)).waitFor();

    // The Activity screen's address takes its filter, as other screens link to it.
    await page.evaluate("location.hash = '#/activity?customer=kramerica'");
    const log = page.getByRole('table', { name: 'Changes to the book, newest first' });
    await log.getByText(/^Recorded payment /).waitFor();
    const rows = (await log.getByRole('row').allTextContents()).slice(1);
    const text = rows.join('\n');
    expect(text).toContain("Added customer 'kramerica'.");
    expect(text).toContain(
      `Changed contract 'kramerica-1' from plan 'desk-basic' to 'starter' on ${month}-16`,
    );
    expect(text).toContain(number);
    expect(rows.every((row) => row.includes('App'))).toBe(true);

    await page.evaluate("location.hash = '#/activity'");
    await log.getByText("Added plan 'desk-basic'.").waitFor();

    expect(problems).toEqual([]);
  }, 240_000);
});
