/**
 * The customers, contracts and credits screens in a real browser against `serve` on
 * the demo book: a clerk adds a customer (a bad currency refused beside its field)
 * and a contract, changes its plan in the middle of last month after seeing the
 * effect on the invoice, bills the month and finds exactly the previewed drafts,
 * grants a credit and is told which invoice it will reach, and finds every change on
 * the customer's page. axe finds no serious or critical violation on these screens,
 * and each is photographed into docs/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import {
  checkAndPhotograph,
  lastMonth,
  mainNavLink,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const desk = useBrowserAndDesk();

describe('customers, contracts and credits', () => {
  it('sets up a customer on a plan, changes it mid-month, bills it and grants a credit', async () => {
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);
    const month = lastMonth();

    await mainNavLink(page, 'Customers').click();
    await page.getByRole('link', { name: 'Acme Corp' }).waitFor();
    await checkAndPhotograph(page, 'customers', problems);
    await page.getByLabel('Search').fill('org_initech');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('row').nth(1).textContent()).toContain('Initech LLC');

    // A customer: the bundle's own check of the currency, beside the field.
    await page.getByRole('link', { name: 'Add customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add customer' }).waitFor();
    await page.getByLabel('Legal name').fill('Kramerica Industries');
    await page.getByLabel('Currency').fill('USX');
    await page.getByLabel('External ids').click();
    const currency = page.getByLabel('Currency');
    await expect.poll(() => currency.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'Currency must be an ISO 4217 currency code such as "USD".',
    );
    await currency.fill('USD');
    await page.getByLabel('External ids').fill('org_kramerica');
    await page.getByLabel('Billing emails').fill('ap@kramerica.example');
    await page.getByLabel('Address').fill('1 Penn Plaza\nNew York, NY 10119');
    await checkAndPhotograph(page, 'customer-new', problems);
    // An id the book has already: the desk's sentence, beside the id.
    const id = page.getByLabel('Customer id');
    await id.fill('vandelay');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => id.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toBe(
      "There is already a customer 'vandelay'; edit it, or choose another id.",
    );
    await id.fill('kramerica');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kramerica Industries' }).waitFor();

    // A contract on Growth from the first of last month.
    await page.getByRole('button', { name: 'New contract' }).click();
    await page.getByLabel('Plan', { exact: true }).selectOption('growth');
    await page.getByLabel('Starts on').fill(`${month}-01`);
    await checkAndPhotograph(page, 'contract-new', problems);
    await page.getByRole('button', { name: 'Start contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract kramerica-1' }).waitFor();

    // Change to Starter on the 16th: the effect on last month's invoice first.
    await page.getByLabel('New plan').selectOption('starter');
    await page.getByLabel('Change on').fill(`${month}-16`);
    await page.getByRole('button', { name: 'Preview the change' }).click();
    const after = page.getByRole('region', { name: 'After the change' });
    await after.getByRole('table').nth(1).waitFor();
    const previewedTotals = await after
      .getByRole('row')
      .filter({ hasText: 'Total' })
      .allTextContents();
    expect(previewedTotals).toHaveLength(2);
    expect(
      await page.getByRole('region', { name: `Effect on the invoice for ${month}` }).textContent(),
    ).toContain('Nothing is changed until you confirm');
    await checkAndPhotograph(page, 'contract-change', problems);
    await page.getByRole('button', { name: `Change to starter on ${month}-16` }).click();
    await page.getByRole('heading', { level: 1, name: 'Contract kramerica-1-2' }).waitFor();
    await page
      .getByRole('status')
      .filter({
        hasText: `Contract kramerica-1 ends on ${month}-16; contract kramerica-1-2 on plan starter starts that day.`,
      })
      .waitFor();

    // Bill last month: two prorated drafts, with exactly the previewed totals.
    await mainNavLink(page, 'Bill run').click();
    await page.getByRole('heading', { level: 1, name: 'Bill run' }).waitFor();
    await page.getByRole('button', { name: 'Compute drafts' }).click();
    await page.getByRole('heading', { name: /^Review \d+ drafts$/ }).waitFor({ timeout: 60_000 });
    const drafts = page.getByRole('row').filter({ hasText: 'Kramerica Industries' });
    await expect.poll(() => drafts.count()).toBe(2);
    const billed = (await drafts.allTextContents()).join(' ');
    for (const total of previewedTotals) expect(billed).toContain(total.replace('Total', ''));

    // A goodwill credit, and the invoice it will reach.
    await mainNavLink(page, 'Credits').click();
    await page.getByRole('heading', { level: 1, name: 'Credits' }).waitFor();
    await page.getByLabel('Customer').selectOption('kramerica');
    await page.getByLabel('Kind').selectOption('goodwill');
    await page.getByLabel('Amount').fill('25.00');
    await page.getByLabel('Note').fill('Sorry for the onboarding delay');
    await page.getByRole('button', { name: 'Grant credit' }).click();
    const granted = page.getByRole('status').filter({ hasText: 'Granted goodwill credit' });
    await granted.waitFor();
    expect(await granted.textContent()).toContain(
      // Granted today, it applies from this month's invoice (billing.md: periods ending on or after it).
      `It will reach Kramerica Industries's invoice for ${new Date().toISOString().slice(0, 7)}, when that period is billed.`,
    );
    await page.getByText('Sorry for the onboarding delay', { exact: true }).waitFor();
    await checkAndPhotograph(page, 'credits', problems);

    // Every change on the customer's page, each from the app.
    await mainNavLink(page, 'Customers').click();
    await page.getByLabel('Search').fill('kramerica');
    await page.getByRole('link', { name: 'Kramerica Industries' }).click();
    const activity = page.getByRole('table', { name: 'Activity, newest first' });
    // The entries arrive after the table is drawn: a header and the four changes.
    await expect.poll(() => activity.getByRole('row').count(), { timeout: 30_000 }).toBe(5);
    const entries = await activity.getByRole('row').allTextContents();
    expect(entries.slice(1).map((entry) => entry.includes('App'))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(entries.join('\n')).toContain("Changed contract 'kramerica-1' from plan 'growth'");
    expect(await page.getByRole('table', { name: 'Contracts' }).textContent()).toContain(
      'kramerica-1-2',
    );

    // A customer with a history: usage, invoices, credits.
    await page.getByLabel('Search').waitFor({ state: 'detached' });
    await mainNavLink(page, 'Customers').click();
    await page.getByLabel('Search').fill('acme');
    await page.getByRole('link', { name: 'Acme Corp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Corp' }).waitFor();
    await page.getByRole('table', { name: 'API calls by month' }).waitFor({ timeout: 30_000 });
    await checkAndPhotograph(page, 'customer', problems);

    // The refused duplicate id answered 422, which the browser logs as a failed resource.
    const refusedId = 'the server responded with a status of 422';
    expect(problems.filter((problem) => !problem.includes(refusedId))).toEqual([]);
  }, 240_000);
});
