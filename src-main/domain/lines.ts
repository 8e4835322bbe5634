/**
 * Invoice lines, each rounded once from its exact amount (kept in `explanation.exact_amount`)
 * and each carrying the detail that explains it: proration for recurring fees, usage,
 * quota and tiers for charges, what was billed before for deductions and late usage.
 */
import { rateCharge, type MeterUsage, type RatedCharge } from './charges';
import { reservationAmount } from './charges/capacity';
import { addMonths, dateOfDay, periodOfDate, periodRange, type DayRange } from './dates';
import type { Invoice, InvoiceLine, LineExplanation, LineKind, TierDetail } from './invoice';
import type { Charge, Contract, Meter, Plan } from './model';
import { minorUnits } from './currency';
import { Dec, formatMoney, plain, ZERO } from './money';
import { isPartial, prorate, prorationOver, recurringFeeRange, type Proration } from './proration';
import { sumAmounts } from './totals';

/** What a contract's invoice lines are priced from. */
export interface ContractTerms {
  contract: Contract;
  plan: Plan;
  meters: ReadonlyMap<string, Meter>;
}

const MODEL_LABELS: Record<Charge['model'], string> = {
  per_unit: 'per unit',
  graduated: 'graduated',
  volume: 'volume',
  package: 'package',
  percentage: 'percentage',
  capacity: 'capacity overage',
};

/** Line kinds that bill a charge's usage; summed, they are what a period's usage was billed. */
const USAGE_BILLING_KINDS: ReadonlySet<LineKind> = new Set([
  'usage',
  'capacity_overage',
  'late_usage',
  'progressive_deduction',
]);

function meterName(terms: ContractTerms, code: string): string {
  return terms.meters.get(code)?.name ?? code;
}

function chargeAt(terms: ContractTerms, index: number): Charge {
  const charge = terms.plan.charges[index];
  if (!charge) throw new Error(`plan ${terms.plan.code} has no charge ${index}`);
  return charge;
}

export function reservedOf(contract: Contract, charge: Charge): Dec {
  return charge.model === 'capacity' ? new Dec(contract.reserved[charge.meter] ?? 0) : ZERO;
}

/** Every charge of the plan rated on one period's usage, by charge index. */
export function rateCharges(
  terms: ContractTerms,
  usageOf: (meter: string) => MeterUsage,
): RatedCharge[] {
  return terms.plan.charges.map((charge) =>
    rateCharge(charge, usageOf(charge.meter), reservedOf(terms.contract, charge)),
  );
}

// ---------------------------------------------------------------- recurring fees

/** A recurring fee at its full price for one fee period (a month, or a contract year). */
export interface RecurringFee {
  kind: Extract<LineKind, 'base_fee' | 'capacity_reservation'>;
  charge: number | null;
  meter: string | null;
  label: string;
  quantity: Dec;
  unit_price: Dec;
  full: Dec;
}

export function recurringFees(terms: ContractTerms): RecurringFee[] {
  const { plan, contract } = terms;
  const fees: RecurringFee[] = [];
  if (plan.base_fee !== null) {
    const fee = new Dec(plan.base_fee);
    fees.push({
      kind: 'base_fee',
      charge: null,
      meter: null,
      label: `${plan.name} — base fee`,
      quantity: new Dec(1),
      unit_price: fee,
      full: fee,
    });
  }
  plan.charges.forEach((charge, index) => {
    if (charge.model !== 'capacity') return;
    const reserved = reservedOf(contract, charge);
    if (reserved.isZero()) return;
    const price = reservationAmount(reserved, charge);
    fees.push({
      kind: 'capacity_reservation',
      charge: index,
      meter: charge.meter,
      label: `${meterName(terms, charge.meter)} — reserved capacity`,
      quantity: reserved,
      unit_price: price.unit_price ?? ZERO,
      full: price.amount,
    });
  });
  return fees;
}

