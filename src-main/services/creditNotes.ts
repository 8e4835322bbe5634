/**
 * Credit notes (billing.md §8): the correction of a finalized invoice, with a number
 * of their own gapless sequence. A note lowers what the invoice's customer owes; the
 * part of it beyond the balance still due (the invoice was paid, or settled with
 * prepaid credit) goes back to the customer as an `overpayment` credit.
 */
import { UserError } from '../domain/errors';
import { creditNoteSchema, type CreditNote } from '../domain/invoice';
import type { Credit } from '../domain/model';
import { Dec, formatMoney } from '../domain/money';
import { takeNumber } from '../domain/numbering';
import type { Store } from '../store/store';
import { parseAmount } from './amount';
import { findInvoice, invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { recordActivity, type ChangeOrigin } from './activity';
import { refreshSettlement } from './settlement';

export interface CreditNoteInput extends ChangeOrigin {
  /** The invoice's number. */
  invoice: string;
  amount: string;
  reason: string;
  asOf?: string;
}

export interface CreditNoteResult {
  credit_note: CreditNote;
  invoice: InvoiceView;
  /** The part beyond the balance due, handed back as credit, if any. */
  credit: Credit | null;
}

export async function issueCreditNote(
  store: Store,
  input: CreditNoteInput,
): Promise<CreditNoteResult> {
  if (input.reason.trim() === '') throw new UserError('A credit note needs a reason.');
  return store.update((data, access) => {
    const issueDate = resolveRunDate(data.settings, input.asOf);
    const invoice = findInvoice(data, input.invoice);
    const name = invoice.number ?? invoice.id;
    if (invoice.status !== 'open' && invoice.status !== 'paid') {
      throw new UserError(
        `Invoice ${name} is ${invoice.status}; credit notes correct finalized invoices only.`,
      );
    }
    const amount = parseAmount(input.amount, invoice.currency);
    const creditable = new Dec(invoice.total).minus(invoice.credited);
    if (amount.gt(creditable)) {
      throw new UserError(
        `A credit note on ${name} can be at most ${formatMoney(Dec.max(0, creditable), invoice.currency)} ${invoice.currency}: the total less what earlier credit notes credited.`,
      );
    }
    const beyondBalance = amount.minus(invoice.balance_due);
    const number = takeNumber(data.sequences, data.settings.credit_note_number_format, issueDate);
    const note = creditNoteSchema.parse({
      id: `cn_${number}`,
      number,
      invoice: name,
      customer: invoice.customer,
      currency: invoice.currency,
      amount: formatMoney(amount, invoice.currency),
      reason: input.reason.trim(),
      issue_date: issueDate,
    });
    data.credit_notes.push(note);
    let credit: Credit | null = null;
    if (beyondBalance.gt(0)) {
      credit = {
        id: `overpayment-${number}`,
        customer: invoice.customer,
        kind: 'overpayment',
        amount: formatMoney(beyondBalance, invoice.currency),
        currency: invoice.currency,
        granted_on: issueDate,
        expires_on: null,
        note: `Credit note ${number} on ${name}, beyond its balance due`,
      };
      data.credits.push(credit);
    }
    refreshSettlement(data, invoice);
    recordActivity(access, input, {
      action: 'invoice.credit-note',
      customer: invoice.customer,
      invoice: name,
      subject: number,
      summary: `Issued credit note ${number} of ${note.amount} ${note.currency} on invoice ${name}${credit ? `, ${credit.amount} of it back as credit ${credit.id}` : ''}.`,
    });
    return { credit_note: note, invoice: invoicePresenter(data, issueDate)(invoice), credit };
  });
}
