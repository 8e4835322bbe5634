import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUsage } from '../../src-main/services/importUsage';
import { listBatches } from '../../src-main/services/usageBatches';
import { decodeRatedEvents } from '../../src-main/usage/segment';
import { UsageStaging } from '../../src-main/usage/staging';
import { createPeriodUsageReader } from '../../src-main/usage/reader';
import { csv, periodEvents, storedIds, useUsageStore } from '../support/usage-store';

describe('usage reader', () => {
  const t = useUsageStore();

  it('yields a period’s events in import order: batch by batch, then the order of the file', async () => {
    await importUsage(
      t.store(),
      t.file(
        'a.csv',
        csv(
          'a2,org_8f2a,api_calls,1,2026-10-09T00:00:00Z',
          'a1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
        ),
      ),
    );
    await importUsage(
      t.store(),
      t.file(
        'b.csv',
        csv(
          'b1,org_8f2a,api_calls,1,2026-10-05T00:00:00Z',
          'b0,org_8f2a,api_calls,1,2026-09-05T00:00:00Z',
        ),
      ),
    );
    expect(
      (await periodEvents(t.store(), '2026-10')).map((e) => [e.event_id, e.batch_seq]),
    ).toEqual([
      ['a2', 1],
      ['a1', 1],
      ['b1', 2],
    ]);
    expect(await storedIds(t.store(), '2026-09')).toEqual(['b0']);
    expect(await storedIds(t.store(), '2026-12')).toEqual([]);
  });

  it('round-trips text that needs escaping in the segment files', async () => {
    const file = t.file(
      'odd.csv',
      'event_id,source,customer,meter,quantity,timestamp,note\n"a\tb\\\\c\nd",é-src,org_8f2a,api_calls,1,2026-10-01T00:00:00Z,"x\ty"\n',
    );
    expect(await importUsage(t.store(), file)).toMatchObject({ accepted: 1 });
    expect(await periodEvents(t.store(), '2026-10')).toMatchObject([
      { event_id: 'a\tb\\\\c\nd', source: 'é-src', properties: { note: 'x\ty' } },
    ]);
    // The pair is found again despite the escaping.
    expect(await importUsage(t.store(), file)).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('ignores segment files no batch lists: what a crash before the commit leaves behind', async () => {
    await importUsage(
      t.store(),
      t.file('a.csv', csv('e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z')),
    );
    // A crash after staging, before the document commit.
    const staging = await UsageStaging.start(t.store(), {
      fileName: 'lost.csv',
      format: 'csv',
      keepValid: false,
    });
    staging.add(
      {
        source: null,
        event_id: 'lost',
        customer: 'org_8f2a',
        meter: 'api_calls',
        quantity: '1',
        time: Date.parse('2026-10-02T00:00:00Z'),
        timestamp: '',
        properties: '',
      },
      '2026-10',
    );
    await staging.finish('0'.repeat(64));
    mkdirSync(join(t.store().usageDir, '2026-10'), { recursive: true });
    writeFileSync(
      join(t.store().usageDir, '2026-10', 'b000009-deadbeef.tsv'),
      '\tghost\torg_8f2a\tapi_calls\t1\t1790812800000\t\t\n',
    );

    expect(await storedIds(t.store(), '2026-10')).toEqual(['e1']);
    // Nor do they count as stored for dedupe.
    const again = await importUsage(
      t.store(),
      t.file('b.csv', csv('lost,org_8f2a,api_calls,1,2026-10-02T00:00:00Z')),
    );
    expect(again).toMatchObject({ batch: 'b000002', accepted: 1, duplicates: 0 });
  });

  it('fails loudly on a damaged segment instead of billing from it', async () => {
    await importUsage(
      t.store(),
      t.file('a.csv', csv('e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z')),
    );
    const segment = listBatches(t.store())[0]?.segments[0];
    appendFileSync(
      join(t.store().usageDir, segment?.file ?? ''),
      '\te2\torg_8f2a\tapi_calls\t9\t1790812800000\t\t\n',
    );
    const path = join(t.store().usageDir, segment?.file ?? '');
    await expect(periodEvents(t.store(), '2026-10')).rejects.toThrow(
      `The usage file ${path} is damaged (it has 82 bytes, 41 were written); roll back batch b000001 (nexus-billing rollback-batch b000001) and import its file again, or restore the newest backup.`,
    );
    rmSync(path);
    await expect(periodEvents(t.store(), '2026-10')).rejects.toThrow(
      `The usage file ${path} is damaged (it is missing); roll back batch b000001`,
    );
  });

  it('yields a segment larger than one decoded piece in pieces of whole lines, every event once and in order', async () => {
    // About 60 characters a line: 3,000 lines are several pieces of 16 Ki characters.
    const ids = Array.from({ length: 3000 }, (_, i) => `e${i}`);
    await importUsage(
      t.store(),
      t.file('a.csv', csv(...ids.map((id) => `${id},org_8f2a,api_calls,1,2026-10-01T00:00:00Z`))),
    );
    const pieces = [];
    for await (const piece of createPeriodUsageReader(t.store())('2026-10')) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.flat().map((e) => e.event_id)).toEqual(ids);
  });

  it('reads a character whose bytes straddle two reads of the file', async () => {
    // 3-byte characters throughout, so that the first megabyte read ends inside one.
    const ids = Array.from({ length: 14_000 }, (_, i) => `${'✓'.repeat(20)}${i}`);
    await importUsage(
      t.store(),
      t.file('a.csv', csv(...ids.map((id) => `${id},org_8f2a,api_calls,1,2026-10-01T00:00:00Z`))),
    );
    const segment = listBatches(t.store())[0]?.segments[0];
    const bytes = readFileSync(join(t.store().usageDir, segment?.file ?? ''));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    // A continuation byte (10xxxxxx) starts the second read.
    expect((bytes[1 << 20] as number) & 0xc0).toBe(0x80);
    expect((await periodEvents(t.store(), '2026-10')).map((e) => e.event_id)).toEqual(ids);
  });

  it('decodes properties only for the meters asked for, when asked', async () => {
    await importUsage(
      t.store(),
      t.file(
        'a.csv',
        'event_id,customer,meter,quantity,timestamp,user_id\n' +
          'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z,u1\n' +
          'e2,org_8f2a,seats,1,2026-10-01T00:00:00Z,u2\n',
      ),
    );
    const events = [];
    const read = createPeriodUsageReader(t.store());
    for await (const piece of read('2026-10', { propertiesOf: new Set(['seats']) })) {
      events.push(...piece);
    }
    expect(events.map((e) => [e.event_id, e.properties])).toEqual([
      ['e1', {}],
      ['e2', { user_id: 'u2' }],
    ]);
  });

  it('reads the time as Number does, whatever its text', () => {
    const times = ['1790812800000', '0', '-86400000', '1e3', '', 'x', '12345678901234567890'];
    const text = times.map((time) => `\te\torg_8f2a\tapi_calls\t2\t${time}\t\t`).join('\n');
    expect(decodeRatedEvents(text, 'f.tsv', 1).map((e) => e.time)).toEqual(times.map(Number));
  });

  it('decodes a piece of segment lines, the last without its line break, and refuses a line with more or fewer fields', () => {
    const line = (id: string) => `\t${id}\torg_8f2a\tapi_calls\t2\t1790812800000\t\t`;
    expect(
      decodeRatedEvents(`${line('a\\tb')}\n${line('c')}{"k":1}`, 'f.tsv', 3).map((e) => [
        e.event_id,
        e.properties,
        e.batch_seq,
      ]),
    ).toEqual([
      ['a\tb', {}, 3],
      ['c', { k: 1 }, 3],
    ]);
    expect(() => decodeRatedEvents(`${line('a')}\t\n`, 'f.tsv', 1)).toThrow(
      /f\.tsv has a damaged line/,
    );
    expect(() => decodeRatedEvents(`${line('a')}\n\n${line('b')}`, 'f.tsv', 1)).toThrow(
      /damaged line/,
    );
    expect(() => decodeRatedEvents('\ta\torg\n', 'f.tsv', 1)).toThrow(/damaged line/);
  });
});
