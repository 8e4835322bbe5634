/** The app in a real browser against `nexus-billing serve` on a temp data folder. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openApp,
  ROOT,
  screenshot,
  seriousAccessibilityViolations,
  serveApp,
} from '../support/browser';
import { useBrowserAndDesk } from '../support/desk-in-browser';

describe('the app in the browser mode', () => {
  const desk = useBrowserAndDesk();

  it('loads from the printed link under its CSP, with no error and no serious accessibility finding', async () => {
    const { page, problems } = await openApp(desk.browser, desk.app);
    await expect(page.title()).resolves.toBe('Nexus Billing Desk');
    await page.locator('#root > *').first().waitFor();
    // The token moved out of the address bar into the session.
    expect(page.url()).not.toContain(desk.app.token);
    expect(problems).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'app');
  });

  it('refuses an API request without the token, from the page itself', async () => {
    const { page } = await openApp(desk.browser, desk.app);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/rpc/bookOverview', { method: 'POST', body: '{}' });
      return response.status;
    });
    expect(status).toBe(401);
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await serveApp({ book: 'empty' });
    expect(await other.stop()).toBe(0);
  });
});

describe('the built desktop shell', () => {
  it('has a preload that loads under the sandbox: it requires electron and nothing else', async () => {
    const preload = await readFile(join(ROOT, 'out/preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
