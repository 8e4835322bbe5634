import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';
import { csv } from '../support/usage-store';

const BOOK = {
  format: 'nexus-billing/bundle@1',
  meters: [{ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }],
  customers: [{ id: 'acme', name: 'Acme', external_ids: ['org_8f2a'], currency: 'USD' }],
};

describe('import-usage, usage-batches and rollback-batch', () => {
  let dir = '';
  const run = (...args: string[]) => cli([...args, '--data', join(dir, 'data')], dir);

  beforeEach(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'book.json'), JSON.stringify(BOOK));
    expect((await run('init')).code).toBe(0);
    expect((await run('load', 'book.json')).code).toBe(0);
  });

  it('imports a file and prints the spec’s JSON', async () => {
    await writeFile(
      join(dir, 'u.csv'),
      csv(
        'e1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z',
        'e1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z',
      ),
    );
    const result = await run('import-usage', 'u.csv', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      batch: 'b000001',
      accepted: 1,
      duplicates: 1,
      rejected: 0,
      errors: [],
    });

    const text = await run('import-usage', 'u.csv');
    expect(text.stdout).toBe(
      'Imported u.csv (csv, detected) as batch b000002: 0 events accepted, 2 duplicates, 0 rows rejected.\n',
    );
  });

  it('exits 1 after printing the JSON when a strict import has rejected rows', async () => {
    await writeFile(
      join(dir, 'bad.csv'),
      csv(
        'e1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z',
        'e2,org_x,api_calls,ten,2026-10-01T00:00:00Z',
      ),
    );
    const json = await run('import-usage', 'bad.csv', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      batch: null,
      accepted: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ row: 3, reason: "customer 'org_x' is unknown; quantity 'ten' is not a number" }],
    });
    const text = await run('import-usage', 'bad.csv');
    expect(text).toMatchObject({ code: 1, stdout: '' });
    expect(text.stderr).toBe(
      'Nothing was imported from bad.csv (csv, detected): 1 row rejected. Fix them, or use --keep-valid to store the valid rows.\n' +
        "  row 3: customer 'org_x' is unknown; quantity 'ten' is not a number\n",
    );
  });

  it('takes --map, --keep-valid and --rejects', async () => {
    await writeFile(
      join(dir, 'm.csv'),
      'id,customer,meter,units,timestamp\ne1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z\ne2,org_x,api_calls,1,2026-10-01T00:00:00Z\n',
    );
    const result = await run(
      'import-usage',
      'm.csv',
      '--map',
      'event_id=id',
      '--map',
      'quantity=units',
      '--keep-valid',
      '--rejects',
      'out.csv',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ batch: 'b000001', accepted: 1, rejected: 1 });
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe(
      "id,customer,meter,units,timestamp,reason\ne2,org_x,api_calls,1,2026-10-01T00:00:00Z,row 3: customer 'org_x' is unknown\n",
    );
    expect(await run('import-usage', 'm.csv', '--format', 'xml')).toMatchObject({ code: 2 });
    expect(await run('import-usage', 'm.csv', '--map', 'quantity')).toMatchObject({ code: 2 });
  });

  it('lists batches and rolls one back', async () => {
    await writeFile(join(dir, 'u.csv'), csv('e1,org_8f2a,api_calls,5,2026-10-01T00:00:00Z'));
    await run('import-usage', 'u.csv');
    const list = await run('usage-batches');
    expect(list.stdout).toMatch(
      /^BATCH\s+IMPORTED \(UTC\)\s+FORMAT\s+ACCEPTED\s+DUPLICATES\s+REJECTED\s+STATUS\s+FILE\nb000001 .* csv\s+1\s+0\s+0\s+u\.csv\n$/,
    );

    const rollback = await run('rollback-batch', 'b000001');
    expect(rollback).toMatchObject({
      code: 0,
      stdout: 'Rolled back batch b000001 (u.csv): its 1 event is no longer stored.\n',
    });
    const listed = JSON.parse((await run('usage-batches', '--json')).stdout) as {
      rolled_back_at: string | null;
    }[];
    expect(listed[0]?.rolled_back_at).not.toBeNull();
    expect(await run('rollback-batch', 'b000001')).toMatchObject({ code: 1 });
  });
});
