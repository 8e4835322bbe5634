/** What a format reader hands its rows to. */
import type { RawUsage } from '../validate';

export interface RowSink {
  /** Validates and stages a row; returns the reason when it is rejected. */
  row(row: number, raw: RawUsage): string | null;
  /** Rejects a row the format could not read as an event at all. */
  unreadable(row: number, reason: string): void;
  /** Data rows read so far, for progress. */
  rows: number;
}

/** How a rejected row is worded in the rejects file and the report. */
export function rowReason(row: number, reason: string): string {
  return `row ${row}: ${reason}`;
}
