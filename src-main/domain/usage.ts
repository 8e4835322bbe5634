/**
 * A usage event as the rating engine sees it: validated, normalized, with the
 * import batch it came in. The usage storage (src-main/usage) yields these for a
 * period in import order: batch by batch in ascending `batch_seq`, and within a
 * batch in the order of the file. The rating engine relies on that order for the
 * `latest` aggregation (a tie in timestamp goes to the event imported last).
 */

/** The file formats usage is imported from (usage-import.md). */
export const USAGE_FORMATS = ['csv', 'ndjson', 'cloudevents', 'lago'] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];

export interface RatedUsageEvent {
  /** `null` for the default source; (source, event_id) is unique in the store. */
  source: string | null;
  event_id: string;
  /** The customer's external id on the platform, as exported. */
  customer: string;
  meter: string;
  /** Exact decimal string, ≥ 0. */
  quantity: string;
  /** Milliseconds since the epoch, UTC. */
  time: number;
  properties: Record<string, string | number>;
  /** The `seq` of the import batch that stored the event. */
  batch_seq: number;
}

export interface PeriodReadOptions {
  /**
   * The meters whose events need their `properties` (a `unique_count` field, a
   * percentage charge's amounts); other events may come with none. Decoding the
   * properties costs more than the rest of an event, and most meters never look at
   * them. Omitted: every event has its properties.
   */
  propertiesOf?: ReadonlySet<string>;
  /**
   * The properties those events are read for; the others may be left out. Decoding
   * only these skips making a string of every key and value. Omitted: all of them.
   */
  propertyNames?: ReadonlySet<string>;
}

/**
 * All events whose timestamp falls in the period (`YYYY-MM`), in import order, a
 * piece of storage at a time: a million events one `await` each cost more than
 * reading them.
 */
export type PeriodUsageReader = (
  period: string,
  options?: PeriodReadOptions,
) => AsyncIterable<readonly RatedUsageEvent[]>;
