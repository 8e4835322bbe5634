/**
 * Numbers a book of business can mean. A quantity, price or amount with more than 15
 * digits before the decimal point (a thousand trillion) is a typo, a wrong column or
 * a unit mix-up, never a real figure; taken in, it would surface much later as an
 * absurd invoice or a failed bill run. So every number is checked where it enters
 * (a bundle, a usage import, a command's option), with the sentence saying why.
 * Decimals are bounded too: 20 places is finer than any price or meter needs, and
 * keeps every product of a quantity and a price exact at the money precision.
 */

export const MAX_INTEGER_DIGITS = 15;
export const MAX_DECIMAL_PLACES = 20;

/**
 * Why a plain decimal string (`-?digits[.digits]`) is past the bounds, as the end of a
 * sentence ("has more than 15 digits before the decimal point"); null when it is not.
 */
export function decimalBoundIssue(value: string): string | null {
  const unsigned = value.replace(/^[+-]/, '');
  const dot = unsigned.indexOf('.');
  const whole = (dot < 0 ? unsigned : unsigned.slice(0, dot)).replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_INTEGER_DIGITS) {
    return `has more than ${MAX_INTEGER_DIGITS} digits before the decimal point, more than any book can mean`;
  }
  if (dot >= 0 && unsigned.length - dot - 1 > MAX_DECIMAL_PLACES) {
    return `has more than ${MAX_DECIMAL_PLACES} decimals`;
  }
  return null;
}
