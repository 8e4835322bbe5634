/**
 * From lines to what the invoice asks for (billing.md §5–§7): subtotal, the contract's
 * discount, price credits before tax, tax, total, then balance credits after tax.
 * Each step is one rounded amount; every total is a sum of rounded amounts.
 */
import type { CreditPlace } from './credits';
import { minorUnits } from './currency';
import type { CreditApplication, Invoice, InvoiceLine } from './invoice';
import type { Customer } from './model';
import { sumDecimalTexts } from './minor-units';
import { Dec, formatMoney, ZERO } from './money';

/** Takes credits of one place up to a limit (nothing for a marketplace statement). */
export type TakeCredits = (place: CreditPlace, limit: Dec) => CreditApplication[];

export type Totals = Pick<
  Invoice,
  | 'subtotal'
  | 'discount'
  | 'discount_lines'
  | 'credits'
  | 'credit_applications'
  | 'tax'
  | 'tax_lines'
  | 'tax_exempt'
  | 'total'
  | 'prepaid_applied'
>;

export interface TotalsTerms {
  currency: string;
  discountPercent: string;
  customer: Customer;
  /** Why no tax is charged (the customer's exemption, or the marketplace's), else null. */
  taxExempt: string | null;
  takeCredits: TakeCredits;
}

/** The exact sum of the items' amounts (rounded amounts, so in whole minor units). */
export function sumAmounts(items: readonly { amount: string }[], places: number): Dec {
  return sumDecimalTexts(
    items.map((item) => item.amount),
    places,
  );
}

export function invoiceTotals(lines: readonly InvoiceLine[], terms: TotalsTerms): Totals {
  const { currency, customer } = terms;
  const places = minorUnits(currency);
  const money = (value: Dec) => formatMoney(value, currency);

  // The discount and the tax are rounded and written once; the invoice carries that text.
  const subtotal = sumAmounts(lines, places);
  const percent = new Dec(terms.discountPercent);
  const discountText = money(subtotal.times(percent).div(100));
  const discount = new Dec(discountText);
  const discountLines = percent.isZero()
    ? []
    : [
        {
          description: `Discount ${terms.discountPercent}%`,
          percent: terms.discountPercent,
          amount: discountText,
        },
      ];

  const afterDiscount = subtotal.minus(discount);
  const priceCredits = terms.takeCredits('price', Dec.max(ZERO, afterDiscount));
  const credits = sumAmounts(priceCredits, places);

  const taxable = afterDiscount.minus(credits);
  const rate = terms.taxExempt === null ? new Dec(customer.tax_rate) : ZERO;
  const taxText = money(taxable.times(rate).div(100));
  const tax = new Dec(taxText);
  const taxLines = rate.isZero()
    ? []
    : [
        {
          label: customer.tax_label,
          rate: customer.tax_rate,
          taxable: money(taxable),
          amount: taxText,
        },
      ];

  const total = taxable.plus(tax);
  const balanceCredits = terms.takeCredits('balance', Dec.max(ZERO, total));

  return {
    subtotal: money(subtotal),
    discount: discountText,
    discount_lines: discountLines,
    credits: money(credits),
    credit_applications: [...priceCredits, ...balanceCredits],
    tax: taxText,
    tax_lines: taxLines,
    tax_exempt: terms.taxExempt,
    total: money(total),
    prepaid_applied: money(sumAmounts(balanceCredits, places)),
  };
}
