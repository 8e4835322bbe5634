import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookFolder, SMALL_BOOK as BOOK } from '../support/cli-book';

describe('messages that help fix the mistake', () => {
  it('name every missing CSV column at once, with the column likely meant', async () => {
    const { dir, run } = await bookFolder();
    await writeFile(join(dir, 'u.csv'), 'id,customer,meter,time_stamp\ne1,org_8f2a,api_calls,x\n');
    const result = await run('import-usage', 'u.csv');
    expect(result).toMatchObject({
      code: 1,
      stderr:
        "The CSV header has no columns 'event_id' (for event_id), 'quantity' (for quantity), 'timestamp' (for timestamp; did you mean 'time_stamp'?); it has: id, customer, meter, time_stamp. Name them so, or use --map event_id=COLUMN --map quantity=COLUMN --map timestamp=COLUMN.\n",
    });
  });

  it("suggest the meter or customer meant, the external id for the desk's id, and say what a comma is", async () => {
    const { dir, run } = await bookFolder();
    await writeFile(
      join(dir, 'u.csv'),
      [
        'event_id,customer,meter,quantity,timestamp',
        'e1,org_8f2b,api_cals,1,2026-10-01T00:00:00Z',
        'e2,acme,api_calls,"1,200",2026-10-01 00:00',
        'e3,org_8f2a,api_calls,"1.200,5",01/10/2026',
        '',
      ].join('\n'),
    );
    const result = await run('import-usage', 'u.csv', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({
      errors: [
        {
          row: 2,
          reason:
            "customer 'org_8f2b' is unknown (did you mean 'org_8f2a'?); meter 'api_cals' is unknown (did you mean 'api_calls'?)",
        },
        {
          row: 3,
          reason:
            "customer 'acme' is the desk's id, not the platform's; use its external id 'org_8f2a'; quantity '1,200' has a thousands separator: write it 1200; timestamp '2026-10-01 00:00' has no UTC offset (add Z for UTC, or one such as +02:00)",
        },
        {
          row: 4,
          reason:
            "quantity '1.200,5' has a thousands separator and a decimal comma: write it 1200.5; timestamp '01/10/2026' is not a valid date-time (expected ISO 8601 with an offset, such as 2026-10-01T12:00:00Z)",
        },
      ],
    });
  });

  it("in a bundle's usage, suggest the meter or customer meant and the external id to use", async () => {
    const { dir, run } = await bookFolder();
    const event = { event_id: 'e1', quantity: '1', timestamp: '2026-10-01T00:00:00Z' };
    const usage = [
      { ...event, customer: 'acme', meter: 'api_call' },
      { ...event, event_id: 'e2', customer: 'org_8f2', meter: 'api_calls' },
    ];
    await writeFile(join(dir, 'usage.json'), JSON.stringify({ format: BOOK.format, usage }));
    const load = await run('load', 'usage.json');
    expect(load.stderr).toBe(
      [
        'usage.json has 3 problems; nothing was loaded:',
        "  usage[0].customer: 'acme' is the desk's id, not the platform's; use its external id 'org_8f2a'",
        "  usage[0].meter: unknown meter 'api_call' (did you mean 'api_calls'?)",
        "  usage[1].customer: no customer has the external id 'org_8f2' (did you mean 'org_8f2a'?)",
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      ['grant-credit', '--customer', 'org_8f2a', '--kind', 'goodwill', '--amount', '5'],
      "There is no customer 'org_8f2a'. 'org_8f2a' is the platform's external id of customer 'acme'; use 'acme' here.",
    ],
    [
      ['grant-credit', '--customer', 'acmee', '--kind', 'goodwill', '--amount', '5'],
      "There is no customer 'acmee'. Did you mean 'acme'?",
    ],
    [
      ['uptime', '--contract', 'c2', '--period', '2026-10', '--percent', '99'],
      "There is no contract 'c2'. Did you mean 'c1'?",
    ],
    [
      ['grant-credit', '--customer', 'acme', '--kind', 'goodwill', '--amount', '1,200.00'],
      "The amount '1,200.00' has a thousands separator: write it 1200.00.",
    ],
  ])('in commands, answer %j with the fix', async (args, sentence) => {
    const { run } = await bookFolder();
    expect(await run(...args)).toEqual({ code: 1, stdout: '', stderr: `${sentence}\n` });
  });

  it('grant-credit says which invoice the credit will reach', async () => {
    const { run } = await bookFolder();
    const grant = (amount: string) =>
      run('grant-credit', '--customer', 'acme', '--kind', 'goodwill', '--amount', amount);
    expect((await grant('5')).stdout).toBe(
      "Granted goodwill credit goodwill-1: $5.00 to acme on 2026-10-15.\nIt will reach acme's invoice for 2026-10, when that period is billed.\n",
    );
    const bill = await run('bill', '--period', '2026-10', '--json');
    const [draft] = JSON.parse(bill.stdout) as { id: string }[];
    expect((await grant('6')).stdout).toContain(
      `It will reach acme's draft invoice ${draft?.id} for 2026-10 when that period is billed again (bill --period 2026-10).\n`,
    );
    expect((await run('finalize', draft?.id ?? '', '--as-of', '2026-11-01')).code).toBe(0);
    expect((await grant('7')).stdout).toContain(
      "It will reach acme's invoice for 2026-11, when that period is billed.\n",
    );
  });

  it('uptime says what the figure it replaced had earned', async () => {
    const { run } = await bookFolder();
    const record = (percent: string) =>
      run('uptime', '--contract', 'c1', '--period', '2026-09', '--percent', percent);
    expect((await record('98.5')).stdout).toBe(
      'Recorded 98.5% for c1 in 2026-09: SLA credit sla-c1-2026-09 of $50.00, usable from 2026-10-01.\n',
    );
    expect((await record('99.5')).stdout).toBe(
      'Recorded 99.5% for c1 in 2026-09 (replacing 98.5%, which had earned SLA credit sla-c1-2026-09 of $50.00): SLA credit sla-c1-2026-09 of $20.00, usable from 2026-10-01.\n',
    );
    expect((await record('99.95')).stdout).toBe(
      'Recorded 99.95% for c1 in 2026-09 (replacing 99.5%, which had earned SLA credit sla-c1-2026-09 of $20.00): no SLA credit is due.\n',
    );
    const replaced = await run(
      'uptime',
      '--contract',
      'c1',
      '--period',
      '2026-09',
      '--percent',
      '99.97',
      '--json',
    );
    expect(JSON.parse(replaced.stdout)).toMatchObject({
      credit: null,
      replaced: { uptime_percent: '99.95', credit: null },
    });
  });
});
