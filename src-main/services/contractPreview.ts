/**
 * The effect of a contract change on the next invoice, before it is made: the bill of
 * the period the change falls in, computed in memory for the customer's contracts as
 * they are and as they would be, through the same `billContract` the bill run uses.
 * Nothing is written. Like Stripe's upcoming-invoice preview, it shows the period-end
 * invoice as a bill run would make it today; late usage of earlier periods, which the
 * change does not touch, is left out of both sides.
 */
import { billContract } from '../domain/billing';
import { compareText } from '../domain/collections';
import { CreditLedger } from '../domain/credits';
import { isActiveIn } from '../domain/contract-period';
import { periodOfDate } from '../domain/dates';
import type { Invoice } from '../domain/invoice';
import type { Contract } from '../domain/model';
import { formatMoney, sum, Dec } from '../domain/money';
import { UsageCollector } from '../domain/usage-collector';
import type { PeriodUsageReader } from '../domain/usage';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { Book } from './book';
import { findEntity } from './catalog';
import { changePlanIn, endContractIn } from './contracts';
import { resolveRunDate } from './runDate';

export interface ContractChangeRequest {
  contract: string;
  /** The day the change takes effect (the first day the contract no longer covers). */
  on: string;
  /** The plan to change to; absent, the contract ends. */
  plan?: string;
  asOf?: string;
}

export interface PreviewLine {
  description: string;
  period: string;
  amount: string;
}

export interface PreviewInvoice {
  contract: string;
  plan: string;
  trigger: Invoice['trigger'];
  lines: PreviewLine[];
  subtotal: string;
  discount: string;
  credits: string;
  tax: string;
  total: string;
}

export interface ContractChangePreview {
  /** The period whose invoices the change alters: the one the change day falls in. */
  period: string;
  currency: string;
  /** The customer's invoices of that period as the book stands. */
  before: PreviewInvoice[];
  /** The same after the change: the ended contract's prorated invoice, the new one's. */
  after: PreviewInvoice[];
  /** after − before, summed over the invoices' totals. */
  difference: string;
}

/** The preview of a plan change (`plan` given) or of ending a contract. */
export async function previewContractChange(
  store: Store,
  readUsage: PeriodUsageReader,
  request: ContractChangeRequest,
): Promise<ContractChangePreview> {
  const snapshot = store.read();
  const current = findEntity(snapshot, 'contracts', request.contract);
  // The change is made on a copy of the contracts, with the checks of the real change.
  const changed: StoreData = {
    ...(snapshot as StoreData),
    contracts: snapshot.contracts.map((contract) => ({ ...contract })),
  };
  if (request.plan === undefined) endContractIn(changed, request.contract, request.on);
  else changePlanIn(changed, { contract: request.contract, on: request.on, plan: request.plan });

  const period = periodOfDate(request.on);
  // The contract changed and the one a plan change starts: the customer's others stay as they are.
  const snapshotIds = new Set(snapshot.contracts.map((contract) => contract.id));
  const affected = (contracts: readonly Contract[]) =>
    contracts.filter(
      (contract) =>
        (contract.id === current.id || !snapshotIds.has(contract.id)) &&
        isActiveIn(contract, period),
    );
  const scenarios = [
    new Scenario(snapshot as StoreData, affected(snapshot.contracts)),
    new Scenario(changed, affected(changed.contracts)),
  ] as const;
  for await (const events of readUsage(period)) {
    for (const event of events) for (const scenario of scenarios) scenario.collector.add(event);
  }

  // The period's drafts are what a bill run replaces; the other periods count by what
  // they applied of each credit, as in the bill run.
  const summaries = store.summaries();
  const context: BillContext = {
    period,
    runDate: resolveRunDate(snapshot.settings, request.asOf),
    invoices: store
      .period(period)
      .invoices.filter((invoice) => invoice.number !== null && invoice.status !== 'marketplace'),
    appliedElsewhere: Object.keys(summaries)
      .filter((known) => known !== period)
      .map((known) => summaries[known]?.credits_applied ?? {}),
  };
  const [before, after] = scenarios.map((scenario) => scenario.bill(context)) as [
    PreviewInvoice[],
    PreviewInvoice[],
  ];
  const total = (list: PreviewInvoice[]) => sum(list.map((invoice) => new Dec(invoice.total)));
  const currency = findEntity(snapshot, 'plans', current.plan).currency;
  return {
    period,
    currency,
    before,
    after,
    difference: formatMoney(total(after).minus(total(before)), currency),
  };
}

interface BillContext {
  period: string;
  runDate: string;
  /** The period's invoices a bill run keeps (finalized ones). */
  invoices: readonly Invoice[];
  appliedElsewhere: readonly Readonly<Record<string, string>>[];
}

/** One version of the book: its collector of the period's usage, and its bills. */
class Scenario {
  readonly collector: UsageCollector;

  constructor(
    private readonly data: StoreData,
    private readonly contracts: Contract[],
  ) {
    this.collector = new UsageCollector({ ...data, contracts });
  }

  bill(context: BillContext): PreviewInvoice[] {
    const { period, runDate, invoices } = context;
    const book = new Book(this.data);
    const ledger = new CreditLedger(this.data.credits, invoices, context.appliedElsewhere);
    const watermark = this.data.usage_batches.reduce((top, batch) => Math.max(top, batch.seq), 0);
    let counter = 0;
    return [...this.contracts]
      .sort((a, b) => compareText(a.id, b.id))
      .flatMap((contract) => {
        const own = invoices.filter((invoice) => invoice.contract === contract.id);
        return billContract({
          terms: book.terms(contract),
          customer: book.customer(contract.customer),
          period,
          runDate,
          watermark,
          usageOf: (meter) => this.collector.usageOf(contract.id, meter),
          late: [],
          invoices: own,
          credits: ledger,
          nextId: () => `preview-${++counter}`,
        }).invoices.map((invoice) => ({
          contract: contract.id,
          plan: contract.plan,
          trigger: invoice.trigger,
          lines: invoice.lines.map(({ description, period: linePeriod, amount }) => ({
            description,
            period: linePeriod,
            amount,
          })),
          subtotal: invoice.subtotal,
          discount: invoice.discount,
          credits: invoice.credits,
          tax: invoice.tax,
          total: invoice.total,
        }));
      });
  }
}
