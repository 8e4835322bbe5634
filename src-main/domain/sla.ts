/**
 * SLA credits computed from measured uptime (billing.md §6). The credit is a share of
 * the period's recurring fees (base fee and capacity reservation) and is granted on
 * the first day of the next period, so it lowers a later invoice like any price credit.
 */
import { isActiveIn } from './contract-period';
import { addMonths, periodRange, periodStart } from './dates';
import { recurringFees, recurringLines, type ContractTerms } from './lines';
import type { Credit, Uptime } from './model';
import { Dec, formatMoney, sum } from './money';
import { prorate, prorationOver } from './proration';

/** The largest credit percent whose `below` the uptime is under, or null when none is. */
export function slaCreditPercent(terms: ContractTerms, uptimePercent: string): Dec | null {
  const uptime = new Dec(uptimePercent);
  const matching = terms.plan.sla
    .filter((step) => uptime.lt(step.below))
    .map((step) => new Dec(step.credit_percent));
  return matching.length === 0 ? null : Dec.max(...matching);
}

/**
 * What the period's recurring fees are worth for the SLA: for a monthly plan the base
 * fee and reservation lines as invoiced (rounded, prorated); for a yearly plan a
 * twelfth of the contract year's unprorated fees, times the share of the month's days
 * the contract was active.
 */
function recurringBase(terms: ContractTerms, period: string): Dec {
  if (terms.plan.interval === 'month') {
    return sum(recurringLines(terms, period).map((line) => new Dec(line.amount)));
  }
  const yearly = sum(recurringFees(terms).map((fee) => fee.full));
  return prorate(yearly.div(12), prorationOver(terms.contract, periodRange(period)));
}

export function slaCreditId(contract: string, period: string): string {
  return `sla-${contract}-${period}`;
}

/**
 * The credit a contract earns for a period's uptime, or null when it earns none: the
 * uptime met the SLA, the contract was not active that period, or it is sold through a
 * marketplace (which settles refunds itself).
 */
export function slaCreditFor(terms: ContractTerms, uptime: Uptime): Credit | null {
  const { contract, plan } = terms;
  if (contract.channel !== 'direct' || !isActiveIn(contract, uptime.period)) return null;
  const percent = slaCreditPercent(terms, uptime.uptime_percent);
  if (percent === null) return null;
  const amount = formatMoney(
    recurringBase(terms, uptime.period).times(percent).div(100),
    plan.currency,
  );
  if (new Dec(amount).isZero()) return null;
  return {
    id: slaCreditId(contract.id, uptime.period),
    customer: contract.customer,
    kind: 'sla',
    amount,
    currency: plan.currency,
    granted_on: periodStart(addMonths(uptime.period, 1)),
    expires_on: null,
    note: `SLA credit for ${contract.id}: uptime ${uptime.uptime_percent}% in ${uptime.period} earns ${percent.toString()}% of the recurring fees`,
  };
}
