import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUsage } from '../../src-main/services/importUsage';
import { listBatches } from '../../src-main/services/usageBatches';
import { csv, periodEvents, storedIds, useUsageStore } from '../support/usage-store';

describe('usage validation', () => {
  const t = useUsageStore();

  it('rejects each bad row with its row number and a reason a person understands; strict stores nothing', async () => {
    const file = t.file(
      'bad.csv',
      csv(
        'ok-1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z', // row 2
        'r3,org_x,api_calls,1,2026-10-01T00:00:00Z', // row 3
        'r4,org_8f2a,api_calls,1,2026-10-01T10:00:00', // row 4
        'r5,org_8f2a,api_calls,1,2026-10-01T00:00:00Z,extra', // row 5
        ',org_8f2a,api_calls,1,2026-10-01T00:00:00Z', // row 6
        'r7,org_8f2a,api_calls,ten,2026-10-01T00:00:00Z', // row 7
        'r8,org_8f2a,api_calls,-3,2026-10-01T00:00:00Z', // row 8
        'r9,org_8f2a,api_calls,1,2026-02-30T00:00:00Z', // row 9
        'r10,org_8f2a,api_calls,1e5,2026-10-01T00:00:00Z', // row 10
        'r11,org_8f2a,api_calls,NaN,2026-10-01T00:00:00Z', // row 11
        'r12,org_8f2a,nodes,1,2026-10-01T00:00:00Z', // row 12
        'r13,org_8f2a,api_calls,,', // row 13
        'r14,org_8f2a,api_calls,Infinity,2026-10-01', // row 14
        'r15,org_8f2a,api_calls,"1,5",2026-10-01T24:00:00Z', // row 15
      ),
    );
    const result = await importUsage(t.store(), file);
    expect(result).toEqual({
      batch: null,
      format: 'csv',
      detected: true,
      accepted: 0,
      duplicates: 0,
      rejected: 13,
      errors: [
        { row: 3, reason: "customer 'org_x' is unknown" },
        {
          row: 4,
          reason:
            "timestamp '2026-10-01T10:00:00' has no UTC offset (add Z for UTC, or one such as +02:00)",
        },
        { row: 5, reason: 'expected 5 fields, found 6' },
        { row: 6, reason: 'event_id is missing' },
        { row: 7, reason: "quantity 'ten' is not a number" },
        { row: 8, reason: "quantity '-3' is negative" },
        {
          row: 9,
          reason:
            "timestamp '2026-02-30T00:00:00Z' is not a valid date-time (expected ISO 8601 with an offset, such as 2026-10-01T12:00:00Z)",
        },
        { row: 10, reason: "quantity '1e5' has an exponent; write it as a plain decimal" },
        { row: 11, reason: "quantity 'NaN' is not a finite number" },
        { row: 12, reason: "meter 'nodes' is unknown" },
        { row: 13, reason: 'quantity is missing; timestamp is missing' },
        {
          row: 14,
          reason:
            "quantity 'Infinity' is not a finite number; timestamp '2026-10-01' is not a valid date-time (expected ISO 8601 with an offset, such as 2026-10-01T12:00:00Z)",
        },
        {
          row: 15,
          reason:
            "quantity '1,5' has a decimal comma: the decimal separator is a dot (1.5); timestamp '2026-10-01T24:00:00Z' is not a valid date-time (expected ISO 8601 with an offset, such as 2026-10-01T12:00:00Z)",
        },
      ],
    });
    // Not even the good row on line 2 is stored.
    expect(listBatches(t.store())).toEqual([]);
    expect(await periodEvents(t.store(), '2026-10')).toEqual([]);
  });

  it('rejects JSON rows by their line, or their index + 1 in an array, naming the format’s own fields', async () => {
    const lines = t.file(
      'bad.ndjson',
      [
        '{"event_id":"a","customer":"org_8f2a","meter":"api_calls","quantity":"1","timestamp":"2026-10-01T00:00:00Z"}',
        '{"event_id":"b","customer":"org_8f2a","meter":"api_calls","quantity":1e400,"timestamp":"2026-10-01T00:00:00Z"',
        '',
        '{"event_id":"c","customer":"org_8f2a","meter":"api_calls","quantity":"1","timestamp":"2026-10-01T00:00:00Z","extra":1}',
        '[1]',
        '{"event_id":"d","customer":"org_8f2a","meter":"api_calls","quantity":"1","timestamp":"2026-10-01T00:00:00Z","properties":{"x":{"y":1}}}',
      ].join('\n'),
    );
    const result = await importUsage(t.store(), lines, { format: 'ndjson' });
    expect(result.errors.map((e) => e.row)).toEqual([2, 4, 5, 6]);
    expect(result.errors[0]?.reason).toMatch(/^not valid JSON \(/);
    expect(result.errors.slice(1).map((e) => e.reason)).toEqual([
      "unknown field 'extra'",
      'expected a JSON object',
      'properties.x must be a string or a number',
    ]);

    const array = t.file(
      'ce.json',
      JSON.stringify([
        {
          id: 'a',
          source: 's',
          type: 'api_calls',
          subject: 'org_8f2a',
          time: '2026-10-01T00:00:00Z',
          data: { quantity: 1 },
        },
        { id: 'b', source: 's', type: 'api_calls', time: '2026-10-01T00:00:00Z', data: {} },
        {
          id: 'c',
          source: 's',
          type: 'api_calls',
          subject: 'org_8f2a',
          time: '2026-10-01T00:00:00Z',
          data: 'x',
        },
      ]),
    );
    expect((await importUsage(t.store(), array, { format: 'cloudevents' })).errors).toEqual([
      {
        row: 2,
        reason: 'subject is missing; data.quantity is missing (only a count meter defaults to 1)',
      },
      {
        row: 3,
        reason:
          'data must be a JSON object; data.quantity is missing (only a count meter defaults to 1)',
      },
    ]);
  });

  it('rejects a record with malformed or unclosed quotes on the line it starts', async () => {
    const malformed = t.file(
      'malformed.csv',
      csv(
        'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        'e2,org_8f2a,api_calls,"1"x",2026-10-01T00:00:00Z',
        'e3,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
      ),
    );
    const first = await importUsage(t.store(), malformed, { keepValid: true });
    expect(first.errors).toEqual([
      { row: 3, reason: 'a quoted field is malformed (a quote inside it must be doubled)' },
    ]);
    const unclosed = t.file(
      'unclosed.csv',
      csv(
        'e4,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        'e5,org_8f2a,api_calls,1,"2026-10-01T00:00:00Z',
      ),
    );
    const second = await importUsage(t.store(), unclosed, { keepValid: true });
    expect(second.errors).toEqual([{ row: 3, reason: 'a quoted field is never closed' }]);
    expect(await storedIds(t.store(), '2026-10')).toEqual(['e1', 'e3', 'e4']);
  });

  it('converts an offset to UTC: the period is the UTC month, even when that moves the event into the next', async () => {
    const file = t.file(
      'offset.csv',
      csv(
        'e1,org_8f2a,api_calls,1,2026-10-31T23:30:00-01:00',
        'e2,org_8f2a,api_calls,1,2026-11-01T00:30:00+02:00',
        'e3,org_8f2a,api_calls,1,2026-10-31 22:00:00.123456+0130',
      ),
    );
    await importUsage(t.store(), file);
    expect(await periodEvents(t.store(), '2026-11')).toMatchObject([
      { event_id: 'e1', time: Date.parse('2026-11-01T00:30:00Z') },
    ]);
    expect(await periodEvents(t.store(), '2026-10')).toMatchObject([
      { event_id: 'e2', time: Date.parse('2026-10-31T22:30:00Z') },
      { event_id: 'e3', time: Date.parse('2026-10-31T20:30:00.123Z') },
    ]);
  });

  it('lists the first 1,000 rejected rows in full and counts the rest', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `e${i},org_x,api_calls,1,2026-10-01T00:00:00Z`,
    );
    const result = await importUsage(t.store(), t.file('many.csv', csv(...rows)));
    expect(result.rejected).toBe(1500);
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[999]).toEqual({ row: 1001, reason: "customer 'org_x' is unknown" });
  });

  it('keeps the valid rows with keepValid, writes the rejects with a reason column, and the fixed rejects import again', async () => {
    const file = t.file(
      'usage.csv',
      'event_id;customer;meter;quantity;timestamp;user_id\n' +
        'e1;org_8f2a;api_calls;5;2026-10-01T00:00:00Z;u1\n' +
        'e2;org_x;api_calls;6;2026-10-01T00:00:00Z;"u;2"\n' +
        'e3;org_8f2a;api_calls;7;2026-10-01T00:00:00Z;u3;oops\n' +
        'e4;org_8f2a;api_calls;8;2026-10-01T00:00:00Z;u4\n',
    );
    const result = await importUsage(t.store(), file, { keepValid: true });
    const rejectsFile = join(t.dir(), 'usage.rejects.csv');
    expect(result).toMatchObject({
      batch: 'b000001',
      accepted: 2,
      rejected: 2,
      rejects_file: rejectsFile,
    });
    expect(readFileSync(rejectsFile, 'utf8')).toBe(
      'event_id;customer;meter;quantity;timestamp;user_id;reason\n' +
        'e2;org_x;api_calls;6;2026-10-01T00:00:00Z;"u;2";row 3: customer \'org_x\' is unknown\n' +
        'e3;org_8f2a;api_calls;7;2026-10-01T00:00:00Z;u3;oops;row 4: expected 6 fields, found 7\n',
    );

    // The desk fixes the two rows in the rejects file and imports it; `reason` is no property.
    const fixed = readFileSync(rejectsFile, 'utf8')
      .replace('org_x', 'org_b2')
      .replace(';u3;oops;', ';u3;');
    const again = await importUsage(t.store(), t.file('fixed.csv', fixed), { keepValid: true });
    expect(again).toMatchObject({ batch: 'b000002', accepted: 2, duplicates: 0, rejected: 0 });
    expect(again.rejects_file).toBeUndefined();
    expect(await storedIds(t.store(), '2026-10')).toEqual(['e1', 'e4', 'e2', 'e3']);
    const e2 = (await periodEvents(t.store(), '2026-10')).find((e) => e.event_id === 'e2');
    expect(e2?.properties).toEqual({ user_id: 'u;2' });
  });

  it('writes JSON rejects one per line with their reason, which imports again once fixed', async () => {
    const file = t.file(
      'lago.json',
      JSON.stringify([
        {
          transaction_id: 't1',
          external_customer_id: 'org_8f2a',
          code: 'api_calls',
          timestamp: 1790848800,
        },
        {
          transaction_id: 't2',
          external_customer_id: 'org_8f2a',
          code: 'nope',
          timestamp: 1790848800,
        },
      ]),
    );
    const result = await importUsage(t.store(), file, { keepValid: true });
    expect(result).toMatchObject({
      accepted: 1,
      rejected: 1,
      rejects_file: join(t.dir(), 'lago.rejects.ndjson'),
    });
    const rejects = readFileSync(join(t.dir(), 'lago.rejects.ndjson'), 'utf8');
    expect(JSON.parse(rejects)).toEqual({
      transaction_id: 't2',
      external_customer_id: 'org_8f2a',
      code: 'nope',
      timestamp: 1790848800,
      reason: "row 2: meter 'nope' is unknown",
    });
    const again = await importUsage(
      t.store(),
      t.file('fixed.ndjson', rejects.replace('"nope"', '"payments"')),
    );
    expect(again).toMatchObject({ format: 'lago', accepted: 1, rejected: 0 });
  });
});
