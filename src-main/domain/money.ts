import Decimal from 'decimal.js';
import { minorUnits } from './currency';

/**
 * Exact decimal arithmetic for every amount, price and quantity.
 * A private Decimal constructor so no other user of decimal.js can change our
 * precision or rounding. 60 significant digits hold a 12-decimal unit price times
 * any realistic quantity without loss; ROUND_HALF_UP in decimal.js is "half away
 * from zero", the spec's rounding rule.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
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
  return fixedPlaces(roundMoney(amount, currency), minorUnits(currency));
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
