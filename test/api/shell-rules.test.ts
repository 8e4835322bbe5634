/** The desktop shell's rules that need no Electron: the page's files, links, profiles. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appFilePath,
  dataDirArgument,
  isSafeExternalUrl,
  profileDir,
} from '../../src-main/shell-rules';

describe('appFilePath', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'nexus-billing-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'app.js'), '');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    ['app://desk/assets/app.js', 'assets/app.js'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/', 'index.html'],
    ['app://desk/invoices/42', 'index.html'],
  ])('%s is %s', (url, file) => {
    expect(appFilePath(root, url)).toBe(join(root, file));
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://desk/%E0%A4%A',
  ])('refuses %s', (url) => {
    const path = appFilePath(root, url);
    expect(path === null || path === join(root, 'index.html')).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://stripe.com/docs', true],
    ['mailto:billing@acme.example', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['nonsense', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('profiles and arguments', () => {
  it('gives each data folder its own profile, outside it', () => {
    const a = profileDir('/home/u/.config', '/books/a');
    expect(a).not.toBe(profileDir('/home/u/.config', '/books/b'));
    expect(a).toBe(profileDir('/home/u/.config', '/books/a/'));
    expect(a.startsWith('/books/a')).toBe(false);
  });

  it('reads --data in both spellings', () => {
    expect(dataDirArgument(['electron', '.', '--data', '/b'])).toBe('/b');
    expect(dataDirArgument(['electron', '.', '--data=/c'])).toBe('/c');
    expect(dataDirArgument(['electron', '.'])).toBeUndefined();
  });
});
