/**
 * The value rules every usage event passes, whatever format it came in: the
 * quantity and the timestamp (billing.md §2–§3). Each check returns the normalized
 * value or the reason a person reads in the import report.
 */
import { Dec, plain } from '../domain/money';

/** The normalized parts of an accepted timestamp. */
export interface ParsedTime {
  /** Milliseconds since the epoch, UTC. */
  time: number;
  /** `YYYY-MM` of the UTC month: the billing period the event belongs to. */
  period: string;
  /** The text kept for the dump: the original when it was ISO 8601, else the UTC rendering. */
  timestamp: string;
}

/**
 * ISO 8601 / RFC 3339 date-time: `T` (or the space RFC 3339 allows) between date and
 * time, optional seconds and fraction, and an offset `Z`, `±hh`, `±hhmm` or `±hh:mm`
 * (warehouses print all three). Groups: y m d H M S fraction offset.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Parses an ISO 8601 date-time with an offset; the reason when it is not one. */
export function parseIsoTimestamp(text: string): ParsedTime | string {
  const match = DATE_TIME.exec(text);
  if (match === null) return `timestamp '${text}' is not a valid date-time`;
  const [, ys, ms, ds, hs, mins, ss, fraction, offset] = match;
  if (offset === undefined) return `timestamp '${text}' has no UTC offset`;
  const year = Number(ys);
  const month = Number(ms);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mins);
  const second = ss === undefined ? 0 : Number(ss);
  const offsetMinutes = parseOffset(offset);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetMinutes === null
  ) {
    return `timestamp '${text}' is not a valid date-time`;
  }
  // Sub-millisecond digits are dropped: the store keeps milliseconds, the text keeps the rest.
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const time = utcMillis(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // Without an offset the UTC month is the written one; only a shifted time needs a Date.
  const period = offsetMinutes === 0 ? `${ys}-${ms}` : periodOf(time);
  return { time, period, timestamp: text };
}

/** Minutes east of UTC, or null when out of range. */
function parseOffset(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** 400 Gregorian years are exactly 146,097 days. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  // Date.UTC reads years 0–99 as 1900–1999; shifting by four centuries keeps the calendar.
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS;
}

export function periodOf(time: number): string {
  const date = new Date(time);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Unix seconds, possibly with a fraction (Lago); the reason when not a usable number. */
export function parseUnixSeconds(value: number | string): ParsedTime | string {
  const text = typeof value === 'number' ? String(value) : value;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return `timestamp '${text}' is not a valid date-time`;
  const [, whole = '', fraction = ''] = match;
  const time = Number(whole) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (!Number.isSafeInteger(time) || time > MAX_TIME) {
    return `timestamp '${text}' is not a valid date-time`;
  }
  return { time, period: periodOf(time), timestamp: new Date(time).toISOString() };
}

/** 9999-12-31T23:59:59.999Z: the last instant a four-digit ISO year can write. */
const MAX_TIME = 253_402_300_799_999;

const PLAIN_INTEGER = /^(?:0|[1-9]\d*)$/;
const PLAIN_DECIMAL = /^\+?(?:\d+\.?\d*|\.\d+)$/;
const EXPONENT = /^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * A quantity as an exact, non-negative, plain decimal string ("1200", "0.5").
 * Exponents ("1e5") are refused: exports print them for floats that have already lost
 * digits, and a quantity is billed exactly. JSON numbers are accepted when they are
 * exact (a safe integer, or a decimal whose shortest form is what was written).
 */
export function parseQuantity(value: unknown): string | { reason: string } {
  if (typeof value === 'number') return quantityFromNumber(value);
  if (typeof value !== 'string') return { reason: 'quantity must be a decimal number' };
  // The common case, a plain integer, needs no decimal arithmetic.
  if (PLAIN_INTEGER.test(value)) return value;
  if (PLAIN_DECIMAL.test(value)) return plain(new Dec(value));
  const unsigned = value.startsWith('-') ? value.slice(1) : null;
  if (unsigned !== null && (PLAIN_DECIMAL.test(unsigned) || EXPONENT.test(unsigned))) {
    return { reason: `quantity '${value}' is negative` };
  }
  if (EXPONENT.test(value)) {
    return { reason: `quantity '${value}' has an exponent; write it as a plain decimal` };
  }
  if (NOT_FINITE.test(value)) return { reason: `quantity '${value}' is not a finite number` };
  if (/^\d+,\d+$/.test(value)) {
    return { reason: `quantity '${value}' is not a number (the decimal separator is a dot)` };
  }
  return { reason: `quantity '${value}' is not a number` };
}

function quantityFromNumber(value: number): string | { reason: string } {
  if (!Number.isFinite(value)) return { reason: `quantity ${value} is not a finite number` };
  if (value < 0) return { reason: `quantity ${value} is negative` };
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return {
      reason: `quantity ${value} is too large to be exact as a JSON number; write it as a string`,
    };
  }
  return plain(new Dec(value));
}
