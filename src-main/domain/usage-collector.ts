/**
 * Routes a period's usage events, as they stream by, to the contract active at each
 * event's timestamp (billing.md §2: a plan change splits a customer's usage between
 * two contracts) and aggregates them per contract and meter. Events that fall under
 * no contract of their customer are counted as unbilled usage, never dropped.
 */
import { QuantitySums, tallyTable, TransactionAmounts, type TallyTable } from './aggregation';
import { NO_USAGE, type MeterUsage } from './charges';
import { contractRange, MS_PER_DAY } from './dates';
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

/** One contract's tallies of one meter, indexes into its meter's tables. */
interface MeterTally {
  tables: MeterTables;
  quantity: number;
  /** -1 when no percentage charge prices the meter. */
  transactions: number;
  /** Whether an event came in a batch the contract's invoices for the period never saw. */
  late: boolean;
}

interface ContractSlot {
  contract: Contract;
  startMs: number;
  endMs: number;
  /** The meters the plan charges; events of other meters are under contract but unpriced. */
  meters: Map<string, MeterTally>;
  /** Events from batches above it are late usage (undefined when not looking for it). */
  watermark: number | undefined;
}

export interface CollectorBook {
  meters: readonly Meter[];
  customers: readonly Customer[];
  contracts: readonly Contract[];
  plans: readonly Plan[];
}

export class UsageCollector {
  private readonly slotsByExternalId = new Map<string, ContractSlot[]>();
  private readonly slotsById = new Map<string, ContractSlot>();
  private readonly customerOf = new Map<string, string>();
  private readonly unbilledTally = new Map<string, UnbilledTally>();
  private readonly unbilledSums = new QuantitySums();
  private readonly tables = new Map<string, MeterTables>();
  /** The meters whose aggregation reads event properties: what the reader must decode. */
  readonly propertiesOf = new Set<string>();

  /**
   * `watermarks`: for late-usage detection, the highest batch each contract's invoices
   * of this period saw; omit it when reading the period being billed.
   */
  constructor(book: CollectorBook, watermarks?: ReadonlyMap<string, number>) {
    const meters = new Map(book.meters.map((meter) => [meter.code, meter]));
    const plans = new Map(book.plans.map((plan) => [plan.code, plan]));
    const externalIds = new Map(book.customers.map((c) => [c.id, c.external_ids]));
    for (const customer of book.customers) {
      for (const externalId of customer.external_ids) this.customerOf.set(externalId, customer.id);
    }
    for (const contract of book.contracts) {
      const range = contractRange(contract);
      const slot: ContractSlot = {
        contract,
        startMs: range.start * MS_PER_DAY,
        endMs: range.end * MS_PER_DAY,
        meters: this.tallies(plans.get(contract.plan), meters),
        watermark: watermarks?.get(contract.id),
      };
      this.slotsById.set(contract.id, slot);
      for (const externalId of externalIds.get(contract.customer) ?? []) {
        const slots = this.slotsByExternalId.get(externalId) ?? [];
        slots.push(slot);
        this.slotsByExternalId.set(externalId, slots);
      }
    }
  }

  add(event: RatedUsageEvent): void {
    const slot = this.slotAt(event.customer, event.time);
    if (!slot) {
      this.countUnbilled(event);
      return;
    }
    const tally = slot.meters.get(event.meter);
    if (!tally) return;
    tally.tables.quantity.add(tally.quantity, event);
    if (tally.transactions >= 0) tally.tables.transactions.add(tally.transactions, event);
    if (slot.watermark !== undefined && event.batch_seq > slot.watermark) tally.late = true;
  }

  /** The contract's usage per meter code; a meter without events has none. */
  usageOf(contractId: string, meter: string): MeterUsage {
    const tally = this.slotsById.get(contractId)?.meters.get(meter);
    if (!tally) return NO_USAGE;
    return {
      quantity: tally.tables.quantity.result(tally.quantity),
      transaction_amount:
        tally.transactions < 0 ? ZERO : tally.tables.transactions.result(tally.transactions),
    };
  }

  /** Whether events of this meter arrived after the contract's invoices for the period. */
  hasLateUsage(contractId: string, meter: string): boolean {
    return this.slotsById.get(contractId)?.meters.get(meter)?.late ?? false;
  }

  hasAnyLateUsage(contractId: string): boolean {
    const slot = this.slotsById.get(contractId);
    return slot ? [...slot.meters.values()].some((tally) => tally.late) : false;
  }

  unbilled(): UnbilledUsage[] {
    return [...this.unbilledTally.values()].map((entry) => ({
      ...entry,
      quantity: plain(this.unbilledSums.result(entry.quantity)),
    }));
  }

  /** The customer's contract active at `time`; a plain loop, as it runs once per event. */
  private slotAt(externalId: string, time: number): ContractSlot | undefined {
    const slots = this.slotsByExternalId.get(externalId);
    if (!slots) return undefined;
    for (const slot of slots) if (time >= slot.startMs && time < slot.endMs) return slot;
    return undefined;
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

  /** A contract's tallies by meter, one per meter the plan charges. */
  private tallies(
    plan: Plan | undefined,
    meters: ReadonlyMap<string, Meter>,
  ): Map<string, MeterTally> {
    const result = new Map<string, MeterTally>();
    for (const charge of plan?.charges ?? []) {
      const meter = meters.get(charge.meter);
      if (!meter || result.has(meter.code)) continue;
      const needsTransactions = plan?.charges.some(
        (other) => other.meter === meter.code && other.model === 'percentage',
      );
      if (needsTransactions || meter.aggregation === 'unique_count') {
        this.propertiesOf.add(meter.code);
      }
      const tables = this.tablesOf(meter);
      result.set(meter.code, {
        tables,
        quantity: tables.quantity.open(),
        transactions: needsTransactions ? tables.transactions.open() : -1,
        late: false,
      });
    }
    return result;
  }

  private tablesOf(meter: Meter): MeterTables {
    let tables = this.tables.get(meter.code);
    if (!tables) {
      tables = { quantity: tallyTable(meter), transactions: new TransactionAmounts() };
      this.tables.set(meter.code, tables);
    }
    return tables;
  }
}
