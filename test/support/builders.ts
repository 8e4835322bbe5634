/**
 * Entities for billing tests, written as a bundle would write them (defaults filled by
 * the same schemas the store uses), and an in-memory usage reader.
 */
import type { z } from 'zod';
import {
  contractSchema,
  creditSchema,
  customerSchema,
  meterSchema,
  planSchema,
  type Contract,
  type Credit,
  type Customer,
  type Meter,
  type Plan,
} from '../../src-main/domain/model';
import { periodOfTime } from '../../src-main/domain/dates';
import type { ContractTerms } from '../../src-main/domain/lines';
import type { PeriodUsageReader, RatedUsageEvent } from '../../src-main/domain/usage';

export const meter = (input: z.input<typeof meterSchema>): Meter => meterSchema.parse(input);
export const plan = (input: z.input<typeof planSchema>): Plan => planSchema.parse(input);
export const customer = (input: z.input<typeof customerSchema>): Customer =>
  customerSchema.parse(input);
export const contract = (input: z.input<typeof contractSchema>): Contract =>
  contractSchema.parse(input);
export const credit = (input: z.input<typeof creditSchema>): Credit => creditSchema.parse(input);

export const API_CALLS = meter({ code: 'api_calls', name: 'API calls', aggregation: 'sum' });
export const NODES = meter({ code: 'nodes', name: 'Nodes', aggregation: 'max' });
export const PAYMENTS = meter({ code: 'payments', name: 'Payments', aggregation: 'count' });
export const SEATS = meter({
  code: 'seats',
  name: 'Seats',
  aggregation: 'unique_count',
  field: 'user_id',
});
export const STORAGE = meter({ code: 'storage', name: 'Storage', aggregation: 'latest' });
export const ALL_METERS = [API_CALLS, NODES, PAYMENTS, SEATS, STORAGE];

export function termsOf(contractValue: Contract, planValue: Plan): ContractTerms {
  return {
    contract: contractValue,
    plan: planValue,
    meters: new Map(ALL_METERS.map((m) => [m.code, m])),
  };
}

let eventCounter = 0;

/** A usage event as the reader yields it; `timestamp` is ISO 8601 with an offset. */
export function usageEvent(
  fields: Partial<Omit<RatedUsageEvent, 'time'>> & { timestamp: string },
): RatedUsageEvent {
  const { timestamp, ...rest } = fields;
  eventCounter += 1;
  return {
    source: null,
    event_id: `e${eventCounter}`,
    customer: 'org_1',
    meter: 'api_calls',
    quantity: '1',
    properties: {},
    batch_seq: 1,
    ...rest,
    time: Date.parse(timestamp),
  };
}

/** A reader over events held in memory, yielding each period's events in the given order. */
export function memoryReader(events: readonly RatedUsageEvent[]): PeriodUsageReader {
  return async function* read(period) {
    await Promise.resolve();
    yield events.filter((event) => periodOfTime(event.time) === period);
  };
}
