/**
 * The invoice as the store keeps it, the CLI prints it (docs/cli.md) and
 * the bundle's `invoices` section restores it. Amounts are money strings already
 * rounded to the currency's minor unit; quantities and unit prices are exact decimals.
 */
import { z } from 'zod';
import { currencyCode, decimalString, isoDate, periodName } from './model';

export const LINE_KINDS = [
  'base_fee',
  'usage',
  'capacity_reservation',
  'capacity_overage',
  'minimum_true_up',
  'late_usage',
  'progressive_deduction',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** One tier's share of a tiered charge: a line's `detail`, as cli.md shows it. */
export const tierDetailSchema = z.strictObject({
  tier: z.number().int().positive(),
  quantity: decimalString,
  unit_price: decimalString,
  flat_fee: decimalString,
  amount: decimalString,
});
export type TierDetail = z.infer<typeof tierDetailSchema>;

/**
 * Everything else that explains a line, so the app can show "why this amount". Every
 * field is optional because each line kind uses a different part: proration for
 * recurring fees, usage and quotas for charges, earlier invoices for deductions.
 */
export const lineExplanationSchema = z.strictObject({
  /** Recurring fees: the days the contract covers out of the days of the fee's period. */
  active_days: z.number().int().optional(),
  period_days: z.number().int().optional(),
  /** The fee before proration. */
  full_amount: decimalString.optional(),
  /** Usage: aggregated quantity, included units, priced quantity, blocked excess. */
  usage_quantity: decimalString.optional(),
  included: decimalString.optional(),
  priced_quantity: decimalString.optional(),
  blocked_quantity: decimalString.optional(),
  reserved: decimalString.optional(),
  events: z.number().int().optional(),
  transaction_amount: decimalString.optional(),
  /** Package charges: the packages started. */
  packages: decimalString.optional(),
  /** Minimum commitment: what the period's fees and charges came to before discount. */
  charged: decimalString.optional(),
  /** The exact amount before the line was rounded. */
  exact_amount: decimalString.optional(),
  /** Late usage and progressive deductions: what was billed before, and where. */
  previously_billed: decimalString.optional(),
  invoices: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type LineExplanation = z.infer<typeof lineExplanationSchema>;

export const invoiceLineSchema = z.strictObject({
  kind: z.enum(LINE_KINDS),
  description: z.string(),
  meter: z.string().nullable(),
  /** Index of the plan charge the line prices (usage, capacity, late usage, deductions). */
  charge: z.number().int().nullable(),
  /** The period whose usage the line bills (differs from the invoice's for late usage). */
  period: periodName,
  quantity: decimalString.nullable(),
  unit_price: decimalString.nullable(),
  amount: decimalString,
  /** The tiers a tiered charge used, with their quantities and prices; empty otherwise. */
  detail: z.array(tierDetailSchema),
  explanation: lineExplanationSchema,
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const discountLineSchema = z.strictObject({
  description: z.string(),
  percent: decimalString,
  amount: decimalString,
});
export const creditApplicationSchema = z.strictObject({
  credit: z.string(),
  kind: z.string(),
  amount: decimalString,
});
export type CreditApplication = z.infer<typeof creditApplicationSchema>;
export const taxLineSchema = z.strictObject({
  label: z.string(),
  rate: decimalString,
  taxable: decimalString,
  amount: decimalString,
});

export const STORED_INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'marketplace'] as const;
export type StoredInvoiceStatus = (typeof STORED_INVOICE_STATUSES)[number];
/** What the desk sees: `partially_paid` and `overdue` are derived from payments and the date. */
export const INVOICE_STATUSES = [...STORED_INVOICE_STATUSES, 'partially_paid', 'overdue'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const invoiceSchema = z.strictObject({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(STORED_INVOICE_STATUSES),
  /** `period_end` for the bill run's invoice, `usage_threshold` for an interim one. */
  trigger: z.enum(['period_end', 'usage_threshold']),
  customer: z.string(),
  contract: z.string(),
  period: periodName,
  currency: currencyCode,
  /** The run date the draft was computed on (credit expiry is judged on it). */
  computed_on: isoDate,
  issue_date: isoDate.nullable(),
  due_date: isoDate.nullable(),
  voided_on: isoDate.nullable(),
  lines: z.array(invoiceLineSchema),
  subtotal: decimalString,
  discount: decimalString,
  discount_lines: z.array(discountLineSchema),
  credits: decimalString,
  credit_applications: z.array(creditApplicationSchema),
  tax: decimalString,
  tax_lines: z.array(taxLineSchema),
  tax_exempt: z.string().nullable(),
  total: decimalString,
  prepaid_applied: decimalString,
  amount_paid: decimalString,
  credited: decimalString,
  balance_due: decimalString,
  /** Highest usage batch sequence the invoice's usage lines saw: later batches are late usage. */
  usage_watermark: z.number().int().min(0),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const creditNoteSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  invoice: z.string(),
  customer: z.string(),
  currency: currencyCode,
  amount: decimalString,
  reason: z.string(),
  issue_date: isoDate,
});
export type CreditNote = z.infer<typeof creditNoteSchema>;

/** Whether a reference (a payment's, a credit note's, a line's) names this invoice: by number, or by id while it is a draft. */
export function refersTo(invoice: Invoice, reference: string): boolean {
  return reference === invoice.number || reference === invoice.id;
}
