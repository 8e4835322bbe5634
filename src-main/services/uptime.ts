/**
 * Measured uptime and the SLA credits it earns (billing.md §6). The credit is a grant
 * like any other, with an id derived from the contract and period, so recording the
 * same uptime again, or billing after a bundle brought uptime in, changes nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../domain/errors';
import { isPeriod } from '../domain/dates';
import { uptimeSchema, type Credit, type Uptime } from '../domain/model';
import { slaCreditFor, slaCreditId } from '../domain/sla';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { recordActivity, type ChangeOrigin } from './activity';
import { Book } from './book';

/**
 * Brings the SLA credits of these uptime records in line with them: granted, changed or
 * withdrawn. A credit some invoice already applied can no longer change.
 */
function syncSlaCreditsOf(data: StoreData, uptimes: readonly Uptime[]): void {
  const book = new Book(data);
  const credits = new Map(data.credits.map((credit) => [credit.id, credit]));
  let changed = false;
  for (const uptime of uptimes) {
    const id = slaCreditId(uptime.contract, uptime.period);
    const wanted = slaCreditFor(book.terms(book.contract(uptime.contract)), uptime);
    const existing = credits.get(id) ?? null;
    if (isDeepStrictEqual(existing, wanted)) continue;
    const appliedOn = data.invoices.find(
      (invoice) =>
        invoice.status !== 'void' && invoice.credit_applications.some((a) => a.credit === id),
    );
    if (existing && appliedOn) {
      throw new UserError(
        `The SLA credit ${id} is already applied on invoice ${appliedOn.number ?? appliedOn.id}, so the uptime of ${uptime.contract} for ${uptime.period} can no longer change it.`,
      );
    }
    if (wanted) credits.set(id, wanted);
    else credits.delete(id);
    changed = true;
  }
  if (changed) data.credits = [...credits.values()];
}

/** Grants the SLA credits of every uptime record (a bundle may have brought uptime in). */
export function syncSlaCredits(data: StoreData): void {
  syncSlaCreditsOf(data, data.uptime);
}

export interface UptimeInput {
  contract: string;
  period: string;
  uptime_percent: string;
}

export interface UptimeResult {
  uptime: Uptime;
  credit: Credit | null;
  /** The figure this one replaced, and the SLA credit that figure had earned; null for a first figure. */
  replaced: { uptime_percent: string; credit: Credit | null } | null;
}

/** Records a contract's uptime for a period, replacing an earlier figure, and its SLA credit. */
export async function recordUptime(
  store: Store,
  input: UptimeInput,
  origin: ChangeOrigin = {},
): Promise<UptimeResult> {
  if (!isPeriod(input.period)) throw new UserError(`'${input.period}' is not a period YYYY-MM.`);
  const parsed = uptimeSchema.safeParse(input);
  if (!parsed.success) {
    throw new UserError(
      `The uptime '${input.uptime_percent}' is not a percentage between 0 and 100.`,
    );
  }
  const uptime = parsed.data;
  return store.update((data, book) => {
    const index = data.uptime.findIndex(
      (u) => u.contract === uptime.contract && u.period === uptime.period,
    );
    const id = slaCreditId(uptime.contract, uptime.period);
    const creditOf = () => data.credits.find((credit) => credit.id === id) ?? null;
    const earlier = data.uptime[index];
    const replaced =
      earlier === undefined ? null : { uptime_percent: earlier.uptime_percent, credit: creditOf() };
    if (index >= 0) data.uptime[index] = uptime;
    else data.uptime.push(uptime);
    syncSlaCreditsOf(data, [uptime]);
    const credit = creditOf();
    recordActivity(book, origin, {
      action: 'uptime.record',
      customer: data.contracts.find((contract) => contract.id === uptime.contract)?.customer,
      subject: uptime.contract,
      summary: `Recorded ${uptime.uptime_percent}% uptime for ${uptime.contract} in ${uptime.period}${
        replaced === null ? '' : ` (replacing ${replaced.uptime_percent}%)`
      }: ${credit === null ? 'no SLA credit is due' : `SLA credit ${credit.id} of ${credit.amount} ${credit.currency}`}.`,
    });
    return { uptime, credit, replaced };
  });
}
