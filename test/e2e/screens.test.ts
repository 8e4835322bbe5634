/**
 * The screens in a real browser against `serve` on the demo book: every screen opens
 * by its name in the navigation and has its heading, the month-end works on screen,
 * axe finds no serious or critical violation anywhere, and each screen is
 * photographed into docs/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import {
  checkAndPhotograph,
  chooseCsvFile,
  lastMonth,
  mainNavLink,
  useBrowserAndFreshDesks,
} from '../support/desk-in-browser';

const desk = useBrowserAndFreshDesks();

describe('the screens', () => {
  it('opens every screen by its name, each accessible, through a month-end', async () => {
    const { page, problems } = await desk.openFreshDesk();
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
      await mainNavLink(page, name).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await checkAndPhotograph(page, file, problems);
    }

    await mainNavLink(page, 'Usage').click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page.getByRole('table').waitFor();
    await checkAndPhotograph(page, 'usage', problems);
    await page.getByRole('link', { name: 'Import usage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import usage' }).waitFor();
    await checkAndPhotograph(page, 'usage-import', problems);

    await mainNavLink(page, 'Bill run').click();
    await page.getByRole('heading', { level: 1, name: 'Bill run' }).waitFor();
    await page.getByRole('button', { name: 'Compute drafts' }).click();
    const review = page.getByRole('heading', { name: /^Review \d+ drafts$/ });
    await review.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByText('…', { exact: true }).count(), { timeout: 30_000 })
      .toBe(0);
    await checkAndPhotograph(page, 'bill-run', problems);

    await page.getByRole('button', { name: /^Lines of Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Why API calls — graduated' }).click();
    const drawer = page.getByRole('dialog', { name: 'Why this amount' });
    await drawer.getByRole('table', { name: "Tiers with this period's quantities" }).waitFor();
    await checkAndPhotograph(page, 'bill-run-explanation', problems);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Finalize \d+ selected$/ }).click();
    await page
      .getByRole('heading', { name: /^Finalized \d+ invoices$/ })
      .waitFor({ timeout: 60_000 });

    await mainNavLink(page, 'Invoices').click();
    const first = page.getByRole('link', { name: 'INV-2026-00001' });
    await first.waitFor();
    await checkAndPhotograph(page, 'invoices', problems);
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'Invoice INV-2026-00001' }).waitFor();
    await checkAndPhotograph(page, 'invoice', problems);

    await mainNavLink(page, 'Dashboard').click();
    // The month just finalized is billed, in dollars among other currencies.
    await expect
      .poll(() => page.getByRole('region', { name: 'Billed' }).textContent(), { timeout: 30_000 })
      .toMatch(/\$[\d,]+\.\d\d/);
    await checkAndPhotograph(page, 'dashboard', problems);

    expect(problems).toEqual([]);
  }, 240_000);

  it('imports a usage export with a bad row: reported by row, fixed, imported', async () => {
    const { page, problems } = await desk.openFreshDesk();
    const day = `${lastMonth()}-15`;
    // The platform's export names two columns its own way: the wizard maps them.
    const csv = (units: string) =>
      [
        'id,customer,meter,units,timestamp,region',
        `e2e-1,org_acme,api_calls,1200,${day}T10:00:00Z,eu`,
        `e2e-2,org_acme,api_calls,${units},${day}T11:00:00Z,eu`,
        `e2e-3,org_hooli,api_calls,300,${day}T12:00:00Z,us`,
      ].join('\n');
    const choose = (text: string) => chooseCsvFile(page, 'Usage file', 'platform-export.csv', text);

    await mainNavLink(page, 'Usage').click();
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
    await checkAndPhotograph(page, 'usage-import-mapping', problems);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('table', { name: /Validation report/ });
    await report.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').first().textContent()).toContain('Nothing was stored');
    const badRow = report.getByRole('row').nth(1);
    expect(await badRow.getByRole('cell').first().textContent()).toBe('3');
    expect(await badRow.textContent()).toContain('quantity');
    await checkAndPhotograph(page, 'usage-import-report', problems);

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
    await checkAndPhotograph(page, 'usage-import-result', problems);

    await page.getByRole('link', { name: 'Import history' }).first().click();
    const batch = page.getByRole('row', { name: /^platform-export\.csv/ });
    await batch.waitFor();
    expect(await batch.getByRole('cell').nth(3).textContent()).toBe('3');
    expect(problems).toEqual([]);
  }, 240_000);
});
