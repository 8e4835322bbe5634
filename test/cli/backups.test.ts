import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../src-main/store/store';
import { cli, tempDir } from '../support/cli';

const BOOK = {
  format: 'nexus-billing/bundle@1',
  meters: [{ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }],
  customers: [{ id: 'initech', name: 'Initech', external_ids: ['org_init'], currency: 'USD' }],
};
const USAGE = [
  'event_id,customer,meter,quantity,timestamp',
  'e1,org_init,api_calls,10,2026-10-03T10:00:00Z',
  'e2,org_init,api_calls,5,2026-10-04T10:00:00Z',
].join('\n');

async function backupsOf(data: string): Promise<BackupInfo[]> {
  const run = await cli(['backups', '--data', data, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as BackupInfo[];
}

async function batchesOf(data: string): Promise<string[]> {
  const run = await cli(['usage-batches', '--data', data, '--json']);
  return (JSON.parse(run.stdout) as { id: string; rolled_back_at: string | null }[]).map(
    (batch) => batch.id,
  );
}

describe('backups a person can use', () => {
  it('backs up before every load and usage import, lists the backups, and restores one', async () => {
    const data = await tempDir();
    await writeFile(join(data, 'book.json'), JSON.stringify(BOOK));
    await writeFile(join(data, 'october.csv'), USAGE);
    expect((await cli(['load', 'book.json', '--data', data], data)).code).toBe(0);
    expect((await backupsOf(data)).map((backup) => backup.reason)).toEqual([
      'before-load',
      'daily',
    ]);

    expect((await cli(['import-usage', 'october.csv', '--data', data], data)).code).toBe(0);
    const [beforeImport] = await backupsOf(data);
    expect(beforeImport).toMatchObject({ reason: 'before-import' });
    expect(beforeImport!.size).toBeGreaterThan(0);
    expect(await batchesOf(data)).toEqual(['b000001']);

    const listed = await cli(['backups', '--data', data]);
    expect(listed.stdout).toMatch(/^NAME +TAKEN \(UTC\) +REASON +SIZE\n/);
    expect(listed.stdout).toContain(`${beforeImport!.name}  `);
    expect(listed.stdout).toMatch(/before-import +\d+(\.\d)? (B|kB)\n/);

    const restored = await cli(['restore', beforeImport!.name, '--data', data, '--json']);
    expect(restored.code).toBe(0);
    const { saved_before: saved } = JSON.parse(restored.stdout) as { saved_before: BackupInfo };
    expect(saved.reason).toBe('restore');
    expect(await batchesOf(data)).toEqual([]);
    expect((await backupsOf(data))[0]).toEqual(saved);

    const undone = await cli(['restore', saved.name, '--data', data]);
    expect(undone.stdout).toContain(`Restored ${saved.name}. The state before it is backup `);
    expect(await batchesOf(data)).toEqual(['b000001']);
  });

  it('refuses to restore a backup that does not exist', async () => {
    const data = await tempDir();
    const run = await cli(['restore', 'yesterday.json', '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `There is no backup named "yesterday.json" in ${join(data, 'backups')}.\n`,
    );
  });
});
