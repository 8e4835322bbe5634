/**
 * When a contract runs, in UTC days (billing.md §2): its window `[start_date,
 * end_date)`, the periods it is active in, when its share of a period is over, and its
 * contract years. Kept apart from dates.ts (calendars, no contracts) so that the model's
 * schemas can use the calendar checks without an import cycle.
 */
import {
  addMonths,
  dateOfDay,
  dayNumber,
  monthsBetween,
  overlapDays,
  periodOfDate,
  periodRange,
  type DayRange,
} from './dates';
import type { Contract } from './model';

export function contractRange(contract: Pick<Contract, 'start_date' | 'end_date'>): DayRange {
  return {
    start: dayNumber(contract.start_date),
    end: contract.end_date === null ? Infinity : dayNumber(contract.end_date),
  };
}

export function isActiveIn(
  contract: Pick<Contract, 'start_date' | 'end_date'>,
  period: string,
): boolean {
  return overlapDays(contractRange(contract), periodRange(period)) > 0;
}

/**
 * The day from which the contract's share of the period is complete: the period's end,
 * or the contract's end when it ends inside the period. Before it, usage may still come.
 */
export function periodOverOn(contract: Pick<Contract, 'end_date'>, period: string): string {
  const end = periodRange(period).end;
  const contractEnd = contract.end_date === null ? Infinity : dayNumber(contract.end_date);
  return dateOfDay(Math.min(end, contractEnd));
}

/**
 * The contract year that starts with this period, or null when the period is not the
 * first month of one. Contract years run 12 months from the first day of the month
 * the contract starts in (billing.md §2), so they hold 365 or 366 days.
 */
export function contractYearStartingIn(
  contract: Pick<Contract, 'start_date'>,
  period: string,
): DayRange | null {
  const months = monthsBetween(periodOfDate(contract.start_date), period);
  if (months < 0 || months % 12 !== 0) return null;
  return { start: periodRange(period).start, end: periodRange(addMonths(period, 12)).start };
}
