/** Money: exact amounts rounded to their currency's minor unit and written as text. */
import { minorUnits } from './currency';
import { Dec, ZERO } from './decimal';
import { roundHalfAwayFromZero } from './minor-units';

export { Dec, ZERO } from './decimal';

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
  // Text in exponent form (|exponent| ≥ 60) goes through decimal.js.
  const text = plain(amount);
  return text.includes('e')
    ? fixedPlaces(roundMoney(amount, currency), places)
    : roundHalfAwayFromZero(text, places);
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
  // Dec's toExpNeg/toExpPos (decimal.ts) make toString() positional; "-0" is normalised to "0".
  return value.isZero() ? '0' : value.toString();
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
