import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/store';
import { cli, tempDir } from '../support/cli';
import { exited, spawnFixture, waitForLine } from '../support/data-folder';

const BOOK = {
  format: 'nexus-billing/bundle@1',
  customers: [{ id: 'initech', name: 'Initech', external_ids: ['org_init'], currency: 'USD' }],
};
const BIN = join(import.meta.dirname, '../../src-main/cli/bin.ts');

/** Runs the real executable; resolves with its exit code and output. */
function runBin(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

async function bookFolder(): Promise<string> {
  const data = await tempDir();
  await writeFile(join(data, 'book.json'), JSON.stringify(BOOK));
  expect((await cli(['load', 'book.json', '--data', data], data)).code).toBe(0);
  return data;
}

describe('several clerks, one book', () => {
  it('lands every one of several commands started at once, each exactly once', async () => {
    const data = await bookFolder();
    const notes = Array.from({ length: 6 }, (_, index) => `clerk ${index}`);
    const runs = await Promise.all(
      notes.map((note) =>
        runBin([
          'grant-credit',
          '--customer',
          'initech',
          '--kind',
          'goodwill',
          '--amount',
          '5.00',
          '--note',
          note,
          '--data',
          data,
          '--wait',
          '120',
        ]),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual(notes.map(() => 0));
    const store = await openStore(data);
    try {
      const credits = store.read().credits;
      expect(credits.map((credit) => credit.note).sort()).toEqual(notes);
      expect(new Set(credits.map((credit) => credit.id)).size).toBe(notes.length);
    } finally {
      await store.close();
    }
  });

  it('says on stderr for whom a command waits, and gives up after --wait SECONDS', async () => {
    const data = await bookFolder();
    const holder = spawnFixture('holder', [data, 'hold']);
    await waitForLine(holder, (line) => line === 'open');

    const run = await cli(['invoices', '--data', data, '--wait', '0.3']);
    expect(run.code).toBe(1);
    const who = `pid ${holder.pid} on ${hostname()} (holder.ts), since `;
    expect(run.stderr).toContain(`Waiting up to 0.3 s for ${data}, in use by ${who}`);
    expect(run.stderr).toContain(
      `The data folder ${data} is still in use after waiting 0.3 s, by ${who}`,
    );

    holder.stdin.end();
    await exited(holder);
    expect((await cli(['invoices', '--data', data, '--wait', '0'])).code).toBe(0);
  });

  it('refuses a --wait that is not a number of seconds', async () => {
    const run = await cli(['invoices', '--wait', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--wait takes a number of seconds from 0 to 86400, such as 30, not 'soon'.",
    );
  });
});
