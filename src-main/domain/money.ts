import Decimal from 'decimal.js';
import { minorUnits } from './currency';

/**
 * Exact decimal arithmetic for every amount, price and quantity.
 * A private Decimal constructor so no other user of decimal.js can change our
 * precision or rounding. 60 significant digits hold a 12-decimal unit price times
 * any realistic quantity without loss; ROUND_HALF_UP in decimal.js is "half away
 * from zero", the spec's rounding rule.
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

/** Rounds an exact amount to the currency's minor unit, half away from zero. */
export function roundMoney(amount: Dec, currency: string): Dec {
  return amount.toDecimalPlaces(minorUnits(currency), Dec.ROUND_HALF_UP);
}

/**
 * Rounds an exact amount to the minor unit and writes it with exactly the currency's
 * decimals ("5.00", "1200"): the one place an exact amount becomes money.
 */
export function formatMoney(amount: Dec, currency: string): string {
  const places = minorUnits(currency);
  // Rounding the positional text digit by digit gives what `roundMoney` gives, without
  // the rounded decimal object and its own conversion to text: a bill run formats
  // about 100,000 amounts. Text in exponent form (|exponent| ≥ 60) takes decimal.js.
  const text = plain(amount);
  return text.includes('e')
    ? fixedPlaces(roundMoney(amount, currency), places)
    : roundedText(text, places);
}

const DIGIT_5 = 53;

/**
 * `text` (a positional decimal, as `plain` writes it) rounded half away from zero to
 * `places` decimals and written with exactly that many.
 */
function roundedText(text: string, places: number): string {
  const negative = text.charCodeAt(0) === 45; // "-"
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  if (fraction.length <= places) {
    return places === 0 ? text : `${negative ? '-' : ''}${whole}.${fraction.padEnd(places, '0')}`;
  }
  // The dropped digits are at least half a unit exactly when the first of them is ≥ 5.
  const kept = whole + fraction.slice(0, places);
  const digits = fraction.charCodeAt(places) >= DIGIT_5 ? incremented(kept) : kept;
  const sign = negative && /[1-9]/.test(digits) ? '-' : '';
  // `whole` has no leading zero but a lone "0", so neither has `digits`.
  if (places === 0) return sign + digits;
  const point = digits.length - places;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A string of decimal digits plus one, as digits ("199" → "200", "99" → "100"). */
function incremented(digits: string): string {
  let index = digits.length - 1;
  while (index >= 0 && digits[index] === '9') index -= 1;
  const carried = '0'.repeat(digits.length - 1 - index);
  if (index < 0) return `1${carried}`;
  return `${digits.slice(0, index)}${String.fromCharCode(digits.charCodeAt(index) + 1)}${carried}`;
}

/** The value with exactly `places` decimals, padding with zeros; the value must already fit. */
function fixedPlaces(value: Dec, places: number): string {
  const text = plain(value);
  if (places === 0) return text;
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(places, '0')}`;
}

/** A plain decimal string without exponent or trailing zeros ("1200", "0.00025"). */
export function plain(value: Dec): string {
  // toExpNeg/toExpPos above make toString() positional; "-0" is normalised to "0".
  return value.isZero() ? '0' : value.toString();
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}