function feeRangeLabel(terms: ContractTerms, range: DayRange, proration: Proration): string {
  const days = isPartial(proration)
    ? ` (${proration.active_days}/${proration.period_days} days)`
    : '';
  if (terms.plan.interval === 'month') return days;
  const first = periodOfDate(dateOfDay(range.start));
  return `, contract year ${first} to ${addMonths(first, 11)}${days}`;
}

/**
 * The base fee and capacity reservations this period's invoice carries, prorated to
 * the days the contract covers. A yearly plan carries them only in the first month of
 * each contract year, for the whole year in advance.
 */
export function recurringLines(terms: ContractTerms, period: string): InvoiceLine[] {
  const range = recurringFeeRange(terms.contract, terms.plan.interval, period);
  if (!range) return [];
  const proration = prorationOver(terms.contract, range);
  if (proration.active_days === 0) return [];
  const currency = terms.plan.currency;
  return recurringFees(terms).map((fee) => {
    const exact = prorate(fee.full, proration);
    const amount = formatMoney(exact, currency);
    const base = fee.kind === 'base_fee';
    return {
      kind: fee.kind,
      description: `${fee.label}${feeRangeLabel(terms, range, proration)}`,
      meter: fee.meter,
      charge: fee.charge,
      period,
      // A base fee reads as one unit at its prorated price, as cli.md shows it.
      quantity: plain(fee.quantity),
      unit_price: base ? amount : plain(fee.unit_price),
      amount,
      detail: [],
      explanation: {
        active_days: proration.active_days,
        period_days: proration.period_days,
        full_amount: plain(fee.full),
        exact_amount: plain(exact),
      },
    };
  });
}

/**
 * Monthly plans only: when the period's fees and charges before discount fall short of
 * the commitment (prorated like the base fee), a line adds the difference.
 */
export function minimumTrueUpLine(
  terms: ContractTerms,
  period: string,
  billed: readonly InvoiceLine[],
): InvoiceLine | null {
  const { plan, contract } = terms;
  if (plan.minimum_commitment === null || plan.interval !== 'month') return null;
  const proration = prorationOver(contract, periodRange(period));
  const commitment = prorate(new Dec(plan.minimum_commitment), proration);
  const charged = sumAmounts(billed, minorUnits(plan.currency));
  const shortfall = commitment.minus(charged);
  const amount = formatMoney(shortfall, plan.currency);
  if (new Dec(amount).lte(0)) return null;
  const days = isPartial(proration)
    ? ` (${proration.active_days}/${proration.period_days} days)`
    : '';
  return {
    kind: 'minimum_true_up',
    description: `Minimum commitment true-up${days}`,
    meter: null,
    charge: null,
    period,
    quantity: null,
    unit_price: null,
    amount,
    detail: [],
    explanation: {
      active_days: proration.active_days,
      period_days: proration.period_days,
      full_amount: plan.minimum_commitment,
      charged: formatMoney(charged, plan.currency),
      exact_amount: plain(shortfall),
    },
  };
}

// ---------------------------------------------------------------- usage

function usageExplanation(charge: Charge, rated: RatedCharge): LineExplanation {
  const { price } = rated;
  return {
    usage_quantity: plain(rated.usage.quantity),
    ...(charge.model === 'capacity' ? { reserved: plain(rated.quota) } : {}),
    ...(charge.included !== null ? { included: charge.included } : {}),
    priced_quantity: plain(rated.priced),
    ...(rated.blocked.isZero() ? {} : { blocked_quantity: plain(rated.blocked) }),
    ...(charge.model === 'percentage'
      ? {
          events: rated.usage.quantity.toNumber(),
          transaction_amount: plain(rated.usage.transaction_amount),
        }
      : {}),
    ...(price.packages ? { packages: plain(price.packages) } : {}),
  };
}

function tierDetail(rated: RatedCharge): TierDetail[] {
  return (rated.price.tiers ?? []).map((share) => ({
    tier: share.tier,
    quantity: plain(share.quantity),
    unit_price: plain(share.unit_price),
    flat_fee: plain(share.flat_fee),
    amount: plain(share.amount),
  }));
}

