/** The backend on its worker thread: the doors' calls, the folder's lock, a clean close. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackendThread } from '../../src-main/api/backend';
import { openStore } from '../../src-main/store/store';

describe('the backend thread', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-thread-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers calls, holds the folder while open and releases it on close', async () => {
    const backend = await startBackendThread(join(dir, 'data'), { demoIfEmpty: true });
    try {
      expect(await backend.call('bookOverview', {})).toMatchObject({
        ok: true,
        value: { demo: true },
      });
      expect(await backend.call('nothing', {})).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      await expect(openStore(join(dir, 'data'))).rejects.toThrow(/already open in this process/);
    } finally {
      await backend.close();
    }
    const store = await openStore(join(dir, 'data'));
    await store.close();
  });

  it('refuses to open a folder another backend holds, with the store’s sentence', async () => {
    const first = await startBackendThread(join(dir, 'data'));
    try {
      await expect(startBackendThread(join(dir, 'data'))).rejects.toThrow(
        /^The data folder .* is already open in this process/,
      );
    } finally {
      await first.close();
    }
  });
});
