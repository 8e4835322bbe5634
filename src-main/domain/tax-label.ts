/**
 * How a tax line is named wherever the desk prints one (PDF, `show`, screens). A
 * customer's `tax_label` names the tax ("VAT", "NY sales tax", "JCT"); its rate is a
 * field of its own, printed beside the name in the locale's way: `VAT (20%)`,
 * `USt. (19 %)`. A label that states its own rate as well ("VAT 20%", as older books
 * and imported bundles write it) is printed by its name, so the rate never stands twice.
 */
import { formatPercent } from './locale-format';
import { Dec, plain } from './money';

/** The rate as a label may write it: `8.875%`, `8,875 %`, `(20%)`, `20.0%`. */
function statedRate(rate: string): RegExp {
  const [whole, fraction] = plain(new Dec(rate)).split('.');
  const decimals = fraction === undefined ? '(?:[.,]0+)?' : `[.,]${fraction}0*`;
  return new RegExp(`\\s*\\(?\\s*(?<![\\d.,])${whole}${decimals}\\s*%\\s*\\)?$`);
}

/** The tax's name: the label without a statement of its own rate at its end. */
export function taxName(label: string, rate: string): string {
  return label.replace(statedRate(rate), '').trim() || 'Tax';
}

/** `NY sales tax (8.875%)`: the tax's name and its rate, formatted for the locale. */
export function taxLineLabel(label: string, rate: string, locale?: string): string {
  return `${taxName(label, rate)} (${formatPercent(rate, locale)})`;
}
