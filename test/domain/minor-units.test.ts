/**
 * The minor-unit arithmetic gives exactly what decimal.js gives: scaling, sums (past
 * 2^52 units, over texts off its fast path) and rounding half away from zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecimalSums,
  fromMinorUnits,
  roundHalfAwayFromZero,
  sumDecimalTexts,
  toMinorUnits,
} from '../../src-main/domain/minor-units';
import { Dec, plain } from '../../src-main/domain/money';
import { decimalText } from '../support/arbitraries';

const places = fc.integer({ min: 0, max: 6 });
const decimalsOf = (text: string) => (text.split('.')[1] ?? '').length;
const decimalSum = (texts: readonly string[]) =>
  texts.reduce((total, text) => total.plus(text), new Dec(0));
/** A decimal's sign and value, so that 0 and -0 differ. */
const signed = (value: Dec) => `${value.isNegative() ? '-' : '+'}${value.abs().toString()}`;

describe('toMinorUnits', () => {
  it('is the text times 10^places, or null past the places or past 10^15 units', () => {
    fc.assert(
      fc.property(decimalText(8), places, (text, scale) => {
        const units = toMinorUnits(text, scale);
        const exact = new Dec(text).times(new Dec(10).pow(scale));
        if (decimalsOf(text) > scale || exact.abs().gte(1e15)) expect(units).toBeNull();
        else expect(units !== null && exact.eq(units)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes only plain decimals', () => {
    for (const text of ['', '-', '.5', '5.', '1.2.3', '--1', '+1', '1e5', ' 1', '1_000', '0x10'])
      expect(toMinorUnits(text, 2)).toBeNull();
    expect(toMinorUnits('-0.5', 1)).toBe(-5);
    expect(toMinorUnits('007', 0)).toBe(7);
  });
});

describe('fromMinorUnits', () => {
  it('is the units divided by 10^places, and zero is never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), places, (units, scale) => {
        const value = fromMinorUnits(units, scale);
        expect(signed(value)).toBe(signed(new Dec(units).dividedBy(new Dec(10).pow(scale))));
      }),
    );
    expect(signed(fromMinorUnits(-0, 2))).toBe('+0');
  });
});

describe('sums of decimal texts', () => {
  /** Cents just below 10^15 units: a few of them take a sum past 2^52. */
  const nearTheLimit = fc
    .integer({ min: -(1e15 - 1), max: 1e15 - 1 })
    .map((units) => new Dec(units).dividedBy(100).toFixed(2));

  it('are the decimal sum, for texts on and off the fast path, and never -0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(decimalText(5), nearTheLimit), { maxLength: 40 }),
        places,
        (texts, scale) => {
          const exact = decimalSum(texts);
          expect(signed(sumDecimalTexts(texts, scale))).toBe(
            signed(exact.isZero() ? new Dec(0) : exact),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keep each tally apart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), decimalText(4)), { maxLength: 60 }),
        (additions) => {
          const sums = new DecimalSums(2);
          const tallies = [sums.open(), sums.open(), sums.open()];
          for (const [tally, text] of additions) sums.add(tallies[tally] as number, text);
          tallies.forEach((tally, index) => {
            const texts = additions.filter(([t]) => t === index).map(([, text]) => text);
            expect(sums.result(tally).eq(decimalSum(texts))).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stay exact past 2^52 minor units', () => {
    const texts = Array.from({ length: 50 }, () => '9999999999999.99');
    expect(sumDecimalTexts(texts, 2).toString()).toBe('499999999999999.5');
    expect(sumDecimalTexts(['-9999999999999.99', ...texts], 2).toString()).toBe(
      '489999999999999.51',
    );
  });

  it('throw for a text that is no number', () => {
    expect(() => sumDecimalTexts(['1.00', '-'], 2)).toThrow();
    expect(() => sumDecimalTexts(['abc'], 0)).toThrow();
  });
});

describe('roundHalfAwayFromZero', () => {
  it('agrees with decimal.js rounding half up (away from zero), written with every decimal', () => {
    fc.assert(
      fc.property(decimalText(8), fc.integer({ min: 0, max: 4 }), (text, scale) => {
        const exact = new Dec(text);
        const rounded = exact.toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
        const expected = (rounded.isZero() ? new Dec(0) : rounded).toFixed(scale);
        expect(roundHalfAwayFromZero(plain(exact), scale)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds half-way cases away from zero and carries', () => {
    expect(roundHalfAwayFromZero('2.345', 2)).toBe('2.35');
    expect(roundHalfAwayFromZero('-2.345', 2)).toBe('-2.35');
    expect(roundHalfAwayFromZero('9.995', 2)).toBe('10.00');
    expect(roundHalfAwayFromZero('-0.004', 2)).toBe('0.00');
    expect(roundHalfAwayFromZero('0.5', 0)).toBe('1');
    expect(roundHalfAwayFromZero('7', 3)).toBe('7.000');
  });
});
