/**
 * Exact decimal arithmetic on text, in whole minor units (10^-places). A bill run adds
 * and rounds hundreds of thousands of quantities and amounts; most are short plain
 * decimals, which add exactly as JavaScript numbers once scaled to whole units, so
 * this module sums and rounds those without a decimal object each and hands anything
 * else to decimal.js. Every answer is the one decimal.js gives (the property tests in
 * test/domain/minor-units.test.ts hold it to that); how much it saves is in
 * docs/performance.md.
 */
import { Dec, ZERO } from './decimal';

/** Scaled values stay below this, so that adding one more keeps a sum exact. */
const SCALED_LIMIT = 1e15;
/** A running sum is folded into its decimal before it reaches 2^53 (one addend early). */
const SUM_LIMIT = 2 ** 52;

const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_5 = 53;
const DIGIT_9 = 57;

/**
 * `text` as a whole number of 10^-`places` units ("12.5", 2 → 1250; "-3", 0 → -3) when
 * it is a plain decimal (an optional minus, digits, at most one `.` between digits)
 * with at most `places` decimals whose scaled size is below 10^15; else null.
 */
export function toMinorUnits(text: string, places: number): number | null {
  const negative = text.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  let value = 0;
  let decimals = -1;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === DOT && decimals < 0 && index > start && index < text.length - 1) {
      decimals = 0;
    } else if (code >= DIGIT_0 && code <= DIGIT_9) {
      value = value * 10 + (code - DIGIT_0);
      if (decimals >= 0) decimals += 1;
      if (value >= SCALED_LIMIT) return null;
    } else {
      return null;
    }
  }
  if (text.length === start || decimals > places) return null;
  const scaled = value * 10 ** (places - Math.max(decimals, 0));
  if (scaled >= SCALED_LIMIT) return null;
  return negative ? -scaled : scaled;
}

/** A whole number of 10^-`places` units as the exact decimal it stands for. */
export function fromMinorUnits(units: number, places: number): Dec {
  // `units === 0` holds for -0 too, which would make a "-0" decimal.
  if (units === 0) return ZERO;
  return places === 0 ? new Dec(units) : new Dec(units).dividedBy(10 ** places);
}

/**
 * Exact running sums of decimal texts, one per tally, in flat arrays (a bill run keeps
 * one tally per contract and meter). Texts `toMinorUnits` takes are added as numbers;
 * others, and a number sum about to lose exactness, go to the tally's decimal.
 */
export class DecimalSums {
  private readonly units: number[] = [];
  private readonly rest: Dec[] = [];

  constructor(private readonly places: number) {}

  /** A new tally at zero; its index. */
  open(): number {
    this.rest.push(ZERO);
    return this.units.push(0) - 1;
  }

  /** Adds `text` to the tally; throws what decimal.js throws for text that is no decimal. */
  add(tally: number, text: string): void {
    const value = toMinorUnits(text, this.places);
    if (value === null) {
      this.rest[tally] = (this.rest[tally] as Dec).plus(text);
      return;
    }
    const total = (this.units[tally] as number) + value;
    if (Math.abs(total) < SUM_LIMIT) {
      this.units[tally] = total;
    } else {
      this.rest[tally] = (this.rest[tally] as Dec).plus(fromMinorUnits(total, this.places));
      this.units[tally] = 0;
    }
  }

  result(tally: number): Dec {
    const units = this.units[tally] as number;
    const rest = this.rest[tally] as Dec;
    return units === 0 ? rest : rest.plus(fromMinorUnits(units, this.places));
  }
}

/** The exact sum of decimal texts; those with at most `places` decimals are added fastest. */
export function sumDecimalTexts(texts: Iterable<string>, places: number): Dec {
  const sums = new DecimalSums(places);
  const tally = sums.open();
  for (const text of texts) sums.add(tally, text);
  return sums.result(tally);
}

/**
 * A positional decimal text (no exponent, as `plain` writes it) rounded to `places`
 * decimals half away from zero — the desk's one rounding rule — and written with
 * exactly that many decimals ("2.345" → "2.35", "-0.004" → "0.00", "7" → "7.00").
 */
export function roundHalfAwayFromZero(text: string, places: number): string {
  const negative = text.charCodeAt(0) === MINUS;
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
