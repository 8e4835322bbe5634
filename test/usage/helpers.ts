/**
 * A real store in a temporary folder, with the meters and customers the usage tests
 * import against, and small helpers to write input files and read stored usage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { RatedUsageEvent } from '../../src-main/domain/usage';
import { openStore, type Store } from '../../src-main/store/store';
import { createPeriodUsageReader, readAllUsage } from '../../src-main/usage/reader';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export interface UsageTestContext {
  store(): Store;
  /** Writes a file into the test's folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  dir(): string;
}

/** A fresh store per test, with meters api_calls (sum), payments (count), seats (unique_count). */
export function useUsageStore(): UsageTestContext {
  let dir = '';
  let store: Store | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usage-test-'));
    store = await openStore(join(dir, 'data'));
    await store.update((data) => {
      data.meters.push(
        { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum', field: null },
        { code: 'payments', name: 'Payments', unit: 'tx', aggregation: 'count', field: null },
        {
          code: 'seats',
          name: 'Seats',
          unit: 'user',
          aggregation: 'unique_count',
          field: 'user_id',
        },
      );
      data.customers.push(customer('acme', ['org_8f2a']), customer('beta', ['org_b2', 'org_b3']));
    });
  });
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    store: () => store as Store,
    dir: () => dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

function customer(id: string, externalIds: string[]) {
  return {
    id,
    name: id,
    external_ids: externalIds,
    currency: 'USD',
    email: [],
    address: [],
    tax_rate: '0',
    tax_label: '',
    tax_exempt: null,
  };
}

export async function periodEvents(store: Store, period: string): Promise<RatedUsageEvent[]> {
  const events: RatedUsageEvent[] = [];
  for await (const piece of createPeriodUsageReader(store)(period)) events.push(...piece);
  return events;
}

export async function allUsage(store: Store) {
  const events = [];
  for await (const event of readAllUsage(store)) events.push(event);
  return events;
}

/** Every stored event id, in import order, over the periods given. */
export async function storedIds(store: Store, ...periods: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const period of periods)
    ids.push(...(await periodEvents(store, period)).map((e) => e.event_id));
  return ids;
}

export const CSV_HEADER = 'event_id,customer,meter,quantity,timestamp';

/** A CSV with the standard header and one line per row. */
export function csv(...rows: string[]): string {
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}
