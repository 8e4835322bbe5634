/**
 * The desktop window's door, tested as its handler map (electron is never loaded):
 * one channel per procedure, the sender checked, every payload validated.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src-main/api/backend';
import { ipcChannel, PROCEDURE_NAMES, type Outcome } from '../../src-main/api/contract';
import { ipcHandlers, isAppFrame, type IpcHandler } from '../../src-main/api/ipc';

const APP = 'app://desk';
const appPage = { senderFrame: { url: `${APP}/index.html#/invoices` } };

describe('the IPC door', () => {
  let dir = '';
  let backend: Backend;
  let chosen: string | null = null;
  let handlers: Map<string, IpcHandler>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-ipc-'));
    backend = await openBackend(join(dir, 'data'));
    handlers = ipcHandlers(backend, {
      appOrigins: [APP],
      chooseFile: () => Promise.resolve(chosen),
    });
  });
  afterEach(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  const invoke = (name: string, event: Parameters<IpcHandler>[0], payload: unknown = {}) => {
    const handler = handlers.get(`api:${name}`);
    if (!handler) throw new Error(`no channel for ${name}`);
    return handler(event, payload);
  };

  it('has one channel per procedure of the contract and no other', () => {
    expect([...handlers.keys()].sort()).toEqual(PROCEDURE_NAMES.map(ipcChannel).sort());
    expect(handlers.has('api:dropEverything')).toBe(false);
  });

  it.each([
    ['another site', { senderFrame: { url: 'https://evil.example/' } }],
    ['a local file', { senderFrame: { url: 'file:///tmp/page.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a message from %s and does nothing', async (_case, event) => {
    expect(await invoke('loadDemoBook', event)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await invoke('bookOverview', appPage)).toMatchObject({ value: { empty: true } });
  });

  it('refuses a payload that does not match the contract', async () => {
    const outcome: Outcome = await invoke('finalizeInvoices', appPage, { invoices: [] });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: "The request to finalizeInvoices is not valid: 'invoices': names no invoice.",
      },
    });
    expect(await invoke('chooseUsageFile', appPage, { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('lets the renderer read only a file chosen in the main process’s dialog', async () => {
    chosen = null;
    expect(await invoke('chooseUsageFile', appPage)).toEqual({ ok: true, value: null });

    chosen = join(dir, 'october.ndjson');
    await writeFile(
      chosen,
      '{"event_id":"n-1","customer":"org_x","meter":"api_calls","quantity":"1","timestamp":"2026-10-20T10:00:00Z"}\n',
    );
    const outcome = await invoke('chooseUsageFile', appPage);
    expect(outcome).toMatchObject({ ok: true, value: { name: 'october.ndjson' } });
    if (!outcome.ok) return;
    const { file } = outcome.value as { file: string };
    expect(file).not.toContain(dir);
    expect(await invoke('previewUsageFile', appPage, { file })).toMatchObject({
      ok: true,
      value: { format: 'ndjson', detected: true },
    });
  });
});

describe('isAppFrame', () => {
  it.each([
    ['app://desk/index.html', true],
    ['app://desk/', true],
    ['app://other/index.html', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppFrame({ url }, ['app://desk'])).toBe(expected);
  });

  it('accepts the dev server only when it is listed', () => {
    expect(
      isAppFrame({ url: 'http://localhost:5173/#/' }, ['app://desk', 'http://localhost:5173']),
    ).toBe(true);
  });
});
