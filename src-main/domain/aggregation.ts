/**
 * Meter aggregations (billing.md §3). A bill run streams about a million events into
 * the meters of ten thousand contracts, so one table per meter holds every contract's
 * tally of it in flat arrays, a tally being an index: each event then touches a few
 * arrays rather than objects of its own (docs/performance.md). Nothing keeps the
 * events.
 */
import { UserError } from './errors';
import type { Aggregation, Meter } from './model';
import { DecimalSums, toMinorUnits } from './minor-units';
import { Dec, ZERO } from './money';
import type { RatedUsageEvent } from './usage';

/** The tallies of one aggregation. */
export interface TallyTable {
  /** A new tally of no events; its index. */
  open(): number;
  add(tally: number, event: RatedUsageEvent): void;
  result(tally: number): Dec;
}

/** Sums of quantities: also the unbilled-usage tally of the collector. */
export class QuantitySums implements TallyTable {
  private readonly sums = new DecimalSums(0);

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
    const whole = toMinorUnits(event.quantity, 0);
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
  private readonly sums = new DecimalSums(AMOUNT_PLACES);

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
