/**
 * The one validation every usage row passes, whatever its format (usage-import.md,
 * "Rules"). A format reader maps its row onto `RawUsage`; this checks it against the
 * store's customers and meters and fills a `SegmentEvent`, or says every reason the
 * row is rejected.
 */
import type { Meter } from '../domain/model';
import type { StoreData } from '../store/data';
import { parseIsoTimestamp, parseQuantity, parseUnixSeconds } from './fields';
import type { SegmentEvent } from './segment';

export const EVENT_FIELDS = [
  'event_id',
  'source',
  'customer',
  'meter',
  'quantity',
  'timestamp',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** A row as a format reads it, before any check; `undefined` is absent. */
export interface RawUsage {
  source: unknown;
  event_id: unknown;
  customer: unknown;
  meter: unknown;
  quantity: unknown;
  timestamp: unknown;
  /** The properties as JSON ('' for none), already checked by the format. */
  properties: string;
  /** What the format itself found wrong (an unknown field, a bad property), if anything. */
  problem: string | null;
}

/** How a format's rows differ in meaning. */
export interface FormatRules {
  /** How a missing field is named in the report (`subject` for a CloudEvent's customer). */
  labels: Record<EventField, string>;
  /** When an absent quantity means 1. */
  defaultQuantity: 'never' | 'count-meters' | 'always';
  /** Whether a number (or numeric text) timestamp is Unix seconds (Lago). */
  unixSeconds: boolean;
}

/** What the rows are checked against: the store's, plus whatever a bundle adds. */
export interface UsageContext {
  /** External ids of every customer. */
  customers: ReadonlySet<string>;
  meters: ReadonlyMap<string, Meter>;
}

export function usageContext(
  data: StoreData,
  extra: { meters?: readonly Meter[]; customers?: readonly { external_ids: string[] }[] } = {},
): UsageContext {
  const customers = new Set<string>();
  for (const customer of [...data.customers, ...(extra.customers ?? [])]) {
    for (const external of customer.external_ids) customers.add(external);
  }
  const meters = new Map<string, Meter>();
  for (const meter of [...data.meters, ...(extra.meters ?? [])]) meters.set(meter.code, meter);
  return { customers, meters };
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * Checks one row. On success fills `out` (reused across rows: no allocation per row)
 * and returns the event's period (`YYYY-MM`); otherwise returns the reasons, joined.
 */
export function validateUsage(
  raw: RawUsage,
  rules: FormatRules,
  context: UsageContext,
  out: SegmentEvent,
): string | { reason: string } {
  const reasons: string[] = [];
  const text = (field: EventField, value: unknown, required: boolean): string | null => {
    if (value === undefined || value === null || value === '') {
      if (required) reasons.push(`${rules.labels[field]} is missing`);
      return null;
    }
    if (typeof value !== 'string') {
      reasons.push(`${rules.labels[field]} ${quote(value)} must be a string`);
      return null;
    }
    return value;
  };

  if (raw.problem !== null) reasons.push(raw.problem);
  const eventId = text('event_id', raw.event_id, true);
  const source = text('source', raw.source, false);
  const customer = text('customer', raw.customer, true);
  const meterCode = text('meter', raw.meter, true);
  if (customer !== null && !context.customers.has(customer)) {
    reasons.push(`customer '${customer}' is unknown`);
  }
  const meter = meterCode === null ? undefined : context.meters.get(meterCode);
  if (meterCode !== null && meter === undefined) reasons.push(`meter '${meterCode}' is unknown`);

  let quantity: string | null = null;
  if (raw.quantity === undefined || raw.quantity === null || raw.quantity === '') {
    const counts = meter?.aggregation === 'count';
    if (
      rules.defaultQuantity === 'always' ||
      (rules.defaultQuantity === 'count-meters' && counts)
    ) {
      quantity = '1';
    } else if (rules.defaultQuantity === 'never') {
      reasons.push(`${rules.labels.quantity} is missing`);
    } else if (meter !== undefined) {
      // An unknown meter is reported already; only a known non-count meter needs a quantity.
      reasons.push(`${rules.labels.quantity} is missing (only a count meter defaults to 1)`);
    }
  } else {
    const parsed = parseQuantity(raw.quantity);
    if (typeof parsed === 'string') quantity = parsed;
    else reasons.push(parsed.reason);
  }

  const time = parseTime(raw.timestamp, rules);
  if (typeof time === 'string') reasons.push(time);

  if (reasons.length > 0 || typeof time === 'string') return { reason: reasons.join('; ') };
  out.source = source;
  out.event_id = eventId as string;
  out.customer = customer as string;
  out.meter = meterCode as string;
  out.quantity = quantity as string;
  out.time = time.time;
  out.timestamp = time.timestamp;
  out.properties = raw.properties;
  return time.period;
}

function parseTime(value: unknown, rules: FormatRules): ReturnType<typeof parseIsoTimestamp> {
  if (value === undefined || value === null || value === '')
    return `${rules.labels.timestamp} is missing`;
  const numeric =
    typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
  if (rules.unixSeconds && numeric) return parseUnixSeconds(value);
  if (typeof value !== 'string')
    return `${rules.labels.timestamp} ${quote(value)} must be a string`;
  return parseIsoTimestamp(value);
}
