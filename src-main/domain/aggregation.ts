/**
 * Meter aggregations (billing.md §3). A bill run streams about a million events into
 * the meters of ten thousand contracts, so one table per meter holds every contract's
 * tally of it in flat arrays, a tally being an index: with an object (and closures)
 * per tally, each event chased pointers to memory no other event had touched, and
 * aggregating cost ten times more than now. Nothing keeps the events.
 */
import { UserError } from './errors';
import type { Aggregation, Meter } from './model';
import { Dec, ZERO } from './money';
import type { RatedUsageEvent } from './usage';

/** The tallies of one aggregation. */
export interface TallyTable {
  /** A new tally of no events; its index. */
  open(): number;
  add(tally: number, event: RatedUsageEvent): void;
  result(tally: number): Dec;
}

/**
 * `text` times 10^`places` when it is plain digits (a `.` between two of them
 * allowed) with at most `places` decimals, and that product is below 10^15; else
 * null. Such numbers add exactly as doubles while the total stays below 2^53, so
 * the common quantities and amounts are summed and compared without decimal objects.
 */
export function smallScaled(text: string, places: number): number | null {
  let value = 0;
  let decimals = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === DOT && decimals < 0 && index > 0 && index < text.length - 1) {
      decimals = 0;
    } else if (code >= DIGIT_0 && code <= DIGIT_9) {
      value = value * 10 + (code - DIGIT_0);
      if (decimals >= 0) decimals += 1;
      if (value >= SMALL_LIMIT) return null;
    } else {
      return null;
    }
  }
  if (text.length === 0 || decimals > places) return null;
  const scaled = value * 10 ** (places - Math.max(decimals, 0));
  return scaled < SMALL_LIMIT ? scaled : null;
}

const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const SMALL_LIMIT = 1e15;
/** Well below 2^53 even after one more addend below 10^15. */
const EXACT_LIMIT = 2 ** 52;

/** A scaled number (see `smallScaled`) back as the exact decimal it stands for. */
function unscaled(value: number, places: number): Dec {
  return places === 0 ? new Dec(value) : new Dec(value).dividedBy(10 ** places);
}

/**
 * Exact sums of decimal texts with a fast path: values `smallScaled` takes are added
 * as doubles (in units of 10^-`places`) and folded into the decimal before 2^52.
 */
class ExactSums {
  private readonly small: number[] = [];
  private readonly rest: Dec[] = [];

  constructor(private readonly places: number) {}

  open(): number {
    this.rest.push(ZERO);
    return this.small.push(0) - 1;
  }

  /** Adds `text`; throws what decimal.js throws when it is no decimal. */
  add(tally: number, text: string): void {
    const value = smallScaled(text, this.places);
    if (value === null) {
      this.rest[tally] = (this.rest[tally] as Dec).plus(text);
      return;
    }
    const total = (this.small[tally] as number) + value;
    if (total < EXACT_LIMIT) {
      this.small[tally] = total;
    } else {
      this.rest[tally] = (this.rest[tally] as Dec).plus(unscaled(total, this.places));
      this.small[tally] = 0;
    }
  }

  result(tally: number): Dec {
    return (this.rest[tally] as Dec).plus(unscaled(this.small[tally] as number, this.places));
  }
}

/** Sums of quantities: also the unbilled-usage tally of the collector. */
export class QuantitySums implements TallyTable {
  private readonly sums = new ExactSums(0);

  open(): number {
    return this.sums.open();
  }

  add(tally: number, event: RatedUsageEvent): void {
    this.sums.add(tally, event.quantity);
  }

  result(tally: number): Dec {
    return this.sums.result(tally);
  }
}

class EventCounts implements TallyTable {
  private readonly counts: number[] = [];

  open(): number {
    return this.counts.push(0) - 1;
  }

  add(tally: number): void {
    this.counts[tally] = (this.counts[tally] as number) + 1;
  }

  result(tally: number): Dec {
    return new Dec(this.counts[tally] as number);
  }
}

class QuantityPeaks implements TallyTable {
  /** The peak among whole quantities below 10^15, and among all others. */
  private readonly wholePeaks: number[] = [];
  private readonly peaks: Dec[] = [];

  open(): number {
    this.peaks.push(ZERO);
    return this.wholePeaks.push(0) - 1;
  }

  add(tally: number, event: RatedUsageEvent): void {
    const whole = smallScaled(event.quantity, 0);
    if (whole !== null) {
      if (whole > (this.wholePeaks[tally] as number)) this.wholePeaks[tally] = whole;
    } else if ((this.peaks[tally] as Dec).lt(event.quantity)) {
      this.peaks[tally] = new Dec(event.quantity);
    }
  }

  result(tally: number): Dec {
    return Dec.max(this.peaks[tally] as Dec, this.wholePeaks[tally] as number);
  }
}

/** Distinct values of `properties[field]` compared as strings; events without it do not count. */
class UniqueCounts implements TallyTable {
  private readonly seen: Set<string>[] = [];

  constructor(private readonly field: string) {}

  open(): number {
    return this.seen.push(new Set()) - 1;
  }

  add(tally: number, event: RatedUsageEvent): void {
    const value = event.properties[this.field];
    if (value !== undefined) (this.seen[tally] as Set<string>).add(String(value));
  }

  result(tally: number): Dec {
    return new Dec((this.seen[tally] as Set<string>).size);
  }
}

/**
 * The quantity of the event with the latest timestamp. Events arrive in import order,
 * so taking an equal timestamp too gives a tie to the event imported last.
 */
class LatestQuantities implements TallyTable {
  private readonly times: number[] = [];
  private readonly quantities: string[] = [];

  open(): number {
    this.quantities.push('0');
    return this.times.push(-Infinity) - 1;
  }

  add(tally: number, event: RatedUsageEvent): void {
    if (event.time >= (this.times[tally] as number)) {
      this.times[tally] = event.time;
      this.quantities[tally] = event.quantity;
    }
  }

  result(tally: number): Dec {
    return new Dec(this.quantities[tally] as string);
  }
}

const TABLES: Record<Aggregation, (meter: Meter) => TallyTable> = {
  sum: () => new QuantitySums(),
  count: () => new EventCounts(),
  max: () => new QuantityPeaks(),
  unique_count: (meter) => new UniqueCounts(meter.field ?? ''),
  latest: () => new LatestQuantities(),
};

/** A table of tallies of the meter's aggregation. */
export function tallyTable(meter: Meter): TallyTable {
  return TABLES[meter.aggregation](meter);
}

/** Money has at most 6 decimals nearly always: amounts are summed in millionths. */
const AMOUNT_PLACES = 6;

/** The property holding an event's money, which a percentage charge takes its share of. */
export const TRANSACTION_AMOUNT = 'amount';

/** Sums of the events' `properties.amount`: the money a percentage charge takes its share of. */
export class TransactionAmounts implements TallyTable {
  private readonly sums = new ExactSums(AMOUNT_PLACES);

  open(): number {
    return this.sums.open();
  }

  add(tally: number, event: RatedUsageEvent): void {
    const amount = event.properties[TRANSACTION_AMOUNT];
    if (amount === undefined) return;
    try {
      // A number's decimal is that of its shortest text, as decimal.js reads numbers.
      this.sums.add(tally, String(amount));
    } catch {
      throw new UserError(
        `Usage event '${event.event_id}' has properties.amount '${String(amount)}', which is not a decimal amount.`,
      );
    }
  }

  result(tally: number): Dec {
    return this.sums.result(tally);
  }
}
