import { spawn, spawnSync } from 'node:child_process';
import { link, mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { OutputFile, writeOutputFile } from '../../src-main/files/output-file';
import { cli, tempDir } from '../support/cli';
import { bookFolder } from '../support/cli-book';

describe("dump --out never harms a user's file or the store's", () => {
  it('refuses store.json and anything else inside the data folder, and leaves them as they were', async () => {
    const { dir, data, run } = await bookFolder();
    const before = await readFile(join(data, 'store.json'), 'utf8');
    for (const target of ['data/store.json', 'data/usage/copy.json', 'data/new.json']) {
      const refused = await run('dump', '--out', target, '--force');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `Refusing to write ${join(dir, target)}: it is inside the data folder (${data}), whose files only the store writes. Choose a file outside it.\n`,
      );
    }
    expect(await readFile(join(data, 'store.json'), 'utf8')).toBe(before);
    expect(await readdir(data)).not.toContain('new.json');
  });

  it('refuses an existing file unless --force, and then replaces it whole', async () => {
    const { dir, run } = await bookFolder();
    await writeFile(join(dir, 'mine.json'), 'my notes');
    const refused = await run('dump', '--out', 'mine.json');
    expect(refused.stderr).toBe(
      `Refusing to write ${join(dir, 'mine.json')}: the file already exists. Choose another name, or replace it on purpose (with --force).\n`,
    );
    expect(await readFile(join(dir, 'mine.json'), 'utf8')).toBe('my notes');

    expect((await run('dump', '--out', 'mine.json', '--force')).code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'mine.json'), 'utf8'))).toMatchObject({
      customers: [{ id: 'acme' }],
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says in one sentence when the folder is missing or the name is a folder', async () => {
    const { dir, run } = await bookFolder();
    const missing = await run('dump', '--out', 'nowhere/book.json');
    expect(missing).toMatchObject({
      code: 1,
      stderr: `Cannot write ${join(dir, 'nowhere/book.json')}: the folder ${join(dir, 'nowhere')} does not exist.\n`,
    });
    await mkdir(join(dir, 'folder'));
    const folder = await run('dump', '--out', 'folder', '--force');
    expect(folder).toMatchObject({
      code: 1,
      stderr: `Cannot write ${join(dir, 'folder')}: it is a folder; name a file.\n`,
    });
    const underFile = await run('dump', '--out', 'book.json/inner.json');
    expect(underFile.stderr).toBe(
      `Cannot write ${join(dir, 'book.json/inner.json')}: ${join(dir, 'book.json')} is a file, not a folder.\n`,
    );
  });

  it('stops with one sentence and exit 1 when the reader of a pipe goes away (dump | head)', async () => {
    const dir = await tempDir();
    expect((await cli(['init', '--demo', '--data', dir])).code).toBe(0);
    const entry = join(import.meta.dirname, '../../src-main/cli/bin.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'dump', '--data', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('nexus-billing: stopped: the output was closed before it was complete.\n');

    // Standard output on a full disk (Linux's /dev/full answers every write with ENOSPC).
    const full = await open('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', entry, 'dump', '--data', dir], {
        stdio: ['ignore', full.fd, 'pipe'],
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'nexus-billing: stopped: cannot write the output: the disk is full.\n',
      );
    } finally {
      await full.close();
    }
  });
});

describe('import-usage --rejects', () => {
  const CSV =
    'event_id,customer,meter,quantity,timestamp\nevt_1,org_nobody,api_calls,5,2026-10-01T00:00:00Z\n';

  it('refuses to write over the file being imported, even through another name', async () => {
    const { dir, run } = await bookFolder();
    await writeFile(join(dir, 'u.csv'), CSV);
    await link(join(dir, 'u.csv'), join(dir, 'alias.csv'));
    for (const target of ['u.csv', './u.csv', 'alias.csv']) {
      const refused = await run(
        'import-usage',
        'u.csv',
        '--keep-valid',
        '--rejects',
        target,
        '--force',
      );
      expect(refused).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `Refusing to write ${join(dir, target)}: it is the file being imported. Choose another file for the output.\n`,
      });
    }
    expect(await readFile(join(dir, 'u.csv'), 'utf8')).toBe(CSV);
    expect((await run('usage-batches', '--json')).stdout).toBe('[]\n');
  });

  it('refuses an existing rejects file before importing anything, unless --force', async () => {
    const { dir, run } = await bookFolder();
    await writeFile(join(dir, 'u.csv'), CSV);
    await writeFile(join(dir, 'u.rejects.csv'), 'kept');
    const refused = await run('import-usage', 'u.csv', '--keep-valid');
    expect(refused.stderr).toBe(
      `Refusing to write ${join(dir, 'u.rejects.csv')}: the file already exists. Choose another name, or replace it on purpose (with --force).\n`,
    );
    expect((await run('usage-batches', '--json')).stdout).toBe('[]\n');
    expect((await run('import-usage', 'u.csv', '--keep-valid', '--force')).code).toBe(0);
    expect(await readFile(join(dir, 'u.rejects.csv'), 'utf8')).toContain('org_nobody');
  });

  it('escapes cells a spreadsheet would run, and a fixed rejects file imports them as they were', async () => {
    const { dir, run } = await bookFolder();
    const formula = '=HYPERLINK("http://evil.example","click")';
    await writeFile(
      join(dir, 'u.csv'),
      `event_id,customer,meter,quantity,timestamp,note\n"${formula.replaceAll('"', '""')}",org_nobody,api_calls,-5,2026-10-01T00:00:00Z,@SUM(A1)\n`,
    );
    const run1 = await run('import-usage', 'u.csv', '--rejects', 'bad.csv');
    expect(run1.code).toBe(1);
    const rejects = await readFile(join(dir, 'bad.csv'), 'utf8');
    expect(rejects.split('\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")",org_nobody,api_calls,-5,2026-10-01T00:00:00Z,'@SUM(A1),row 2: customer 'org_nobody' is unknown; quantity '-5' is negative`,
    );

    await writeFile(
      join(dir, 'fixed.csv'),
      rejects.replace('org_nobody', 'org_8f2a').replace(',-5,', ',5,'),
    );
    expect((await run('import-usage', 'fixed.csv')).code).toBe(0);
    const dump = JSON.parse((await run('dump')).stdout) as { usage: unknown[] };
    expect(dump.usage).toEqual([
      expect.objectContaining({ event_id: formula, properties: { note: '@SUM(A1)' } }),
    ]);
  });
});

describe('OutputFile', () => {
  it('leaves no file, whole or partial, when the disk fills up midway', async () => {
    const dir = await tempDir();
    const path = join(dir, 'export.csv');
    let writes = 0;
    const file = OutputFile.open(path, {
      writeBytes: () => {
        writes += 1;
        if (writes === 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    });
    const big = 'x'.repeat(1 << 20);
    const failure = (() => {
      try {
        for (let i = 0; i < 4; i++) file.write(big);
        file.commit();
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toBe(
      `Cannot write ${path}: the disk is full; nothing was written.`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes a whole file, and never over one that appeared meanwhile', async () => {
    const dir = await tempDir();
    const path = join(dir, 'out.txt');
    const file = OutputFile.open(path);
    file.write('mine');
    await writeFile(path, 'theirs');
    expect(() => file.commit()).toThrow(
      `Cannot write ${path}: the file appeared while it was being written; nothing was written.`,
    );
    expect(await readFile(path, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['out.txt']);

    writeOutputFile(join(dir, 'new.txt'), 'whole');
    expect(await readFile(join(dir, 'new.txt'), 'utf8')).toBe('whole');
  });
});
