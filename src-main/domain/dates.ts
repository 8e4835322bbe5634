/**
 * Calendar arithmetic for billing, all in UTC (billing.md §2). Dates are `YYYY-MM-DD`
 * strings and periods `YYYY-MM` strings at the edges; inside, a date is a day number
 * (whole days since 1970-01-01) so ranges, overlaps and proration are integer sums.
 */
import { UserError } from './errors';

export const MS_PER_DAY = 86_400_000;

/** Whole UTC days `[start, end)`; `end` is Infinity for an open-ended contract. */
export interface DayRange {
  start: number;
  end: number;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Texts whose value `remembered` keeps at most, so that a long session cannot grow it without end. */
const REMEMBERED = 4096;

/**
 * `compute`, remembering its value for each text: a bill run asks for the same few
 * dates and periods for each of ten thousand contracts and their lines.
 * `compute` must return a value nobody changes (a number, or a frozen object).
 */
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const value = known.get(text);
    if (value !== undefined) return value;
    const computed = compute(text);
    if (known.size >= REMEMBERED) known.clear();
    known.set(text, computed);
    return computed;
  };
}

export const dayNumber = remembered((date: string): number => {
  const match = DATE.exec(date);
  if (!match) throw new UserError(`'${date}' is not a date YYYY-MM-DD.`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
});

/** Whether the text is a real calendar date YYYY-MM-DD (no 2026-02-30). */
export function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function dateOfDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

export function todayUtc(now: Date = new Date()): string {
  return dateOfDay(Math.floor(now.getTime() / MS_PER_DAY));
}

/** Months since year 0, so that consecutive periods are consecutive integers. */
const monthIndex = remembered((period: string): number => {
  const match = PERIOD.exec(period);
  if (!match) throw new UserError(`'${period}' is not a period YYYY-MM.`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
});

function periodOfIndex(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

export function addMonths(period: string, months: number): string {
  return periodOfIndex(monthIndex(period) + months);
}

export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** The first day of the period as a date. */
export function periodStart(period: string): string {
  return `${periodOfIndex(monthIndex(period))}-01`;
}

const rememberedPeriodRange = remembered((period: string): Readonly<DayRange> =>
  Object.freeze({
    start: dayNumber(periodStart(period)),
    end: dayNumber(periodStart(addMonths(period, 1))),
  }),
);

/** A new object each time: callers may change their range. */
export function periodRange(period: string): DayRange {
  const { start, end } = rememberedPeriodRange(period);
  return { start, end };
}

export function lastDayOfPeriod(period: string): string {
  return dateOfDay(periodRange(period).end - 1);
}

export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

/** The period an event's instant (milliseconds since the epoch, UTC) falls in. */
export function periodOfTime(time: number): string {
  return periodOfDate(dateOfDay(Math.floor(time / MS_PER_DAY)));
}

export function rangeDays(range: DayRange): number {
  return range.end - range.start;
}

export function overlapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}
