import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerSchema } from '../../src-main/domain/model';
import { usageContext } from '../../src-main/usage/validate';
import { importUsage, importUsageEvents, listBatches } from '../../src-main/services/importUsage';
import { csv, FIXTURES, periodEvents, storedIds, useUsageStore } from '../support/usage-store';

describe('usage dedupe', () => {
  const t = useUsageStore();

  it('keeps the first of a pair repeated inside a file, even across periods, and counts the rest', async () => {
    const file = t.file(
      'repeats.csv',
      csv(
        'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        'e2,org_8f2a,api_calls,2,2026-10-02T00:00:00Z',
        'e1,org_8f2a,api_calls,3,2026-11-01T00:00:00Z',
        'e3,org_8f2a,api_calls,4,2026-11-02T00:00:00Z',
        'e2,org_8f2a,api_calls,5,2026-10-03T00:00:00Z',
      ),
    );
    const result = await importUsage(t.store(), file);
    expect(result).toMatchObject({ accepted: 3, duplicates: 2, rejected: 0 });
    expect((await periodEvents(t.store(), '2026-10')).map((e) => [e.event_id, e.quantity])).toEqual(
      [
        ['e1', '1'],
        ['e2', '2'],
      ],
    );
    expect(await storedIds(t.store(), '2026-11')).toEqual(['e3']);
    expect(listBatches(t.store())[0]?.segments.map((s) => [s.period, s.events])).toEqual([
      ['2026-10', 2],
      ['2026-11', 1],
    ]);
  });

  it('stores nothing the second time the same file is imported, and records that import as an empty batch', async () => {
    const file = t.file(
      'same.csv',
      csv(
        'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        'e2,org_b2,api_calls,1,2026-10-01T00:00:00Z',
      ),
    );
    await importUsage(t.store(), file);
    const second = await importUsage(t.store(), file);
    expect(second).toMatchObject({ batch: 'b000002', accepted: 0, duplicates: 2, rejected: 0 });
    expect(listBatches(t.store())[1]).toMatchObject({
      accepted: 0,
      duplicates: 2,
      segments: [],
      index: null,
    });
    expect(listBatches(t.store())[1]?.sha256).toBe(listBatches(t.store())[0]?.sha256);
    expect(await storedIds(t.store(), '2026-10')).toEqual(['e1', 'e2']);
  });

  it('dedupes across files: only the new events of an overlapping export are stored', async () => {
    await importUsage(
      t.store(),
      t.file(
        'a.csv',
        csv(
          'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
          'e2,org_8f2a,api_calls,1,2026-10-02T00:00:00Z',
        ),
      ),
    );
    const result = await importUsage(
      t.store(),
      t.file(
        'b.csv',
        csv(
          'e2,org_8f2a,api_calls,9,2026-10-02T00:00:00Z',
          'e3,org_8f2a,api_calls,1,2026-10-03T00:00:00Z',
        ),
      ),
    );
    expect(result).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(
      (await periodEvents(t.store(), '2026-10')).map((e) => [e.event_id, e.quantity, e.batch_seq]),
    ).toEqual([
      ['e1', '1', 1],
      ['e2', '1', 1],
      ['e3', '1', 2],
    ]);
  });

  it('dedupes across formats by (source, event_id): a CSV source column, CloudEvents, NDJSON and Lago', async () => {
    await importUsage(t.store(), join(FIXTURES, 'cloudevents.json'));
    const fromCsv = await importUsage(
      t.store(),
      t.file(
        'sources.csv',
        'event_id,source,customer,meter,quantity,timestamp\n' +
          'ce-1,gateway-eu,org_8f2a,api_calls,120,2026-10-05T08:00:00Z\n' + // same pair as the CloudEvent
          'ce-2,,org_b2,payments,1,2026-10-05T07:30:00Z\n', // default source: not the CloudEvent's pair
      ),
    );
    expect(fromCsv).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await importUsage(t.store(), join(FIXTURES, 'cloudevents.ndjson'))).toMatchObject({
      accepted: 1,
      duplicates: 1,
    });

    await importUsage(t.store(), join(FIXTURES, 'lago.ndjson'));
    const ndjson = t.file(
      'lago-again.ndjson',
      '{"event_id":"tx-2","customer":"org_b3","meter":"payments","quantity":"1","timestamp":"2026-10-02T10:00:00Z"}\n',
    );
    expect(await importUsage(t.store(), ndjson)).toMatchObject({
      format: 'ndjson',
      accepted: 0,
      duplicates: 1,
    });
  });

  it('stores a bundle’s usage as one batch through the same rules: a repeated pair is a duplicate, the first kept', async () => {
    const events = [
      {
        event_id: 'b1',
        customer: 'org_new',
        meter: 'gpu_hours',
        quantity: '2',
        timestamp: '2026-10-01T00:00:00Z',
      },
      {
        event_id: 'b1',
        customer: 'org_new',
        meter: 'gpu_hours',
        quantity: '3',
        timestamp: '2026-10-01T00:00:00Z',
      },
      {
        event_id: 'b2',
        source: 'x',
        customer: 'org_8f2a',
        meter: 'api_calls',
        quantity: '1',
        timestamp: '2026-10-01T00:00:00Z',
        properties: {},
      },
    ];
    // The bundle brings the customer and meter the events refer to.
    const result = await importUsageEvents(t.store(), events, {
      fileName: 'book.json',
      context: usageContext(t.store().read(), {
        meters: [
          { code: 'gpu_hours', name: 'GPU hours', unit: 'h', aggregation: 'sum', field: null },
        ],
        customers: [
          customerSchema.parse({
            id: 'new',
            name: 'New',
            external_ids: ['org_new'],
            currency: 'USD',
          }),
        ],
      }),
    });
    expect(result).toEqual({ batch: 'b000001', accepted: 2, duplicates: 1 });
    expect(listBatches(t.store())[0]).toMatchObject({ file_name: 'book.json', format: 'bundle' });
    expect((await periodEvents(t.store(), '2026-10')).map((e) => [e.event_id, e.quantity])).toEqual(
      [
        ['b1', '2'],
        ['b2', '1'],
      ],
    );
    await expect(
      importUsageEvents(
        t.store(),
        [
          {
            event_id: 'z',
            customer: 'org_zz',
            meter: 'api_calls',
            quantity: '1',
            timestamp: '2026-10-01T00:00:00Z',
          },
        ],
        {
          fileName: 'bad.json',
        },
      ),
    ).rejects.toMatchObject({
      message: '1 usage event(s) are rejected; nothing was stored.',
      details: ["usage[0]: customer 'org_zz' is unknown"],
    });
    expect(listBatches(t.store())).toHaveLength(1);
  });
});
