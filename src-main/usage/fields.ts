/**
 * The value rules every usage event passes, whatever format it came in: the
 * quantity and the timestamp (billing.md §2–§3). Each check returns the normalized
 * value or the reason a person reads in the import report.
 */
import { decimalBoundIssue } from '../domain/bounds';
import { Dec, plain } from '../domain/money';
import { separatorIssue } from '../domain/number-text';

/** Said after a timestamp that is refused, so the fix is in the message. */
const EXPECTED_TIMESTAMP = 'expected ISO 8601 with an offset, such as 2026-10-01T12:00:00Z';

/**
 * ISO 8601 / RFC 3339 date-time: `T` (or the space RFC 3339 allows) between date and
 * time, optional seconds and fraction, and an offset `Z`, `±hh`, `±hhmm` or `±hh:mm`
 * (warehouses print all three). Groups: y m d H M S fraction offset.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** The form nearly every export writes; read in place, without a match array per row. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** The number written by `length` ASCII digits at `start` (already known to be digits). */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * Parses an ISO 8601 date-time with an offset into epoch milliseconds (UTC); the
 * reason when it is not one. Sub-millisecond digits are dropped from the time (the
 * stored text keeps them).
 */
export function parseIsoTimestamp(text: string): number | string {
  if (CANONICAL.test(text)) {
    const time = utcMillis(
      digitsAt(text, 0, 4),
      digitsAt(text, 5, 2),
      digitsAt(text, 8, 2),
      digitsAt(text, 11, 2),
      digitsAt(text, 14, 2),
      digitsAt(text, 17, 2),
      0,
    );
    return Number.isNaN(time) ? invalidTimestamp(text) : time;
  }
  const match = DATE_TIME.exec(text);
  if (match === null) return invalidTimestamp(text);
  const [, year, month, day, hour, minute, second = '0', fraction = '', offset] = match;
  if (offset === undefined) {
    return `timestamp '${text}' has no UTC offset (add Z for UTC, or one such as +02:00)`;
  }
  const offsetMinutes = parseOffset(offset);
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const time = utcMillis(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  if (Number.isNaN(time) || offsetMinutes === null) return invalidTimestamp(text);
  return time - offsetMinutes * 60_000;
}

function invalidTimestamp(text: string): string {
  return `timestamp '${text}' is not a valid date-time (${EXPECTED_TIMESTAMP})`;
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

/** Epoch milliseconds of a calendar date-time, or NaN when it is no real one (Feb 30, 24:00). */
function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return NaN;
  }
  // Date.UTC reads years 0–99 as 1900–1999; shifting by four centuries keeps the calendar.
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS;
}

/** The month last asked for: nearly every event of an import falls in the same one. */
let cachedPeriod = { start: 0, end: 0, name: '' };

/** `YYYY-MM` of the UTC month holding the instant: the event's billing period. */
export function periodOf(time: number): string {
  if (time >= cachedPeriod.start && time < cachedPeriod.end) return cachedPeriod.name;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const start = new Date(0);
  start.setUTCFullYear(year, month, 1);
  const end = new Date(0);
  end.setUTCFullYear(year, month + 1, 1);
  const name = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
  cachedPeriod = { start: start.getTime(), end: end.getTime(), name };
  return name;
}

/** Unix seconds, possibly with a fraction (Lago), into epoch milliseconds; the reason when unusable. */
export function parseUnixSeconds(value: number | string): number | string {
  const text = typeof value === 'number' ? String(value) : value;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return `timestamp '${text}' is not a valid date-time`;
  const [, whole = '', fraction = ''] = match;
  const time = Number(whole) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
  return time > MAX_TIME ? `timestamp '${text}' is not a valid date-time` : time;
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
  const quantity = readQuantity(value);
  if (typeof quantity !== 'string') return quantity;
  const issue = decimalBoundIssue(quantity);
  return issue === null ? quantity : { reason: `quantity '${quantity}' ${issue}` };
}

function readQuantity(value: unknown): string | { reason: string } {
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
  const separators = separatorIssue(value);
  if (separators !== null) return { reason: `quantity '${value}' ${separators}` };
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
