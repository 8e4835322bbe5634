import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, type CliRun } from '../support/cli';

const GROWTH = {
  code: 'growth',
  name: 'Growth',
  currency: 'USD',
  interval: 'month',
  base_fee: '100.00',
};

describe('the book commands', () => {
  async function desk() {
    const dir = await tempDir();
    const data = join(dir, 'data');
    await mkdir(data);
    const run = (...args: string[]): Promise<CliRun> => cli([...args, '--data', data], dir);
    const json = async (...args: string[]): Promise<unknown> => {
      const result = await run(...args, '--json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as unknown;
    };
    return { dir, run, json };
  }

  it('sets up a customer on a plan, changes the plan mid-month and finds every change in the log', async () => {
    const { dir, run, json } = await desk();
    expect(await run('customers')).toMatchObject({ code: 0, stdout: 'No customers.\n' });
    const added = await run(
      'customers',
      'add',
      '--id',
      'acme',
      '--name',
      'Acme',
      '--currency',
      'USD',
      '--email',
      'ap@acme.test',
    );
    expect(added).toMatchObject({ code: 0, stdout: "Added customer 'acme' (Acme, USD).\n" });
    await writeFile(join(dir, 'growth.json'), JSON.stringify(GROWTH));
    expect((await run('plans', 'add', '--file', 'growth.json')).code).toBe(0);
    expect(
      await json(
        'plans',
        'add',
        '--file',
        'growth.json',
        '--code',
        'starter',
        '--name',
        'Starter',
        '--base-fee',
        '20',
      ),
    ).toMatchObject({ code: 'starter', base_fee: '20', currency: 'USD' });
    expect(
      (
        await run(
          'contracts',
          'add',
          '--id',
          'c1',
          '--customer',
          'acme',
          '--plan',
          'growth',
          '--start',
          '2026-10-01',
          '--payment-method',
          'card',
        )
      ).code,
    ).toBe(0);
    expect(
      await json('contracts', 'change-plan', 'c1', '--plan', 'starter', '--on', '2026-10-16'),
    ).toMatchObject({
      ended: { id: 'c1', end_date: '2026-10-16' },
      started: { id: 'c1-2', plan: 'starter', start_date: '2026-10-16' },
    });
    expect(
      (await run('customers', 'edit', 'acme', '--tax-rate', '20', '--tax-label', 'VAT')).code,
    ).toBe(0);
    expect(await json('customers', 'show', 'acme')).toMatchObject({
      customer: { id: 'acme', tax_rate: '20', tax_label: 'VAT', email: ['ap@acme.test'] },
      contracts: [{ id: 'c1' }, { id: 'c1-2' }],
      invoices: [],
    });
    const log = (await json('activity', '--customer', 'acme')) as {
      action: string;
      door: string;
    }[];
    expect(log.map((entry) => `${entry.door} ${entry.action}`)).toEqual([
      'cli customer.add',
      'cli contract.add',
      'cli contract.change-plan',
      'cli customer.edit',
    ]);
    const text = await run('activity');
    expect(text.stdout).toContain("Added plan 'starter'.");
    expect(text.stdout.split('\n')[0]).toMatch(/^WHEN +FROM +ACTION +CUSTOMER +INVOICE +WHAT$/);
  });

  it('refuses bad input with one sentence and exit 1, leaving the book as it was', async () => {
    const { dir, run, json } = await desk();
    await run('customers', 'add', '--id', 'acme', '--name', 'Acme', '--currency', 'USD');
    const refusals: [string[], string][] = [
      [
        ['customers', 'add', '--id', 'acme', '--name', 'A', '--currency', 'USD'],
        "There is already a customer 'acme'; edit it, or choose another id.\n",
      ],
      [
        ['customers', 'add', '--id', 'b', '--name', 'B', '--currency', 'usd'],
        `Customer 'b', currency: must be an ISO 4217 currency code such as "USD"; nothing was changed.\n`,
      ],
      [
        [
          'contracts',
          'add',
          '--id',
          'c1',
          '--customer',
          'acme',
          '--plan',
          'gold',
          '--start',
          '2026-10-01',
          '--payment-method',
          'card',
        ],
        "Contract 'c1', plan: unknown plan 'gold'; nothing was changed.\n",
      ],
      [['customers', 'show', 'nobody'], "There is no customer 'nobody'.\n"],
      [['plans', 'add', '--file', 'missing.json'], 'Cannot read missing.json: ENOENT.\n'],
    ];
    for (const [args, message] of refusals) {
      expect(await run(...args)).toEqual({ code: 1, stdout: '', stderr: message });
    }
    await writeFile(join(dir, 'broken.json'), '{"code": ');
    const broken = await run('plans', 'add', '--file', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^broken\.json is not valid JSON: .+\.\n$/);
    expect(await json('customers')).toEqual([expect.objectContaining({ id: 'acme' })]);
    expect(await json('activity')).toHaveLength(1);
  });

  it('tells a wrong action or a missing id as a usage error', async () => {
    const { run } = await desk();
    expect(await run('customers', 'delete', 'acme')).toMatchObject({
      code: 2,
      stderr:
        "customers: 'delete' is not an action; use one of list, add, edit, show. Run 'nexus-billing customers --help'.\n",
    });
    expect((await run('contracts', 'end-contract', '--on', '2026-10-01')).stderr).toContain(
      'missing ID.',
    );
    expect((await run('contracts', 'edit', 'c1')).code).toBe(2);
  });

  it('lists credits with their balances by customer', async () => {
    const { run, json } = await desk();
    await run('customers', 'add', '--id', 'acme', '--name', 'Acme', '--currency', 'EUR');
    await run(
      'grant-credit',
      '--customer',
      'acme',
      '--kind',
      'prepaid',
      '--amount',
      '40',
      '--as-of',
      '2026-10-01',
    );
    await run(
      'grant-credit',
      '--customer',
      'acme',
      '--kind',
      'goodwill',
      '--amount',
      '2.5',
      '--as-of',
      '2026-10-01',
    );
    expect(await json('credits', '--as-of', '2026-10-02')).toEqual([
      expect.objectContaining({ customer: 'acme', currency: 'EUR', usable: '42.50' }),
    ]);
    expect(await json('credits', 'show', 'goodwill-2')).toMatchObject({
      remaining: '2.50',
      usable: true,
    });
    const text = await run('credits', '--as-of', '2026-10-02');
    expect(text.stdout).toContain('USABLE BALANCE');
    expect(text.stdout).toMatch(/acme +EUR +€42\.50/);
  });
});
