/**
 * The screens in a real browser against `serve` on the demo book: every screen opens
 * by its name in the navigation, has its heading, and axe finds no serious or critical
 * violation on it. With NEXUS_SCREENSHOTS set to a folder (`npm run screenshots`), each
 * screen is photographed there.
 */
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/app-server';
import { buildRenderer, launchChromium, seriousViolations } from '../support/browser';

const rendererDir = join(tmpdir(), `nexus-billing-e2e-renderer-${process.pid}`);
const screenshots = process.env.NEXUS_SCREENSHOTS;
let browser: Browser;

beforeAll(async () => {
  await buildRenderer(rendererDir);
  browser = await launchChromium();
  if (screenshots) await mkdir(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await rm(rendererDir, { recursive: true, force: true });
});

const desk = useTestServer({ newFolder: true, rendererDir });

async function openDesk(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(desk.server().url);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}

/** Checks the screen with axe and, when asked, photographs it. */
async function look(page: Page, name: string, problems: string[]): Promise<void> {
  // Figures and charts arrive after the heading: let the screen settle first.
  await page.waitForLoadState('networkidle');
  problems.push(...(await seriousViolations(page)).map((line) => `${name}: ${line}`));
  if (screenshots)
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('the screens', () => {
  it('opens every screen by its name, each accessible, through a month-end', async () => {
    const page = await openDesk();
    const problems: string[] = [];
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toContain('Demo data');

    for (const [name, file] of [
      ['Customers', 'customers'],
      ['Plans', 'plans'],
      ['Payments', 'payments'],
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
    problems.push(...(await seriousViolations(page)).map((line) => `drawer: ${line}`));
    if (screenshots) await page.screenshot({ path: join(screenshots, 'bill-run-explanation.png') });
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
});
