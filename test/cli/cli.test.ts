import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-main/cli/commands';
import { cli, tempDir } from '../support/cli';
import { SMALL_BOOK as SMALL_BUNDLE } from '../support/cli-book';

describe('the command line', () => {
  it('lists every command in --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toContain(command.name);
  });

  it.each(COMMANDS.map((command) => command.name))('has --help on %s', async (name) => {
    const run = await cli([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: nexus-billing ${name}`);
    expect(run.stdout).toContain('--data DIR');
  });

  it('exits 2 on an unknown command, an unknown option and a missing argument', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(
      "Unknown command 'frobnicate'. Run 'nexus-billing --help' for the list.\n",
    );

    const option = await cli(['dump', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(
      /^dump: Unknown option '--colour'.* Run 'nexus-billing dump --help'.\n$/,
    );

    const missing = await cli(['load']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("load: missing FILE. Run 'nexus-billing load --help'.\n");
  });

  it('refuses bad data with one sentence on stderr, exit 1, no stack trace', async () => {
    const data = await tempDir();
    const file = join(data, 'broken.json');
    await writeFile(file, '{"format": "nexus-billing/bundle@1", "plans": [');
    const run = await cli(['load', file, '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^.*broken\.json is not valid JSON: .*\.\n$/);
    expect(run.stderr).not.toContain('    at ');

    const missingFile = await cli(['load', 'nope.json', '--data', data], data);
    expect(missingFile).toMatchObject({
      code: 1,
      stderr: 'Cannot read nope.json: no such file.\n',
    });
  });

  it('creates an empty store, loads a bundle, and refuses init over existing data', async () => {
    const data = await tempDir();
    expect((await cli(['init', '--data', data])).code).toBe(0);
    await writeFile(join(data, 'book.json'), JSON.stringify(SMALL_BUNDLE));
    const load = await cli(['load', 'book.json', '--data', data, '--json'], data);
    expect(load.code).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ plans: 1, customers: 1, contracts: 1 });

    const again = await cli(['init', '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `${data} already holds a book of business; init only sets up a new store.\n`,
    );
  });

  it('loads nothing from a bundle with a bad reference (all or nothing)', async () => {
    const data = await tempDir();
    const bad = { ...SMALL_BUNDLE, contracts: [{ ...SMALL_BUNDLE.contracts[0], plan: 'gold' }] };
    await writeFile(join(data, 'bad.json'), JSON.stringify(bad));
    const run = await cli(['load', 'bad.json', '--data', data], data);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "bad.json: contracts[0].plan: unknown plan 'gold'. Nothing was loaded.\n",
    );
    const dump = await cli(['dump', '--data', data]);
    expect(JSON.parse(dump.stdout)).toMatchObject({ meters: [], plans: [], customers: [] });
  });

  it('prints exactly one JSON document with --json', async () => {
    const data = await tempDir();
    const run = await cli(['init', '--data', data, '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ data, demo: false });
  });

  it('runs as a real process with the documented exit codes', () => {
    const entry = join(import.meta.dirname, '../../src-main/cli/bin.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry, 'load'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('load: missing FILE.');
  });
});

describe('the demo', () => {
  it('creates the demo store in the given folder, bills the last closed month and prints totals', async () => {
    const data = await tempDir();
    const run = await cli(['demo', data]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Demo store: ${data}`);
    expect(run.stdout).toMatch(/Totals by currency:\n {2}EUR .*\n {2}GBP .*\n {2}JPY .*\n {2}USD /);

    const listed = await cli(['invoices', '--data', data, '--json']);
    const invoices = JSON.parse(listed.stdout) as { status: string; currency: string }[];
    expect(invoices.length).toBeGreaterThanOrEqual(24);
    expect(invoices.filter((invoice) => invoice.status === 'marketplace')).toHaveLength(1);

    const again = await cli(['demo', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `${data} already holds a book of business; the demo needs an empty folder.\n`,
    );
  });
});
