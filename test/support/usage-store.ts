/**
 * A real store in a temporary folder, with the meters and customers the usage tests
 * import against, and small helpers to write input files and read stored usage.
 */
import { join } from 'node:path';
import { customerSchema, meterSchema } from '../../src-main/domain/model';
import type { RatedUsageEvent } from '../../src-main/domain/usage';
import type { Store } from '../../src-main/store/store';
import { createPeriodUsageReader, readAllUsage } from '../../src-main/usage/reader';
import { useTempStore, type TempStore } from './temp-store';

export const FIXTURES = join(import.meta.dirname, '..', 'usage', 'fixtures');

/** A fresh store per test, with meters api_calls (sum), payments (count), seats (unique_count). */
export function useUsageStore(): TempStore {
  return useTempStore((data) => {
    data.meters.push(
      meterSchema.parse({ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }),
      meterSchema.parse({ code: 'payments', name: 'Payments', unit: 'tx', aggregation: 'count' }),
      meterSchema.parse({
        code: 'seats',
        name: 'Seats',
        unit: 'user',
        aggregation: 'unique_count',
        field: 'user_id',
      }),
    );
    data.customers.push(
      customerSchema.parse({
        id: 'acme',
        name: 'acme',
        currency: 'USD',
        external_ids: ['org_8f2a'],
      }),
      customerSchema.parse({
        id: 'beta',
        name: 'beta',
        currency: 'USD',
        external_ids: ['org_b2', 'org_b3'],
      }),
    );
  });
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
