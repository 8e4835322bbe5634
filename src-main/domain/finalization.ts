/**
 * When a draft may be finalized (billing.md §8), and what finalizing sets. A draft is
 * frozen as it was computed, so it must still hold on the issue date: its period over
 * for its contract, its credits not expired, and the invoices it deducts not voided.
 */
import { isUnexpiredOn } from './credits';
import { periodOverOn } from './contract-period';
import { addDays } from './dates';
import { refersTo, type Invoice } from './invoice';
import type { Contract, Credit } from './model';

/** Why the draft cannot be finalized on `issueDate`, or null when it can. */
export function finalizationBlocker(
  draft: Invoice,
  contract: Contract,
  invoices: readonly Invoice[],
  credits: readonly Credit[],
  issueDate: string,
): string | null {
  const name = `The draft ${draft.id}`;
  if (draft.status === 'marketplace') {
    return `${name} is a marketplace statement: the marketplace bills it, so it takes no number.`;
  }
  if (draft.status !== 'draft') return `Invoice ${draft.number ?? draft.id} is already finalized.`;
  if (issueDate < draft.computed_on) {
    return `${name} was computed on ${draft.computed_on} and cannot be issued earlier, on ${issueDate}.`;
  }
  if (draft.trigger === 'period_end') {
    const over = periodOverOn(contract, draft.period);
    if (issueDate < over) {
      return `${name} bills ${draft.period}, which is not over for contract ${contract.id} until ${over}.`;
    }
  }
  for (const application of draft.credit_applications) {
    const credit = credits.find((candidate) => candidate.id === application.credit);
    if (!credit || !isUnexpiredOn(credit, issueDate)) {
      return `${name} applies credit ${application.credit}, which is no longer usable on ${issueDate}; run the bill for ${draft.period} again.`;
    }
  }
  for (const line of draft.lines) {
    for (const reference of line.explanation.invoices ?? []) {
      const voided = invoices.find(
        (invoice) => refersTo(invoice, reference) && invoice.status === 'void',
      );
      if (voided) {
        const voidedName = voided.number ?? voided.id;
        return `${name} deducts what invoice ${voidedName} billed, and ${voidedName} has been voided since; run the bill for ${draft.period} again.`;
      }
    }
  }
  return null;
}

/** The fields finalizing sets; settling then turns an invoice with nothing due to `paid`. */
export function finalizedFields(
  number: string,
  issueDate: string,
  paymentTermsDays: number,
): Pick<Invoice, 'number' | 'issue_date' | 'due_date' | 'status'> {
  return {
    number,
    issue_date: issueDate,
    due_date: addDays(issueDate, paymentTermsDays),
    status: 'open',
  };
}
