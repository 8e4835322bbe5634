/**
 * Credit grants and what is left of them (billing.md §6). A grant's balance is never
 * stored: it is its amount minus what non-void invoices (drafts included) applied, so
 * voiding an invoice or replacing a draft gives credits back by itself.
 */
import { compareText, groupBy } from './collections';
import { lastDayOfPeriod } from './dates';
import type { CreditApplication, Invoice } from './invoice';
import { isPriceCredit, type Credit } from './model';
import { Dec, formatMoney, ZERO } from './money';

/** Where a credit may apply: an invoice's customer, currency and period, judged on a date. */
export interface CreditScope {
  customer: string;
  currency: string;
  period: string;
  /** The issue date, or for a draft the date the bill run computes it on. */
  onDate: string;
}

export type CreditPlace = 'price' | 'balance';

/** `expires_on` is exclusive: a credit expiring on the 1st is no longer usable on the 1st. */
export function isUnexpiredOn(credit: Credit, date: string): boolean {
  return credit.expires_on === null || credit.expires_on > date;
}

function placeOf(credit: Credit): CreditPlace {
  return isPriceCredit(credit.kind) ? 'price' : 'balance';
}

/** Soonest expiry first (none last), then the oldest grant, then the id. */
export function compareCreditsForUse(a: Credit, b: Credit): number {
  if (a.expires_on !== b.expires_on) {
    if (a.expires_on === null) return 1;
    if (b.expires_on === null) return -1;
    return compareText(a.expires_on, b.expires_on);
  }
  return compareText(a.granted_on, b.granted_on) || compareText(a.id, b.id);
}

export class CreditLedger {
  private readonly remaining = new Map<string, Dec>();
  /** Each customer's grants in the order they are used. */
  private readonly byCustomer: Map<string, Credit[]>;

  /**
   * `invoices` are the invoices at hand; `appliedElsewhere` what other invoices, not at
   * hand, applied of each credit (by credit id), so that a bill run need not read
   * every past invoice to know what is left.
   */
  constructor(
    credits: readonly Credit[],
    invoices: readonly Invoice[],
    appliedElsewhere: readonly Readonly<Record<string, string>>[] = [],
  ) {
    this.byCustomer = groupBy([...credits].sort(compareCreditsForUse), (credit) => credit.customer);
    for (const credit of credits) this.remaining.set(credit.id, new Dec(credit.amount));
    for (const applied of appliedElsewhere) {
      for (const [creditId, amount] of Object.entries(applied)) {
        const left = this.remaining.get(creditId);
        if (left) this.remaining.set(creditId, left.minus(amount));
      }
    }
    for (const invoice of invoices) {
      if (invoice.status === 'void') continue;
      for (const application of invoice.credit_applications) {
        const left = this.remaining.get(application.credit);
        if (left) this.remaining.set(application.credit, left.minus(application.amount));
      }
    }
  }

  remainingOf(creditId: string): Dec {
    return this.remaining.get(creditId) ?? ZERO;
  }

  /**
   * Takes credits of one place (price credits before tax, balance credits after it),
   * in the order of billing.md §6, up to `limit`, and books what it took.
   */
  take(place: CreditPlace, scope: CreditScope, limit: Dec): CreditApplication[] {
    const applications: CreditApplication[] = [];
    // Most customers have no grant: nothing to work out for them.
    const credits = this.byCustomer.get(scope.customer);
    if (credits === undefined) return applications;
    const lastDay = lastDayOfPeriod(scope.period);
    let open = limit;
    for (const credit of credits) {
      if (open.lte(0)) break;
      const left = this.remainingOf(credit.id);
      if (
        placeOf(credit) !== place ||
        credit.currency !== scope.currency ||
        credit.granted_on > lastDay ||
        !isUnexpiredOn(credit, scope.onDate) ||
        left.lte(0)
      ) {
        continue;
      }
      const amount = Dec.min(left, open);
      this.remaining.set(credit.id, left.minus(amount));
      open = open.minus(amount);
      applications.push({
        credit: credit.id,
        kind: credit.kind,
        amount: formatMoney(amount, scope.currency),
      });
    }
    return applications;
  }
}
