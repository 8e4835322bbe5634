/**
 * End-to-end helpers: the built app served by `nexus-billing serve` on a temp data
 * folder (a real child process, a real port), Debian's Chromium driven by
 * playwright-core, screenshots into docs/screenshots/, and axe-core's findings.
 */
import { execSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_CLI = join(ROOT, 'out/main/cli.js');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

export interface ServedApp {
  /** The URL serve printed: opening it opens the app. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Everything serve wrote on stderr so far. */
  stderr: () => string;
  /** SIGTERM, then waits for serve to exit; returns its exit code. */
  stop: () => Promise<number | null>;
}

/**
 * Starts the built CLI's `serve` on a new temp folder: with `book: 'demo'` (the
 * default) the folder does not exist yet, so the app opens on the demo book; with
 * `book: 'empty'` it exists and is empty. Needs `electron-vite build` first (the e2e
 * project's global setup runs it).
 */
export async function serveApp(options: { book?: 'demo' | 'empty' } = {}): Promise<ServedApp> {
  const dir = await mkdtemp(join(tmpdir(), 'nexus-billing-e2e-'));
  const dataDir = join(dir, 'data');
  if (options.book === 'empty') await mkdir(dataDir);
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [BUILT_CLI, 'serve', '--data', dataDir, '--port', '0'],
    { cwd: ROOT },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

  const url = await new Promise<string>((found, failed) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^Nexus Billing Desk: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/.exec(line);
      if (match?.[1]) found(match[1]);
    });
    void exited.then((code) => failed(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.slice('#token='.length),
    dataDir,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      await rm(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: execSync('command -v chromium').toString().trim(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedApp {
  page: Page;
  /** Errors the page threw and console errors (a CSP violation is one). */
  problems: string[];
}

/** Opens the app in a fresh browser context (AxeBuilder needs one from newContext()). */
export async function openApp(browser: Browser, app: ServedApp): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(app.url);
  return { page, problems };
}

/** Saves a full-page screenshot as docs/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}
