/** What a format reader hands its rows to, and where it writes the rows it rejects. */
import type { OutputFileOptions } from '../../files/output-file';
import type { RawUsage } from '../validate';

/** The rejects file: a user's file, written under the rules of `files/output-file.ts`. */
export interface RejectsTarget {
  path: string;
  options: OutputFileOptions;
}

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
