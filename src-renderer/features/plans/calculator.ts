/**
 * The live calculator: a plan's price for quantities typed in, computed by the bill
 * run's own code (domain/billing.ts) on a contract that covers one whole period, for
 * a customer without tax or credits. What it shows is what an invoice would say.
 */
import { billContract } from '../../../src-main/domain/billing';
import { CreditLedger } from '../../../src-main/domain/credits';
import { NO_USAGE, type MeterUsage } from '../../../src-main/domain/charges';
import type { InvoiceLine } from '../../../src-main/domain/invoice';
import type { Meter, Plan } from '../../../src-main/domain/model';
import { Dec } from '../../../src-main/domain/money';
import { numberSeparators } from '../../format/money';

/** What the desk typed per meter, as plain decimal strings. */
export interface CalculatorInput {
  quantity: Readonly<Record<string, string>>;
  /** Per percentage meter: the transactions' total amount. */
  transactions: Readonly<Record<string, string>>;
  /** Per capacity meter: the contract's reservation. */
  reserved: Readonly<Record<string, string>>;
}

export interface Quote {
  lines: InvoiceLine[];
  total: string;
}

/** Any month does: the calculator prices one whole period of the plan's interval. */
const PERIOD = '2026-01';

export function quote(plan: Plan, meters: readonly Meter[], input: CalculatorInput): Quote {
  const usageOf = (meter: string): MeterUsage => ({
    quantity: new Dec(input.quantity[meter] ?? NO_USAGE.quantity),
    transaction_amount: new Dec(input.transactions[meter] ?? NO_USAGE.transaction_amount),
  });
  const { invoices } = billContract({
    terms: {
      plan,
      meters: new Map(meters.map((meter) => [meter.code, meter])),
      contract: {
        id: 'calculator',
        customer: 'calculator',
        plan: plan.code,
        start_date: `${PERIOD}-01`,
        end_date: null,
        payment_method: 'invoice',
        payment_terms_days: null,
        discount_percent: '0',
        reserved: { ...input.reserved },
        usage_threshold: null,
        channel: 'direct',
        marketplace_account: null,
      },
    },
    customer: {
      id: 'calculator',
      name: 'Calculator',
      external_ids: [],
      currency: plan.currency,
      email: [],
      address: [],
      tax_id: '',
      tax_rate: '0',
      tax_label: '',
      tax_exempt: null,
    },
    period: PERIOD,
    runDate: `${PERIOD}-01`,
    watermark: 0,
    usageOf,
    late: [],
    invoices: [],
    credits: new CreditLedger([], []),
    nextId: () => 'calculator',
  });
  const invoice = invoices.at(-1);
  return { lines: invoice?.lines ?? [], total: invoice?.total ?? '0' };
}

const SUFFIXES: Record<string, string> = { k: '1000', m: '1000000', b: '1000000000' };

/**
 * A quantity as a person types it in their locale: grouped (`1,200,000`), or short
 * (`1.2M`, `250k`); null when it is no quantity.
 */
export function parseQuantity(text: string, locale: string): string | null {
  const { decimal, group } = numberSeparators(locale);
  const compact = text.trim().replace(/\s/g, '').split(group).join('');
  const normalized = decimal === '.' ? compact : compact.split(decimal).join('.');
  const match = /^(\d+(?:\.\d+)?)([kmb])?$/i.exec(normalized);
  if (!match?.[1]) return null;
  const multiplier = match[2] ? SUFFIXES[match[2].toLowerCase()] : undefined;
  return multiplier ? new Dec(match[1]).times(multiplier).toFixed() : new Dec(match[1]).toFixed();
}
