import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

// eslint-disable-next-line no-control-regex -- a raw control character is what must not appear
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u202e]/;

describe('options common to every command', () => {
  it('may stand before the command name, as with git', async () => {
    const dir = await tempDir();
    const data = join(dir, 'book');
    const init = await cli(['--data', data, '--json', 'init']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toEqual({ data, demo: false });

    const before = await cli(['--data=book', 'invoices', '--json'], dir);
    const after = await cli(['invoices', '--json', '--data', 'book'], dir);
    expect(before).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(after).toEqual(before);
  });

  it('shows help for a command whose name follows --help', async () => {
    const help = await cli(['--help', 'invoices']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: nexus-billing invoices');
    const general = await cli(['-h']);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain('Usage: nexus-billing [--data DIR] [--json] COMMAND');
  });

  it("refuses a command's own option before the name, with exit 2", async () => {
    const run = await cli(['--period', '2026-10', 'bill']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "nexus-billing: '--period' cannot stand before the command's name; only --data, --json, --help, --wait can. Run 'nexus-billing --help'.\n",
    });
  });

  it('takes the data folder from NEXUS_BILLING_DATA when --data is absent', async () => {
    const dir = await tempDir();
    const env = { NEXUS_BILLING_DATA: 'from-env' };
    expect((await cli(['init'], dir, env)).code).toBe(0);
    const listed = await cli(['invoices', '--json'], dir, env);
    expect(listed).toEqual({ code: 0, stdout: '[]\n', stderr: '' });

    const missing = await cli(['invoices'], dir, { NEXUS_BILLING_DATA: 'elsewhere' });
    expect(missing.stderr).toBe(
      `The data folder ${join(dir, 'elsewhere')} (from NEXUS_BILLING_DATA) does not exist; only 'nexus-billing init' creates a store in a new folder.\n`,
    );
    // --data wins over the variable.
    const named = await cli(['invoices', '--json', '--data', 'from-env'], dir, {
      NEXUS_BILLING_DATA: 'elsewhere',
    });
    expect(named.code).toBe(0);
  });
});

describe('the data folder', () => {
  it('is refused when it does not exist, except by init, and the sentence says so', async () => {
    const dir = await tempDir();
    const data = join(dir, 'typo');
    const run = await cli(['invoices', '--data', data]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `The data folder ${data} (from --data) does not exist; only 'nexus-billing init' creates a store in a new folder.\n`,
    });
    const load = await cli(['load', 'book.json', '--data', data], dir);
    expect(load.code).toBe(1);
    // Nothing was created by the refused commands.
    expect((await cli(['init', '--data', data])).code).toBe(0);
  });

  it('is refused when it names a file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'store.txt');
    await writeFile(file, 'not a folder');
    const run = await cli(['invoices', '--data', file]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `The data folder ${file} (from --data) is a file, not a folder.\n`,
    });
    const init = await cli(['init', '--data', file]);
    expect(init.stderr).toBe(`The data folder ${file} (from --data) is a file, not a folder.\n`);
  });

  it('may exist empty: a store is set up in it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'empty'));
    expect((await cli(['invoices', '--data', 'empty'], dir)).code).toBe(0);
  });
});

describe('text from files on the terminal', () => {
  it('reaches tables and error messages with its control characters escaped', async () => {
    const dir = await tempDir();
    expect((await cli(['init', '--data', dir])).code).toBe(0);
    const evil = 'acme\u001b]0;owned\u0007\u001b[2J\u202e';
    const bundle = {
      format: 'nexus-billing/bundle@1',
      customers: [{ id: evil, name: 'Acme', currency: 'USD' }],
      contracts: [
        {
          id: 'c1',
          customer: evil,
          plan: `gold\u001b[31m`,
          start_date: '2026-01-01',
          payment_method: 'card',
        },
      ],
    };
    await writeFile(join(dir, 'evil.json'), JSON.stringify(bundle));
    const run = await cli(['load', 'evil.json', '--data', dir], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "evil.json: contracts[0].plan: unknown plan 'gold\\u001b[31m'. Nothing was loaded.\n",
    );

    const unknown = await cli([`bill\u001b[2J`]);
    expect(unknown.stderr).toBe(
      "Unknown command 'bill\\u001b[2J'. Run 'nexus-billing --help' for the list.\n",
    );

    const credit = await cli(
      ['grant-credit', '--customer', evil, '--kind', 'goodwill', '--amount', '5', '--data', dir],
      dir,
    );
    expect(credit.stderr).toContain('acme\\u001b]0;owned\\u0007\\u001b[2J\\u202e');
    expect(credit.stderr).not.toMatch(RAW_CONTROL);

    // What a command writes to stderr itself (an import's report) is escaped too.
    await writeFile(
      join(dir, 'u.csv'),
      `event_id,customer,meter,quantity,timestamp\ne1,${evil},api_calls,1,2026-10-01T00:00:00Z\n`,
    );
    const report = await cli(['import-usage', 'u.csv', '--data', dir], dir);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain("customer 'acme\\u001b]0;owned");
    expect(report.stderr).not.toMatch(RAW_CONTROL);
  });
});
