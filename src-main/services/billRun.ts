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
import { isActiveIn } from '../domain/contract-period';
import { isPeriod } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import { isFinalizedPeriodEnd, lateUsageWatermarks } from '../domain/late-usage';
import { UsageCollector, type UnbilledUsage } from '../domain/usage-collector';
import type { PeriodUsageReader } from '../domain/usage';
import type { DraftBook, Store } from '../store/store';
import { Book } from './book';
import { finalizeIfPossible } from './finalize';
import type { ChangeOrigin } from './activity';
import { invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { refreshSettlement } from './settlement';
import { syncSlaCredits } from './uptime';

export interface BillRunProgress {
  stage: 'Reading usage' | 'Computing drafts';
  /** Events read so far while reading; then contracts billed (reported once, when done). */
  done: number;
  /** 0 while reading usage (the count is not known beforehand); the contracts then. */
  total: number;
}

export interface BillRunOptions extends ChangeOrigin {
  period: string;
  asOf?: string;
  finalize?: boolean;
  onProgress?: (progress: BillRunProgress) => void;
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

/**
 * `inv_<contract>_<period>_<n>` with the smallest n not taken: the same on every run.
 * Taken means among the invoices read, or known to the book's index.
 */
function invoiceIds(
  taken: Set<string>,
  book: DraftBook,
  contract: string,
  period: string,
): () => string {
  const known = { has: (id: string) => taken.has(id) || book.invoice(id) !== undefined };
  return () => {
    const id = firstFreeId(known, (n) => `inv_${contract}_${period}_${n}`);
    taken.add(id);
    return id;
  };
}

/**
 * The periods whose invoices a run for `period` reads: that period, and from the
 * earliest period that may hold late usage on (a batch above the lowest watermark of
 * its finalized invoices stored events for it), every period, since their invoices
 * may bill its usage late. The others are known by their summary alone.
 */
function periodsToRead(store: Store, period: string): string[] {
  const lastBatchOf = new Map<string, number>();
  for (const batch of store.read().usage_batches) {
    for (const segment of batch.segments) {
      lastBatchOf.set(segment.period, Math.max(lastBatchOf.get(segment.period) ?? 0, batch.seq));
    }
  }
  const summaries = store.summaries();
  const earliest = Object.keys(summaries)
    .filter((candidate) => {
      const lowest = summaries[candidate]?.lowest_watermark ?? null;
      return candidate < period && lowest !== null && (lastBatchOf.get(candidate) ?? 0) > lowest;
    })
    .reduce((first, candidate) => (candidate < first ? candidate : first), period);
  return [...new Set([...store.periods().filter((known) => known >= earliest), period])].sort(
    compareText,
  );
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
  const read = periodsToRead(store, period);

  let eventsRead = 0;
  let watermark = snapshot.usage_batches.reduce(
    (highest, batch) => Math.max(highest, batch.seq),
    0,
  );
  const collect = async (usagePeriod: string, watermarks?: ReadonlyMap<string, number>) => {
    const collector = new UsageCollector(snapshot, watermarks);
    const { propertiesOf, propertyNames } = collector;
    for await (const events of readUsage(usagePeriod, { propertiesOf, propertyNames })) {
      eventsRead += events.length;
      options.onProgress?.({ stage: 'Reading usage', done: eventsRead, total: 0 });
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
  const kept = read
    .flatMap((known) => store.period(known).invoices)
    .filter((invoice) => !isReplacedBy(invoice, period));
  for (const [latePeriod, watermarks] of lateUsageWatermarks(
    kept,
    snapshot.usage_batches,
    period,
  )) {
    late.push({ period: latePeriod, collector: await collect(latePeriod, watermarks) });
  }

  const contracts = snapshot.contracts.length;
  options.onProgress?.({ stage: 'Computing drafts', done: 0, total: contracts });
  const result = await store.update((data, access) => {
    syncSlaCredits(data);
    const billed = access.period(period);
    billed.invoices = billed.invoices.filter((invoice) => !isReplacedBy(invoice, period));
    const invoices = read.flatMap((known) => access.period(known).invoices);
    const summaries = access.summaries();
    const book = new Book(data);
    const ledger = new CreditLedger(
      data.credits,
      invoices,
      Object.keys(summaries)
        .filter((known) => !read.includes(known))
        .map((known) => summaries[known]?.credits_applied ?? {}),
    );
    const invoicesOf = groupBy(invoices, (invoice) => invoice.contract);
    const taken = new Set(invoices.map((invoice) => invoice.id));
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
        nextId: invoiceIds(taken, access, contract.id, period),
      });
      billed.invoices.push(...billing.invoices);
      made.push(...billing.invoices);
      report.over_quota.push(...billing.overQuota);
    }

    // A recomputed statement keeps the disbursements recorded against its id (they live
    // in its period's document, beside it).
    for (const invoice of made) {
      if (invoice.status === 'marketplace') refreshSettlement(billed, invoice);
    }
    if (options.finalize) {
      const finalizing = {
        settings: data.settings,
        sequences: data.sequences,
        credits: data.credits,
        invoices: [...invoices, ...made],
        log: access,
      };
      for (const invoice of made) {
        if (invoice.status !== 'draft') continue;
        const reason = finalizeIfPossible(
          finalizing,
          invoice,
          book.contract(invoice.contract),
          runDate,
          options,
        );
        if (reason !== null) report.not_finalized.push({ invoice: invoice.id, reason });
      }
    }
    return {
      period,
      run_date: runDate,
      invoices: made.map(invoicePresenter(billed, runDate)),
      report,
    };
  });
  options.onProgress?.({ stage: 'Computing drafts', done: contracts, total: contracts });
  return result;
}
