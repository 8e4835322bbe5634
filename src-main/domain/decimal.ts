import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for every amount, price and quantity.
 * A private Decimal constructor so no other user of decimal.js can change our
 * precision or rounding. 60 significant digits hold a 12-decimal unit price times
 * any realistic quantity without loss; ROUND_HALF_UP in decimal.js is "half away
 * from zero", the desk's rounding rule (billing.md §1).
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
