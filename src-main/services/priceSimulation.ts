/**
 * The price simulator (docs/billing.md, "Simulating a price"): one contract's real
 * usage of one period re-rated under a plan (saved or an unsaved draft) beside the
 * same usage under the contract's own plan, line by line, before anyone is billed.
 * It reads the book and the period's usage and runs the bill run's own domain code in
 * memory; it writes nothing.
 */
import { billContract } from '../domain/billing';
import { compareText } from '../domain/collections';
import { isActiveIn } from '../domain/contract-period';
import { CreditLedger } from '../domain/credits';
import { addMonths, isPeriod, periodOfDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Invoice, InvoiceLine } from '../domain/invoice';
import type { Contract, Plan } from '../domain/model';
import { Dec, plain } from '../domain/money';
import { UsageCollector } from '../domain/usage-collector';
import type { PeriodUsageReader } from '../domain/usage';
import type { Store } from '../store/store';
import { Book } from './book';
import { checkedEntity } from './entityCheck';
import { resolveRunDate } from './runDate';

export interface PriceSimulationRequest {
  customer: string;
  /** The customer's contract to re-rate; omitted, the one active in the period (the latest). */
  contract?: string | null;
  /** Omitted: the last closed period before the desk's today. */
  period?: string | null;
  /** The plan to price by, as the editor holds it: saved or not, checked like a bundle's. */
  plan: unknown;
}

/** One side of the comparison: the invoice the period would get, before credits. */
export interface SimulatedInvoice {
  plan: string;
  lines: InvoiceLine[];
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
}

/** One line of the comparison: the same fee or charge under both plans, or under one only. */
export interface SimulationRow {
  description: string;
  current: InvoiceLine | null;
  proposed: InvoiceLine | null;
  /** Proposed minus current. */
  difference: string;
}

export interface PriceSimulation {
  customer: string;
  contract: string;
  period: string;
  currency: string;
  /** The contract's own plan, what the period is (or would be) billed by. */
  current: SimulatedInvoice;
  proposed: SimulatedInvoice;
  rows: SimulationRow[];
  /** Proposed total minus current total. */
  difference: string;
  /** The period's invoice of the contract when there is one (not void), for reference. */
  billed: { invoice: string; status: Invoice['status']; total: string } | null;
}

export async function simulatePrice(
  store: Store,
  readUsage: PeriodUsageReader,
  request: PriceSimulationRequest,
): Promise<PriceSimulation> {
  const data = store.read();
  const period = request.period ?? addMonths(periodOfDate(resolveRunDate(data.settings)), -1);
  if (!isPeriod(period)) throw new UserError(`'${period}' is not a period YYYY-MM.`);
  const book = new Book(data);
  const customer = book.customer(request.customer);
  const contract = contractToSimulate(data.contracts, customer.id, period, request.contract);
  const current = book.terms(contract).plan;
  const proposed = checkedEntity('plans', request.plan, {
    ...data,
    plans: data.plans.filter((plan) => plan.code !== (request.plan as Partial<Plan>)?.code),
  });
  if (proposed.currency !== current.currency) {
    throw new UserError(
      `Plan '${proposed.code}' bills in ${proposed.currency} and contract '${contract.id}' in ${current.currency}: a price can only be compared in the same currency.`,
    );
  }

  // Interim invoices split a period by when usage arrived; the comparison is of the whole period.
  const simulated: Contract = { ...contract, usage_threshold: null };
  const collectors = [current, proposed].map(
    (plan) =>
      new UsageCollector({
        meters: data.meters,
        customers: data.customers,
        contracts: [{ ...simulated, plan: plan.code }],
        plans: [plan],
      }),
  );
  const propertiesOf = new Set(collectors.flatMap((collector) => [...collector.propertiesOf]));
  const propertyNames = new Set(collectors.flatMap((collector) => [...collector.propertyNames]));
  for await (const events of readUsage(period, { propertiesOf, propertyNames })) {
    for (const event of events) for (const collector of collectors) collector.add(event);
  }

  const [currentInvoice, proposedInvoice] = [current, proposed].map((plan, index) => {
    const collector = collectors[index] as UsageCollector;
    const billing = billContract({
      terms: { contract: { ...simulated, plan: plan.code }, plan, meters: book.meters },
      customer,
      period,
      runDate: resolveRunDate(data.settings),
      watermark: 0,
      usageOf: (meter) => collector.usageOf(contract.id, meter),
      late: [],
      invoices: [],
      // Credits are the customer's money, not the plan's price: both sides are before them.
      credits: new CreditLedger([], []),
      nextId: () => `simulation_${contract.id}_${period}`,
    });
    return sideOf(plan, billing.invoices.at(-1));
  }) as [SimulatedInvoice, SimulatedInvoice];

  const billed = store
    .period(period)
    .invoices.find(
      (invoice) =>
        invoice.contract === contract.id &&
        invoice.trigger === 'period_end' &&
        invoice.status !== 'void',
    );
  return {
    customer: customer.id,
    contract: contract.id,
    period,
    currency: current.currency,
    current: currentInvoice,
    proposed: proposedInvoice,
    rows: compareLines(currentInvoice.lines, proposedInvoice.lines),
    difference: plain(new Dec(proposedInvoice.total).minus(currentInvoice.total)),
    billed: billed
      ? { invoice: billed.number ?? billed.id, status: billed.status, total: billed.total }
      : null,
  };
}

