/**
 * One contract's invoices for one bill run (billing.md §4–§8): the period-end invoice
 * with its recurring fees, usage, true-up, progressive deductions and late usage; an
 * interim invoice first when the contract's usage threshold is reached mid-period; a
 * statement instead of an invoice for a marketplace contract.
 *
 * One rule covers deductions and late usage alike: an invoice bills a charge's usage
 * of a period at its full price minus what the contract's other invoices already
 * billed for it, so each period's usage is billed exactly once across all invoices.
 */
import type { MeterUsage, RatedCharge } from './charges';
import type { CreditLedger } from './credits';
import { isActiveIn, periodOverOn } from './contract-period';
import type { Invoice, InvoiceLine } from './invoice';
import {
  billedUsage,
  deductionLine,
  lateUsageLine,
  minimumTrueUpLine,
  rateCharges,
  recurringLines,
  usageLine,
  type ContractTerms,
} from './lines';
import type { Customer } from './model';
import { Dec, plain, sum } from './money';
import { settlementOf } from './settlement';
import { invoiceTotals, type TakeCredits } from './totals';

export const MARKETPLACE_TAX_NOTE = 'Billed and taxed by the marketplace';

/** Usage of an earlier, already invoiced period, with the meters that received late events. */
export interface LatePeriodUsage {
  period: string;
  usageOf: (meter: string) => MeterUsage;
  hasLateUsage: (meter: string) => boolean;
}

export interface ContractBillingInput {
  terms: ContractTerms;
  customer: Customer;
  period: string;
  runDate: string;
  /** The highest usage batch the run read: what the new invoices saw. */
  watermark: number;
  usageOf: (meter: string) => MeterUsage;
  late: readonly LatePeriodUsage[];
  /** The contract's other invoices: what they billed is not billed again. */
  invoices: readonly Invoice[];
  credits: CreditLedger;
  nextId: () => string;
}

/** A customer whose usage went over a quota whose overage is blocked. */
export interface OverQuota {
  customer: string;
  contract: string;
  period: string;
  meter: string;
  quota: string;
  usage: string;
  excess: string;
}

export interface ContractBilling {
  invoices: Invoice[];
  overQuota: OverQuota[];
}

function amountOf(lines: readonly InvoiceLine[]): Dec {
  return sum(lines.map((line) => new Dec(line.amount)));
}

function overQuota(input: ContractBillingInput, period: string, rated: RatedCharge[]): OverQuota[] {
  const { contract, plan } = input.terms;
  return rated.flatMap((charge, index) =>
    charge.blocked.isZero()
      ? []
      : [
          {
            customer: contract.customer,
            contract: contract.id,
            period,
            meter: plan.charges[index]?.meter ?? '',
            quota: plain(charge.quota),
            usage: plain(charge.usage.quantity),
            excess: plain(charge.blocked),
          },
        ],
  );
}

export function billContract(input: ContractBillingInput): ContractBilling {
  const { terms, period, runDate } = input;
  const { contract } = terms;
  const statement = contract.channel !== 'direct';
  const known = [...input.invoices];
  const invoices: Invoice[] = [];

  const assemble = (trigger: Invoice['trigger'], lines: InvoiceLine[]): void => {
    const invoice = assembleInvoice(input, trigger, lines, statement);
    invoices.push(invoice);
    known.push(invoice);
  };
  const deductions = (rated: readonly RatedCharge[]): InvoiceLine[] =>
    rated.flatMap((_, index) => {
      const billed = billedUsage(known, contract.id, period, index);
      return billed.amount.isZero() ? [] : [deductionLine(terms, index, period, billed)];
    });

  const active = isActiveIn(contract, period);
  const rated = active ? rateCharges(terms, input.usageOf) : [];
  const usage = rated.map((charge, index) => usageLine(terms, index, period, charge));

  const threshold = contract.usage_threshold;
  if (!statement && active && threshold !== null && runDate < periodOverOn(contract, period)) {
    const lines = [...usage, ...deductions(rated)];
    if (amountOf(lines).gte(threshold)) assemble('usage_threshold', lines);
  }

  const lines = [...(active ? recurringLines(terms, period) : []), ...usage];
  const trueUp = active ? minimumTrueUpLine(terms, period, lines) : null;
  if (trueUp) lines.push(trueUp);
  lines.push(...deductions(rated));
  const lateRated = input.late.map((late) => ({ late, rated: rateCharges(terms, late.usageOf) }));
  for (const { late, rated: lateCharges } of lateRated) {
    lateCharges.forEach((charge, index) => {
      if (!late.hasLateUsage(terms.plan.charges[index]?.meter ?? '')) return;
      const billed = billedUsage(known, contract.id, late.period, index);
      lines.push(lateUsageLine(terms, index, late.period, charge, billed));
    });
  }
  if (active || lines.length > 0) assemble('period_end', lines);

  return {
    invoices,
    overQuota: [
      ...overQuota(input, period, rated),
      ...lateRated.flatMap(({ late, rated: lateCharges }) =>
        overQuota(input, late.period, lateCharges),
      ),
    ],
  };
}

function assembleInvoice(
  input: ContractBillingInput,
  trigger: Invoice['trigger'],
  lines: InvoiceLine[],
  statement: boolean,
): Invoice {
  const { terms, customer, period, runDate } = input;
  const currency = terms.plan.currency;
  const scope = { customer: customer.id, currency, period, onDate: runDate };
  const takeCredits: TakeCredits = statement
    ? () => []
    : (place, limit) => input.credits.take(place, scope, limit);
  const totals = invoiceTotals(lines, {
    currency,
    discountPercent: terms.contract.discount_percent,
    customer,
    taxExempt: statement ? MARKETPLACE_TAX_NOTE : customer.tax_exempt,
    takeCredits,
  });
  const invoice: Invoice = {
    id: input.nextId(),
    number: null,
    status: statement ? 'marketplace' : 'draft',
    trigger,
    customer: customer.id,
    contract: terms.contract.id,
    period,
    currency,
    computed_on: runDate,
    issue_date: null,
    due_date: null,
    voided_on: null,
    lines,
    ...totals,
    amount_paid: '0',
    credited: '0',
    balance_due: '0',
    usage_watermark: input.watermark,
  };
  return { ...invoice, ...settlementOf(invoice, [], []) };
}
