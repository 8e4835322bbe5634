/**
 * The Plans screens in a real browser against `serve` on the demo book: edit a plan's
 * tiers and watch the calculator follow, re-rate a customer's real usage under the
 * draft with the price simulator, save; axe on each screen, and the screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser';
import {
  checkAccessibility,
  checkAndPhotograph,
  mainNavLink,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const desk = useBrowserAndDesk();

const calculatedTotal = (page: Page) => page.getByLabel('Calculated total').textContent();

describe('the Plans screens', () => {
  it('edits a plan’s tiers with the calculator following, simulates the draft on real usage, and saves', async () => {
    const { page, problems } = await openOnDashboard(desk.browser, desk.app);
    await mainNavLink(page, 'Plans').click();
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
    await checkAndPhotograph(page, 'plans', problems);

    await page.getByRole('link', { name: 'Growth', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Growth' }).waitFor();
    // 5M calls, 100,000 included: 1M × 0.0004 + 3.9M × 0.0002 = 1,180, plus the 499 base fee.
    await page.getByLabel('API calls (call)').fill('5M');
    await expect.poll(() => calculatedTotal(page)).toBe('$1,679.00');

    const upTo = page.getByRole('textbox', { name: 'To, tier 1' });
    await upTo.fill('2000000x');
    await expect(
      page.getByText('To must be a decimal string such as "12.50".').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save plan' }).isDisabled()).resolves.toBe(true);
    await upTo.fill('2000000');
    await expect.poll(() => page.getByLabel('From, tier 2').textContent()).toBe('2,000,000');
    // 2M × 0.0004 + 2.9M × 0.0002 = 1,380, plus 499.
    await expect.poll(() => calculatedTotal(page)).toBe('$1,879.00');
    await checkAndPhotograph(page, 'plan-editor', problems);

    const simulator = page.getByRole('region', { name: 'Price simulator' });
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    const byLine = simulator.getByRole('table', { name: 'Simulation by line' });
    await byLine.waitFor();
    await expect(byLine.getByRole('columnheader', { name: 'This draft' }).count()).resolves.toBe(1);
    await expect(byLine.getByText('API calls — graduated').count()).resolves.toBe(1);
    await expect(
      simulator.getByText(/^Contract acme-growth, usage of \d{4}-\d{2}/).count(),
    ).resolves.toBe(1);
    await checkAccessibility(page, 'plan-simulator', problems);
    await simulator.scrollIntoViewIfNeeded();
    await simulator.screenshot({ path: join(ROOT, 'docs/screenshots/plan-simulator.png') });

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Saved plan growth.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Growth' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'To, tier 1' }).inputValue()).resolves.toBe(
      '2000000',
    );

    expect(problems).toEqual([]);
  });
});
