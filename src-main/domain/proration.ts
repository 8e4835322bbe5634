/**
 * Proration of recurring fees (billing.md §2): `fee × active_days / days_in_period`
 * over whole UTC days. Usage charges, included quantities and tier bounds are never
 * prorated, so only recurring fees come through here.
 */
import { contractRange, contractYearStartingIn } from './contract-period';
import { overlapDays, periodRange, rangeDays, type DayRange } from './dates';
import type { Contract, Plan } from './model';
import type { Dec } from './money';

export interface Proration {
  active_days: number;
  period_days: number;
}

export function prorationOver(
  contract: Pick<Contract, 'start_date' | 'end_date'>,
  feeRange: DayRange,
): Proration {
  return {
    active_days: overlapDays(contractRange(contract), feeRange),
    period_days: rangeDays(feeRange),
  };
}

export function isPartial(proration: Proration): boolean {
  return proration.active_days < proration.period_days;
}

export function prorate(fee: Dec, proration: Proration): Dec {
  return isPartial(proration) ? fee.times(proration.active_days).div(proration.period_days) : fee;
}

/**
 * The days the recurring fees on this period's invoice pay for: the period itself for
 * a monthly plan; for a yearly plan the whole contract year, charged in advance on the
 * invoice of its first month, and nothing on the other months' invoices.
 */
export function recurringFeeRange(
  contract: Pick<Contract, 'start_date'>,
  interval: Plan['interval'],
  period: string,
): DayRange | null {
  return interval === 'month' ? periodRange(period) : contractYearStartingIn(contract, period);
}
