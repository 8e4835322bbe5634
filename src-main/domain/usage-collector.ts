/**
 * Routes a period's usage events, as they stream by, to the contract active at each
 * event's timestamp (billing.md §2: a plan change splits a customer's usage between
 * two contracts) and aggregates them per contract and meter. Events that fall under
 * no contract of their customer are counted as unbilled usage, never dropped.
 */
import {
  QuantitySums,
  tallyTable,
  TRANSACTION_AMOUNT,
  TransactionAmounts,
  type TallyTable,
} from './aggregation';
import { NO_USAGE, type MeterUsage } from './charges';
import { contractRange } from './contract-period';
import { MS_PER_DAY } from './dates';
import type { Contract, Customer, Meter, Plan } from './model';
import { plain, ZERO } from './money';
import type { RatedUsageEvent } from './usage';

export interface UnbilledUsage {
  /** The external id the events carry. */
  external_id: string;
  /** The customer it belongs to, when one does. */
  customer: string | null;
  meter: string;
  events: number;
  quantity: string;
  first_event: string;
}

/** The quantity is the tally of that index in the collector's unbilled sums. */
type UnbilledTally = Omit<UnbilledUsage, 'quantity'> & { quantity: number };

/** The tables of one meter's tallies: its aggregation, and the amounts percentage charges take. */
interface MeterTables {
  quantity: TallyTable;
  transactions: TransactionAmounts;
}

/**
 * No tally (the plan does not charge the meter: its events are under contract but
 * unpriced), or no contract.
 */
const NONE = -1;

export interface CollectorBook {
  meters: readonly Meter[];
  customers: readonly Customer[];
  contracts: readonly Contract[];
  plans: readonly Plan[];
}

/**
 * Per event, one map lookup finds the contract and one small map the meter; the
 * contract's tallies of the meter are then a cell of flat arrays: objects per
 * contract and meter cost a cache miss each for every event.
 */
export class UsageCollector {
  /**
   * A contract is a slot: its index in the book. Per external id, its customer's one
   * slot, or several in contract order; a number in the map needs no array to visit.
   */
  private readonly slotsByExternalId = new Map<string, number | number[]>();
  private readonly slotsById = new Map<string, number>();
  /** Per slot: the contract's window in epoch milliseconds [start, end). */
  private readonly startMs: Float64Array;
  private readonly endMs: Float64Array;
  /** Per slot: events from batches above it are late usage (Infinity when not looking for it). */
  private readonly watermarks: Float64Array;
  private readonly customerOf = new Map<string, string>();
  private readonly unbilledTally = new Map<string, UnbilledTally>();
  private readonly unbilledSums = new QuantitySums();
  /** The book's meters, their index by code, and their tables by index. */
  private readonly meters: readonly Meter[];
  private readonly meterIndex = new Map<string, number>();
  private readonly tables: MeterTables[];
  /** Per cell (contract slot × meter index): tally indexes, or NONE, and the late flag. */
  private readonly quantityTallies: Int32Array;
  private readonly transactionTallies: Int32Array;
  private readonly late: Uint8Array;
  /** The meters whose aggregation reads event properties: what the reader must decode. */
  readonly propertiesOf = new Set<string>();
  /** The properties those aggregations read: a `unique_count` field, a percentage's `amount`. */
  readonly propertyNames = new Set<string>();

  /**
   * `watermarks`: for late-usage detection, the highest batch each contract's invoices
   * of this period saw; omit it when reading the period being billed.
   */
  constructor(book: CollectorBook, watermarks?: ReadonlyMap<string, number>) {
    const plans = new Map(book.plans.map((plan) => [plan.code, plan]));
    this.meters = book.meters;
    book.meters.forEach((meter, index) => this.meterIndex.set(meter.code, index));
    this.tables = book.meters.map((meter) => ({
      quantity: tallyTable(meter),
      transactions: new TransactionAmounts(),
    }));
    const slots = book.contracts.length;
    this.startMs = new Float64Array(slots);
    this.endMs = new Float64Array(slots);
    this.watermarks = new Float64Array(slots);
    const cells = slots * book.meters.length;
    this.quantityTallies = new Int32Array(cells).fill(NONE);
    this.transactionTallies = new Int32Array(cells).fill(NONE);
    this.late = new Uint8Array(cells);
    const externalIds = new Map(book.customers.map((c) => [c.id, c.external_ids]));
    for (const customer of book.customers) {
      for (const externalId of customer.external_ids) this.customerOf.set(externalId, customer.id);
    }
    book.contracts.forEach((contract, slot) => {
      const range = contractRange(contract);
      this.startMs[slot] = range.start * MS_PER_DAY;
      this.endMs[slot] = range.end * MS_PER_DAY;
      this.watermarks[slot] = watermarks?.get(contract.id) ?? Infinity;
      this.openTallies(slot, plans.get(contract.plan));
      this.slotsById.set(contract.id, slot);
      for (const externalId of externalIds.get(contract.customer) ?? []) {
        const known = this.slotsByExternalId.get(externalId);
        if (known === undefined) this.slotsByExternalId.set(externalId, slot);
        else if (typeof known === 'number') this.slotsByExternalId.set(externalId, [known, slot]);
        else known.push(slot);
      }
    });
  }

