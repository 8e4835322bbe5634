import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUsage } from '../../src-main/services/importUsage';
import { listBatches } from '../../src-main/services/usageBatches';
import { allUsage, csv, FIXTURES, periodEvents, useUsageStore } from '../support/usage-store';

describe('usage formats', () => {
  const t = useUsageStore();

  it('imports a plain CSV; extra columns become properties, empty cells are absent', async () => {
    const file = t.file(
      'plain.csv',
      'event_id,customer,meter,quantity,timestamp,user_id,region\n' +
        'e1,org_8f2a,api_calls,1200,2026-10-20T10:00:00Z,u-1,eu\n' +
        'e2,org_b3,seats,0.50,2026-10-21T10:00:00Z,u-2,\n',
    );
    const result = await importUsage(t.store(), file);
    expect(result).toMatchObject({
      format: 'csv',
      detected: true,
      accepted: 2,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    expect(await periodEvents(t.store(), '2026-10')).toEqual([
      {
        source: null,
        event_id: 'e1',
        customer: 'org_8f2a',
        meter: 'api_calls',
        quantity: '1200',
        time: Date.parse('2026-10-20T10:00:00Z'),
        properties: { user_id: 'u-1', region: 'eu' },
        batch_seq: 1,
      },
      expect.objectContaining({ event_id: 'e2', quantity: '0.5', properties: { user_id: 'u-2' } }),
    ]);
  });

  it('reads BOM, CRLF, semicolons and a quoted line break in one file, numbering rows by their first line', async () => {
    const file = t.file(
      'mixed.csv',
      '\ufeffevent_id;customer;meter;quantity;timestamp;note\r\n' +
        'e1;org_8f2a;api_calls;5;2026-10-01T10:00:00Z;"two\r\nlines; and ""quotes"""\r\n' +
        'e2;org_8f2a;api_calls;ten;2026-10-01T10:00:00Z;x\r\n' +
        'e3;org_8f2a;api_calls;7;2026-10-01T10:00:00Z;"a\r\nb\r\nc"\r\n' +
        'e4;org_x;api_calls;1;2026-10-01T10:00:00Z;\r\n',
    );
    const result = await importUsage(t.store(), file, {
      keepValid: true,
      rejectsPath: join(t.dir(), 'r.csv'),
    });
    expect(result.errors).toEqual([
      { row: 4, reason: "quantity 'ten' is not a number" },
      { row: 8, reason: "customer 'org_x' is unknown" },
    ]);
    const events = await periodEvents(t.store(), '2026-10');
    expect(events.map((e) => [e.event_id, e.properties])).toEqual([
      ['e1', { note: 'two\r\nlines; and "quotes"' }],
      ['e3', { note: 'a\r\nb\r\nc' }],
    ]);
  });

  it('detects a tab-separated file and reads a differently named column with map', async () => {
    const file = t.file(
      'tabs.tsv',
      'id\tcustomer\tmeter\tunits\ttimestamp\ne1\torg_8f2a\tapi_calls\t3\t2026-10-01T00:00:00Z\n',
    );
    const result = await importUsage(t.store(), file, {
      map: { event_id: 'id', quantity: 'units' },
    });
    expect(result.accepted).toBe(1);
    expect(await periodEvents(t.store(), '2026-10')).toMatchObject([
      { event_id: 'e1', quantity: '3', properties: {} },
    ]);
  });

  it('refuses a header without a required column, naming what it has', async () => {
    const file = t.file('bad.csv', 'event_id,customer,meter,units,timestamp\n');
    await expect(importUsage(t.store(), file)).rejects.toThrow(
      "The CSV header has no column 'quantity' (for quantity); it has: event_id, customer, meter, units, timestamp. Name it so, or use --map quantity=COLUMN.",
    );
    await expect(importUsage(t.store(), file, { map: { qty: 'units' } })).rejects.toThrow(
      "--map qty=units: 'qty' is not a usage field",
    );
  });

  it('imports NDJSON shaped as bundle usage entries, keeping the original timestamp for the dump', async () => {
    const result = await importUsage(t.store(), join(FIXTURES, 'usage.ndjson'));
    expect(result).toMatchObject({ format: 'ndjson', accepted: 2, rejected: 0 });
    expect(await allUsage(t.store())).toEqual([
      {
        event_id: 'n-1',
        source: null,
        customer: 'org_8f2a',
        meter: 'api_calls',
        quantity: '1200',
        timestamp: '2026-10-20T10:00:00Z',
        properties: {},
      },
      {
        event_id: 'n-2',
        source: 'batch-job',
        customer: 'org_b2',
        meter: 'seats',
        quantity: '1',
        timestamp: '2026-10-21T10:00:00.5+00:00',
        properties: { user_id: 'u-1', weight: 3 },
      },
    ]);
  });

  it('imports a CloudEvents array: id/source/subject/type/time/data mapped, the rest of data as properties', async () => {
    const result = await importUsage(t.store(), join(FIXTURES, 'cloudevents.json'));
    expect(result).toMatchObject({
      format: 'cloudevents',
      accepted: 3,
      duplicates: 0,
      rejected: 0,
    });
    expect(await periodEvents(t.store(), '2026-10')).toEqual([
      expect.objectContaining({
        source: 'gateway-eu',
        event_id: 'ce-1',
        customer: 'org_8f2a',
        meter: 'api_calls',
        quantity: '120',
        properties: { route: '/v1/run', tags: '["a","b"]', cached: 'false' },
      }),
      // A count meter without a quantity counts 1; the offset is converted to UTC.
      expect.objectContaining({
        event_id: 'ce-2',
        quantity: '1',
        time: Date.parse('2026-10-05T07:30:00.250Z'),
        properties: { amount: '19.99' },
      }),
      // Same id, other source: another event.
      expect.objectContaining({
        source: 'gateway-us',
        event_id: 'ce-1',
        quantity: '2.5',
        properties: {},
      }),
    ]);
  });

  it('imports CloudEvents one per line', async () => {
    const result = await importUsage(t.store(), join(FIXTURES, 'cloudevents.ndjson'));
    expect(result).toMatchObject({ format: 'cloudevents', accepted: 2 });
  });

  it('imports Lago events: Unix seconds or ISO timestamps, quantity from properties.quantity or .value, else 1', async () => {
    const result = await importUsage(t.store(), join(FIXTURES, 'lago.ndjson'));
    expect(result).toMatchObject({ format: 'lago', accepted: 3, rejected: 0 });
    expect(
      (await periodEvents(t.store(), '2026-10')).map((e) => [
        e.event_id,
        e.quantity,
        e.time,
        e.properties,
      ]),
    ).toEqual([
      ['tx-1', '40', Date.parse('2026-10-01T10:00:00Z'), { region: 'eu' }],
      ['tx-2', '1', Date.parse('2026-10-02T10:00:00Z'), { amount: '12.50' }],
      ['tx-3', '1', Date.parse('2026-10-01T10:00:00.500Z'), { user_id: 'u-7' }],
    ]);
    // Unix seconds are dumped as ISO 8601, which a bundle accepts.
    expect((await allUsage(t.store()))[0]?.timestamp).toBe('2026-10-01T10:00:00.000Z');
  });

  it('uses the named format over detection, and records the format on the batch', async () => {
    const file = t.file('events.txt', csv('e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z'));
    const result = await importUsage(t.store(), file, { format: 'csv' });
    expect(result).toMatchObject({ format: 'csv', detected: false, accepted: 1 });
    expect(listBatches(t.store())[0]).toMatchObject({
      file_name: 'events.txt',
      format: 'csv',
      accepted: 1,
    });
  });

  it('refuses a JSON file whose shape it cannot tell, and an unreadable path', async () => {
    const file = t.file('odd.json', '[{"what": 1}]');
    await expect(importUsage(t.store(), file)).rejects.toThrow('Cannot tell which usage format');
    await expect(importUsage(t.store(), join(t.dir(), 'missing.csv'))).rejects.toThrow(
      "Cannot read '",
    );
  });

  it('refuses a JSON array broken midway as a whole, storing nothing', async () => {
    const file = t.file(
      'broken.json',
      '[{"specversion":"1.0","id":"a","source":"s","type":"api_calls","subject":"org_8f2a","time":"2026-10-01T00:00:00Z","data":{"quantity":1}}, {"id": ',
    );
    await expect(importUsage(t.store(), file, { keepValid: true })).rejects.toThrow(
      'The file is not valid JSON',
    );
    expect(listBatches(t.store())).toEqual([]);
  });

  it('reports progress in bytes and rows', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `e${i},org_8f2a,api_calls,1,2026-10-01T00:00:00Z`,
    );
    const file = t.file('big.csv', csv(...rows));
    const seen: { bytesRead: number; totalBytes: number; rows: number }[] = [];
    await importUsage(t.store(), file, { onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    expect(last).toEqual({ bytesRead: last?.totalBytes, totalBytes: last?.totalBytes, rows: 3000 });
    expect(seen.every((p, i) => i === 0 || p.bytesRead >= (seen[i - 1]?.bytesRead ?? 0))).toBe(
      true,
    );
  });
});