function contractToSimulate(
  contracts: readonly Contract[],
  customer: string,
  period: string,
  wanted: string | null | undefined,
): Contract {
  const own = contracts.filter((contract) => contract.customer === customer);
  if (wanted) {
    const contract = own.find((candidate) => candidate.id === wanted);
    if (!contract) throw new UserError(`Customer '${customer}' has no contract '${wanted}'.`);
    if (!isActiveIn(contract, period)) {
      throw new UserError(
        `Contract '${wanted}' is not active in ${period}: it has no usage to re-rate.`,
      );
    }
    return contract;
  }
  const active = own
    .filter((contract) => isActiveIn(contract, period))
    .sort((a, b) => compareText(a.start_date, b.start_date));
  const latest = active.at(-1);
  if (!latest) {
    throw new UserError(
      `Customer '${customer}' has no contract active in ${period}: there is no usage to re-rate.`,
    );
  }
  return latest;
}

const EMPTY_SIDE = { lines: [], subtotal: '0', discount: '0', tax: '0', total: '0' };

function sideOf(plan: Plan, invoice: Invoice | undefined): SimulatedInvoice {
  if (!invoice) return { plan: plan.code, ...EMPTY_SIDE };
  const { lines, subtotal, discount, tax, total } = invoice;
  return { plan: plan.code, lines, subtotal, discount, tax, total };
}

/**
 * Which lines of the two invoices bill the same thing: the base fee, the true-up, a
 * meter's reservation, a meter's usage (whatever the charge model; a plan charging a
 * meter twice pairs them in order).
 */
function lineKey(line: InvoiceLine): string {
  switch (line.kind) {
    case 'usage':
    case 'capacity_overage':
      return `usage:${line.meter ?? ''}`;
    case 'capacity_reservation':
      return `reservation:${line.meter ?? ''}`;
    default:
      return line.kind;
  }
}

function keyed(lines: readonly InvoiceLine[]): Map<string, InvoiceLine> {
  const byKey = new Map<string, InvoiceLine>();
  for (const line of lines) {
    let occurrence = 1;
    while (byKey.has(`${lineKey(line)}#${occurrence}`)) occurrence += 1;
    byKey.set(`${lineKey(line)}#${occurrence}`, line);
  }
  return byKey;
}

function compareLines(
  current: readonly InvoiceLine[],
  proposed: readonly InvoiceLine[],
): SimulationRow[] {
  const before = keyed(current);
  const after = keyed(proposed);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.map((key) => {
    const was = before.get(key) ?? null;
    const would = after.get(key) ?? null;
    return {
      description: (would ?? was)?.description ?? key,
      current: was,
      proposed: would,
      difference: plain(new Dec(would?.amount ?? 0).minus(was?.amount ?? 0)),
    };
  });
}
