/**
 * One aggregator per meter aggregation (billing.md §3). A bill run streams about a
 * million events through them, so each one accumulates event by event and is asked
 * for its result once; none keeps the events.
 */
import { UserError } from './errors';
import type { Aggregation, Meter } from './model';
import { Dec, ZERO } from './money';
import type { RatedUsageEvent } from './usage';

export interface Aggregator {
  add(event: RatedUsageEvent): void;
  result(): Dec;
}

/**
 * Whole quantities below 10^15 as numbers, else null. Quantities are not money, and
 * adding whole numbers stays exact in a double while the total is below 2^53, so the
 * common case of whole quantities is summed and compared without decimal objects.
 */
function smallWholeNumber(quantity: string): number | null {
  return quantity.length <= 15 && /^\d+$/.test(quantity) ? +quantity : null;
}

/** Well below 2^53 even after one more addend below 10^15. */
const EXACT_LIMIT = 2 ** 52;

function sumOfQuantities(): Aggregator {
  let whole = 0;
  let rest = ZERO;
  return {
    add: (event) => {
      const quantity = smallWholeNumber(event.quantity);
      if (quantity === null) {
        rest = rest.plus(event.quantity);
        return;
      }
      whole += quantity;
      if (whole >= EXACT_LIMIT) {
        rest = rest.plus(whole);
        whole = 0;
      }
    },
    result: () => rest.plus(whole),
  };
}

function countOfEvents(): Aggregator {
  let count = 0;
  return {
    add: () => {
      count += 1;
    },
    result: () => new Dec(count),
  };
}

function maxOfQuantities(): Aggregator {
  let peakWhole = 0;
  let peak = ZERO;
  return {
    add: (event) => {
      const quantity = smallWholeNumber(event.quantity);
      if (quantity !== null) {
        if (quantity > peakWhole) peakWhole = quantity;
      } else if (peak.lt(event.quantity)) {
        peak = new Dec(event.quantity);
      }
    },
    result: () => Dec.max(peak, peakWhole),
  };
}

/** Distinct values of `properties[field]` compared as strings; events without it do not count. */
function uniqueCountOf(field: string): Aggregator {
  const seen = new Set<string>();
  return {
    add: (event) => {
      const value = event.properties[field];
      if (value !== undefined) seen.add(String(value));
    },
    result: () => new Dec(seen.size),
  };
}

/**
 * The quantity of the event with the latest timestamp. Events arrive in import order,
 * so taking an equal timestamp too gives a tie to the event imported last.
 */
function latestQuantity(): Aggregator {
  let latestTime = -Infinity;
  let quantity = '0';
  return {
    add: (event) => {
      if (event.time >= latestTime) {
        latestTime = event.time;
        quantity = event.quantity;
      }
    },
    result: () => new Dec(quantity),
  };
}

const AGGREGATORS: Record<Aggregation, (meter: Meter) => Aggregator> = {
  sum: sumOfQuantities,
  count: countOfEvents,
  max: maxOfQuantities,
  unique_count: (meter) => uniqueCountOf(meter.field ?? ''),
  latest: latestQuantity,
};

export function createAggregator(meter: Meter): Aggregator {
  return AGGREGATORS[meter.aggregation](meter);
}

/** Sum of the events' `properties.amount`: the money a percentage charge takes its share of. */
export function transactionAmounts(): Aggregator {
  let total = ZERO;
  return {
    add: (event) => {
      const amount = event.properties.amount;
      if (amount === undefined) return;
      try {
        total = total.plus(amount);
      } catch {
        throw new UserError(
          `Usage event '${event.event_id}' has properties.amount '${String(amount)}', which is not a decimal amount.`,
        );
      }
    },
    result: () => total,
  };
}
