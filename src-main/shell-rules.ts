/**
 * The rules of the desktop shell that need no Electron, so that they are tested as
 * they are: where the window's page comes from, which of its files a URL may name,
 * which links may leave the app, and the Chromium profile's folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The window loads the app from its own scheme (not file:, which every local file shares). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://desk`;

/**
 * The built renderer's file that an `app://desk/…` URL names, or index.html for any
 * path that is not a file (the app routes in the fragment); null for another host or
 * a path that climbs out of the folder.
 */
export function appFilePath(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = resolve(rendererDir);
  const path = resolve(root, `.${pathname}`);
  const inside = relative(root, path);
  if (inside.startsWith('..') || inside.includes(`${sep}..`) || resolve(root, inside) !== path) {
    return null;
  }
  return inside !== '' && existsSync(path) && !pathname.endsWith('/')
    ? path
    : join(root, 'index.html');
}

/** Links that may be handed to the system: web pages over TLS and mail, nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Chromium's profile (caches, local storage) for a data folder: apart from the data
 * folder, which the store alone writes, and one per folder, so that Electron's
 * single-instance lock means one window per data folder.
 */
export function profileDir(appDataDir: string, dataDir: string): string {
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(appDataDir, 'Nexus Billing Desk', 'profiles', key);
}

/** `--data DIR` or `--data=DIR` among the window's arguments. */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--data') return argv[index + 1];
    if (arg.startsWith('--data=')) return arg.slice('--data='.length);
  }
  return undefined;
}