function chargeLine(
  terms: ContractTerms,
  index: number,
  period: string,
  kind: LineKind,
  description: string,
  rated: RatedCharge,
  exact: Dec,
  extra: LineExplanation = {},
): InvoiceLine {
  const charge = chargeAt(terms, index);
  return {
    kind,
    description,
    meter: charge.meter,
    charge: index,
    period,
    quantity: plain(rated.usage.quantity),
    unit_price: rated.price.unit_price ? plain(rated.price.unit_price) : null,
    amount: formatMoney(exact, terms.plan.currency),
    detail: tierDetail(rated),
    explanation: { ...usageExplanation(charge, rated), ...extra, exact_amount: plain(exact) },
  };
}

/** One charge's full price for the period's usage. */
export function usageLine(
  terms: ContractTerms,
  index: number,
  period: string,
  rated: RatedCharge,
): InvoiceLine {
  const charge = chargeAt(terms, index);
  const blocked = rated.blocked.isZero() ? '' : ` (${plain(rated.blocked)} over quota, blocked)`;
  return chargeLine(
    terms,
    index,
    period,
    charge.model === 'capacity' ? 'capacity_overage' : 'usage',
    `${meterName(terms, charge.meter)} — ${MODEL_LABELS[charge.model]}${blocked}`,
    rated,
    rated.price.amount,
  );
}

/** What other invoices of the contract already billed for one charge's usage of a period. */
export interface BilledUsage {
  amount: Dec;
  /** Their numbers (ids while draft). */
  invoices: string[];
}

export function billsUsageOf(invoice: Invoice, period: string): boolean {
  return invoice.lines.some((line) => line.period === period && USAGE_BILLING_KINDS.has(line.kind));
}

export function billedUsage(
  invoices: readonly Invoice[],
  contract: string,
  period: string,
  index: number,
): BilledUsage {
  const billed: BilledUsage = { amount: ZERO, invoices: [] };
  for (const invoice of invoices) {
    if (invoice.contract !== contract || invoice.status === 'void') continue;
    const lines = invoice.lines.filter(
      (line) =>
        line.charge === index && line.period === period && USAGE_BILLING_KINDS.has(line.kind),
    );
    if (lines.length === 0) continue;
    billed.amount = billed.amount.plus(sumAmounts(lines, minorUnits(invoice.currency)));
    billed.invoices.push(invoice.number ?? invoice.id);
  }
  return billed;
}

/**
 * Takes back, charge by charge, what other invoices already billed of this period's
 * usage (interim invoices, usually), so the period's usage is billed once in all.
 */
export function deductionLine(
  terms: ContractTerms,
  index: number,
  period: string,
  billed: BilledUsage,
): InvoiceLine {
  const charge = chargeAt(terms, index);
  const amount = formatMoney(billed.amount.negated(), terms.plan.currency);
  return {
    kind: 'progressive_deduction',
    description: `${meterName(terms, charge.meter)} — already billed for ${period} on ${billed.invoices.join(', ')}`,
    meter: charge.meter,
    charge: index,
    period,
    quantity: null,
    unit_price: null,
    amount,
    detail: [],
    explanation: {
      previously_billed: formatMoney(billed.amount, terms.plan.currency),
      invoices: billed.invoices,
      exact_amount: amount,
    },
  };
}

/**
 * Usage that reached a period after its invoice was finalized: the period's charge
 * re-rated on all its usage, minus what was billed for it before.
 */
export function lateUsageLine(
  terms: ContractTerms,
  index: number,
  period: string,
  rated: RatedCharge,
  billed: BilledUsage,
): InvoiceLine {
  const charge = chargeAt(terms, index);
  return chargeLine(
    terms,
    index,
    period,
    'late_usage',
    `${meterName(terms, charge.meter)} — late usage for ${period}`,
    rated,
    rated.price.amount.minus(billed.amount),
    {
      previously_billed: formatMoney(billed.amount, terms.plan.currency),
      invoices: billed.invoices,
    },
  );
}
