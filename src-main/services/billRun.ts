/**
 * The bill run for a period (billing.md §8): one draft per direct contract active in
 * it (a statement for a marketplace contract), replacing the period's earlier drafts;
 * interim invoices for usage thresholds; late usage of finalized periods onto the new
 * drafts; and a report of usage no contract bills and of quotas blocked.
 *
 * Usage is read and aggregated before the store update (it streams from disk), and
 * everything else happens inside one update, so a run commits whole or not at all.
 */
import { compareText, firstFreeId, groupBy } from '../domain/collections';
import { billContract, type LatePeriodUsage, type OverQuota } from '../domain/billing';
import { CreditLedger } from '../domain/credits';
import { isActiveIn, isPeriod } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import { isFinalizedPeriodEnd, lateUsageWatermarks } from '../domain/late-usage';
import { UsageCollector, type UnbilledUsage } from '../domain/usage-collector';
import type { PeriodUsageReader } from '../domain/usage';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { Book } from './book';
import { finalizeIfPossible } from './finalize';
import type { ChangeOrigin } from './activity';
import { invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { syncSlaCredits } from './uptime';

export interface BillRunOptions extends ChangeOrigin {
  period: string;
  asOf?: string;
  finalize?: boolean;
}

export interface BillRunReport {
  /** Events that fall under no contract of their customer. */
  unbilled: UnbilledUsage[];
  /** Usage above a quota whose overage is blocked: not billed, for the desk to follow up. */
  over_quota: OverQuota[];
  /** Contracts that got no new draft because their invoice for the period is finalized. */
  already_finalized: { contract: string; invoice: string }[];
  /** Drafts a finalizing run left as drafts, and why (the period is not over yet, usually). */
  not_finalized: { invoice: string; reason: string }[];
}

export interface BillRunResult {
  period: string;
  run_date: string;
  /** The invoices and statements this run made, in contract order. */
  invoices: InvoiceView[];
  report: BillRunReport;
}

/** A draft or statement of the period that a new run recomputes. */
function isReplacedBy(invoice: Invoice, period: string): boolean {
  return (
    invoice.period === period && (invoice.status === 'draft' || invoice.status === 'marketplace')
  );
}

/** `inv_<contract>_<period>_<n>` with the smallest n not taken: the same on every run. */
function invoiceIds(taken: Set<string>, contract: string, period: string): () => string {
  return () => {
    const id = firstFreeId(taken, (n) => `inv_${contract}_${period}_${n}`);
    taken.add(id);
    return id;
  };
}

export async function billPeriod(
  store: Store,
  readUsage: PeriodUsageReader,
  options: BillRunOptions,
): Promise<BillRunResult> {
  const { period } = options;
  if (!isPeriod(period)) throw new UserError(`'${period}' is not a period YYYY-MM.`);
  const snapshot = store.read();
  const runDate = resolveRunDate(snapshot.settings, options.asOf);

  let watermark = snapshot.usage_batches.reduce(
    (highest, batch) => Math.max(highest, batch.seq),
    0,
  );
  const collect = async (usagePeriod: string, watermarks?: ReadonlyMap<string, number>) => {
    const collector = new UsageCollector(snapshot, watermarks);
    const { propertiesOf, propertyNames } = collector;
    for await (const events of readUsage(usagePeriod, { propertiesOf, propertyNames })) {
      for (const event of events) {
        collector.add(event);
        // A batch committed while we read is billed now, so it must not count as late later.
        if (event.batch_seq > watermark) watermark = event.batch_seq;
      }
    }
    return collector;
  };
  const current = await collect(period);
  const late: { period: string; collector: UsageCollector }[] = [];
  const kept = snapshot.invoices.filter((invoice) => !isReplacedBy(invoice, period));
  for (const [latePeriod, watermarks] of lateUsageWatermarks(
    kept,
    snapshot.usage_batches,
    period,
  )) {
    late.push({ period: latePeriod, collector: await collect(latePeriod, watermarks) });
  }

  return store.update((data) => {
    syncSlaCredits(data);
    data.invoices = data.invoices.filter((invoice) => !isReplacedBy(invoice, period));
    const book = new Book(data);
    const ledger = new CreditLedger(data.credits, data.invoices);
    const invoicesOf = groupBy(data.invoices, (invoice) => invoice.contract);
    const taken = new Set(data.invoices.map((invoice) => invoice.id));
    const report: BillRunReport = {
      unbilled: current.unbilled(),
      over_quota: [],
      already_finalized: [],
      not_finalized: [],
    };
    const made: Invoice[] = [];

    for (const contract of [...data.contracts].sort((a, b) => compareText(a.id, b.id))) {
      const direct = contract.channel === 'direct';
      const lateUsage: LatePeriodUsage[] = direct
        ? late
            .filter(({ collector }) => collector.hasAnyLateUsage(contract.id))
            .map(({ period: latePeriod, collector }) => ({
              period: latePeriod,
              usageOf: (meter) => collector.usageOf(contract.id, meter),
              hasLateUsage: (meter) => collector.hasLateUsage(contract.id, meter),
            }))
        : [];
      if (!isActiveIn(contract, period) && lateUsage.length === 0) continue;
      const own = invoicesOf.get(contract.id) ?? [];
      const finalized = own.find(
        (invoice) => invoice.period === period && isFinalizedPeriodEnd(invoice),
      );
      if (finalized) {
        report.already_finalized.push({
          contract: contract.id,
          invoice: finalized.number ?? finalized.id,
        });
        continue;
      }
      const billing = billContract({
        terms: book.terms(contract),
        customer: book.customer(contract.customer),
        period,
        runDate,
        watermark,
        usageOf: (meter) => current.usageOf(contract.id, meter),
        late: lateUsage,
        invoices: own,
        credits: ledger,
        nextId: invoiceIds(taken, contract.id, period),
      });
      data.invoices.push(...billing.invoices);
      made.push(...billing.invoices);
      report.over_quota.push(...billing.overQuota);
    }

    if (options.finalize) finalizeMade(data, book, made, runDate, report, options);
    return {
      period,
      run_date: runDate,
      invoices: made.map(invoicePresenter(data, runDate)),
      report,
    };
  });
}

function finalizeMade(
  data: StoreData,
  book: Book,
  made: readonly Invoice[],
  runDate: string,
  report: BillRunReport,
  origin: ChangeOrigin,
): void {
  for (const invoice of made) {
    if (invoice.status !== 'draft') continue;
    const reason = finalizeIfPossible(
      data,
      invoice,
      book.contract(invoice.contract),
      runDate,
      origin,
    );
    if (reason !== null) report.not_finalized.push({ invoice: invoice.id, reason });
  }
}
