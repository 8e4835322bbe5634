/**
 * The one validation every usage row passes, whatever its format (usage-import.md,
 * "Rules"). A format reader maps its row onto `RawUsage`; this checks it against the
 * store's customers and meters and fills a `SegmentEvent`, or says every reason the
 * row is rejected.
 */
import type { Meter } from '../domain/model';
import type { StoreData } from '../store/data';
import { parseIsoTimestamp, parseQuantity, parseUnixSeconds, periodOf } from './fields';
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

/** For formats whose fields carry our own names (CSV, NDJSON): a field is its label. */
export const OWN_FIELD_LABELS = Object.fromEntries(
  EVENT_FIELDS.map((field) => [field, field]),
) as Record<EventField, string>;

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
  /**
   * Asked about a customer or meter the context lacks; true lets the row pass for now.
   * A bundle may list its customers and meters after its usage, so it checks these
   * references itself once it has read them all.
   */
  defer?: (reference: 'customer' | 'meter', value: string) => boolean;
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

/** The reasons of the row being checked; reused, as rows are checked one at a time. */
const reasons: string[] = [];

/** A text field's value, or null (with a reason when it was required or not text). */
function textField(value: unknown, label: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) reasons.push(`${label} is missing`);
    return null;
  }
  if (typeof value === 'string') return value;
  reasons.push(`${label} ${quote(value)} must be a string`);
  return null;
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
  reasons.length = 0;
  const { labels } = rules;
  if (raw.problem !== null) reasons.push(raw.problem);
  const eventId = textField(raw.event_id, labels.event_id, true);
  const source = textField(raw.source, labels.source, false);
  const customer = textField(raw.customer, labels.customer, true);
  const meterCode = textField(raw.meter, labels.meter, true);
  if (customer !== null && !context.customers.has(customer)) {
    if (context.defer?.('customer', customer) !== true) {
      reasons.push(`customer '${customer}' is unknown`);
    }
  }
  const meter = meterCode === null ? undefined : context.meters.get(meterCode);
  if (meterCode !== null && meter === undefined) {
    if (context.defer?.('meter', meterCode) !== true)
      reasons.push(`meter '${meterCode}' is unknown`);
  }

  let quantity: string | null = null;
  if (raw.quantity === undefined || raw.quantity === null || raw.quantity === '') {
    const counts = meter?.aggregation === 'count';
    if (
      rules.defaultQuantity === 'always' ||
      (rules.defaultQuantity === 'count-meters' && counts)
    ) {
      quantity = '1';
    } else if (rules.defaultQuantity === 'never') {
      reasons.push(`${labels.quantity} is missing`);
    } else if (meter !== undefined) {
      // An unknown meter is reported already; only a known non-count meter needs a quantity.
      reasons.push(`${labels.quantity} is missing (only a count meter defaults to 1)`);
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
  out.time = time;
  out.timestamp = storedTimestamp(raw.timestamp, time, rules);
  out.properties = raw.properties;
  return periodOf(time);
}

/**
 * The timestamp as the dump will write it: the text as it came, Unix seconds as ISO
 * 8601, and '' for the common `YYYY-MM-DDTHH:MM:SSZ`, which `time` restores exactly.
 */
function storedTimestamp(value: unknown, time: number, rules: FormatRules): string {
  if (typeof value !== 'string' || isUnixSeconds(value, rules)) return new Date(time).toISOString();
  const canonical = value.length === 20 && value[10] === 'T' && value[19] === 'Z';
  return canonical ? '' : value;
}

function isUnixSeconds(value: unknown, rules: FormatRules): boolean {
  return (
    rules.unixSeconds &&
    (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)))
  );
}

function parseTime(value: unknown, rules: FormatRules): number | string {
  if (value === undefined || value === null || value === '')
    return `${rules.labels.timestamp} is missing`;
  if (isUnixSeconds(value, rules)) return parseUnixSeconds(value as number | string);
  if (typeof value !== 'string')
    return `${rules.labels.timestamp} ${quote(value)} must be a string`;
  return parseIsoTimestamp(value);
}
