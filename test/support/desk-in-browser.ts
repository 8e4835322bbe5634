/**
 * What the end-to-end files set up alike, over the helpers of ./browser: Chromium and a
 * served desk for a file (or a fresh desk for each test), the app opened on its
 * Dashboard, the main navigation's links, a screen checked with axe and photographed,
 * a file handed to a file input, and the desk's API called as the page calls it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Outcome } from '../../src-main/api/contract';
import {
  launchBrowser,
  openApp,
  screenshot,
  seriousAccessibilityViolations,
  serveApp,
  type OpenedApp,
  type ServedApp,
} from './browser';

export interface BrowserAndDesk {
  browser: Browser;
  app: ServedApp;
}

/**
 * One Chromium and one served desk (the demo book unless told otherwise) for all the
 * tests of a file, closed after them; its fields are set once the file's set-up ran.
 */
export function useBrowserAndDesk(options: Parameters<typeof serveApp>[0] = {}): BrowserAndDesk {
  const session: Partial<BrowserAndDesk> = {};
  beforeAll(async () => {
    [session.browser, session.app] = await Promise.all([launchBrowser(), serveApp(options)]);
  });
  afterAll(async () => {
    await session.app?.stop();
    await session.browser?.close();
  });
  return session as BrowserAndDesk;
}

export interface BrowserAndFreshDesks {
  browser: Browser;
  /** The desk the running test opened, if it opened one. */
  app: ServedApp | undefined;
  /** Serves a desk on a new demo book and opens it on its Dashboard. */
  openFreshDesk: () => Promise<OpenedApp>;
}

/** One Chromium for a file's tests, and for each test a desk of its own, stopped after it. */
export function useBrowserAndFreshDesks(): BrowserAndFreshDesks {
  const session: BrowserAndFreshDesks = {
    browser: undefined as unknown as Browser,
    app: undefined,
    async openFreshDesk() {
      session.app = await serveApp();
      return openOnDashboard(session.browser, session.app);
    },
  };
  beforeAll(async () => {
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  afterEach(async () => {
    await session.app?.stop();
    session.app = undefined;
  });
  return session;
}

/** Opens the app and waits for the Dashboard, where it opens. */
export async function openOnDashboard(browser: Browser, app: ServedApp): Promise<OpenedApp> {
  const opened = await openApp(browser, app);
  await opened.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return opened;
}

/** A link of the main navigation, by its exact name. */
export const mainNavLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/**
 * Adds axe's serious and critical findings on the screen to `problems`, each named by
 * `name`, once the screen has settled (figures and charts arrive after the heading).
 */
export async function checkAccessibility(
  page: Page,
  name: string,
  problems: string[],
): Promise<void> {
  await page.waitForLoadState('networkidle');
  problems.push(...(await seriousAccessibilityViolations(page)).map((line) => `${name}: ${line}`));
}

/** Checks the settled screen with axe, then photographs it as docs/screenshots/NAME.png. */
export async function checkAndPhotograph(
  page: Page,
  name: string,
  problems: string[],
): Promise<void> {
  await checkAccessibility(page, name, problems);
  await screenshot(page, name);
}

/** Hands a CSV file of this text to the file input of this label, as a user would pick it. */
export function chooseCsvFile(page: Page, label: string, name: string, text: string | Buffer) {
  return page.getByLabel(label, { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

/** Calls a procedure of the desk's API as the page does, with the run's token. */
export async function callDesk<T>(app: ServedApp, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/api/rpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nexus-token': app.token },
    body: JSON.stringify(input),
  });
  const outcome = (await response.json()) as Outcome<T>;
  if (!outcome.ok) throw new Error(`${procedure}: ${outcome.error.message}`);
  return outcome.value;
}

/** The month before this one (UTC), `YYYY-MM`: the last month a bill run can close. */
export function lastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
}