  add(event: RatedUsageEvent): void {
    const slot = this.slotAt(event.customer, event.time);
    if (slot === NONE) {
      this.countUnbilled(event);
      return;
    }
    const meter = this.meterIndex.get(event.meter);
    if (meter === undefined) return;
    const cell = slot * this.tables.length + meter;
    const quantity = this.quantityTallies[cell] as number;
    if (quantity === NONE) return;
    const tables = this.tables[meter] as MeterTables;
    tables.quantity.add(quantity, event);
    const transactions = this.transactionTallies[cell] as number;
    if (transactions !== NONE) tables.transactions.add(transactions, event);
    if (event.batch_seq > (this.watermarks[slot] as number)) this.late[cell] = 1;
  }

  /** The contract's usage per meter code; a meter without events has none. */
  usageOf(contractId: string, meter: string): MeterUsage {
    const cell = this.cellOf(contractId, meter);
    const quantity = cell === NONE ? NONE : (this.quantityTallies[cell] as number);
    if (quantity === NONE) return NO_USAGE;
    const tables = this.tables[this.meterIndex.get(meter) as number] as MeterTables;
    const transactions = this.transactionTallies[cell] as number;
    return {
      quantity: tables.quantity.result(quantity),
      transaction_amount: transactions === NONE ? ZERO : tables.transactions.result(transactions),
    };
  }

  /** Whether events of this meter arrived after the contract's invoices for the period. */
  hasLateUsage(contractId: string, meter: string): boolean {
    const cell = this.cellOf(contractId, meter);
    return cell !== NONE && this.late[cell] === 1;
  }

  hasAnyLateUsage(contractId: string): boolean {
    const slot = this.slotsById.get(contractId);
    if (slot === undefined) return false;
    const cells = slot * this.tables.length;
    return this.late.subarray(cells, cells + this.tables.length).includes(1);
  }

  /** The cell of the contract's tallies of the meter, or NONE for an unknown contract or meter. */
  private cellOf(contractId: string, meter: string): number {
    const slot = this.slotsById.get(contractId);
    const index = this.meterIndex.get(meter);
    return slot !== undefined && index !== undefined ? slot * this.tables.length + index : NONE;
  }

  unbilled(): UnbilledUsage[] {
    return [...this.unbilledTally.values()].map((entry) => ({
      ...entry,
      quantity: plain(this.unbilledSums.result(entry.quantity)),
    }));
  }

  /** The customer's contract active at `time`; a plain loop, as it runs once per event. */
  private slotAt(externalId: string, time: number): number {
    const slots = this.slotsByExternalId.get(externalId);
    if (slots === undefined) return NONE;
    if (typeof slots === 'number') return this.isActiveAt(slots, time) ? slots : NONE;
    for (const slot of slots) if (this.isActiveAt(slot, time)) return slot;
    return NONE;
  }

  private isActiveAt(slot: number, time: number): boolean {
    return time >= (this.startMs[slot] as number) && time < (this.endMs[slot] as number);
  }

  private countUnbilled(event: RatedUsageEvent): void {
    const key = `${event.customer}\u0000${event.meter}`;
    const entry = this.unbilledTally.get(key);
    if (entry) {
      entry.events += 1;
      this.unbilledSums.add(entry.quantity, event);
      return;
    }
    const quantity = this.unbilledSums.open();
    this.unbilledSums.add(quantity, event);
    this.unbilledTally.set(key, {
      external_id: event.customer,
      customer: this.customerOf.get(event.customer) ?? null,
      meter: event.meter,
      events: 1,
      quantity,
      first_event: event.event_id,
    });
  }

  /** Opens the contract's tallies: one per meter the plan charges. */
  private openTallies(slot: number, plan: Plan | undefined): void {
    for (const charge of plan?.charges ?? []) {
      const index = this.meterIndex.get(charge.meter);
      if (index === undefined) continue;
      const cell = slot * this.tables.length + index;
      const tables = this.tables[index] as MeterTables;
      if (this.quantityTallies[cell] === NONE) this.quantityTallies[cell] = tables.quantity.open();
      if (charge.model === 'percentage' && this.transactionTallies[cell] === NONE) {
        this.transactionTallies[cell] = tables.transactions.open();
        this.propertiesOf.add(charge.meter);
        this.propertyNames.add(TRANSACTION_AMOUNT);
      }
      const meter = this.meters[index] as Meter;
      if (meter.aggregation === 'unique_count') {
        this.propertiesOf.add(charge.meter);
        this.propertyNames.add(meter.field ?? '');
      }
    }
  }
}
