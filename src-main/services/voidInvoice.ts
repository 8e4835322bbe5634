/**
 * Voiding (billing.md §8): the invoice keeps its number, stops counting as billed, and
 * gives back the credits it applied (their balances are derived from non-void
 * invoices). Its period then gets a new draft on the next bill run.
 */
import { UserError } from '../domain/errors';
import { isFinalizedPeriodEnd } from '../domain/late-usage';
import { Dec } from '../domain/money';
import type { Store } from '../store/store';
import { findInvoice, invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';
import { recordActivity, type ChangeOrigin } from './activity';

export async function voidInvoice(
  store: Store,
  reference: string,
  options: { asOf?: string } & ChangeOrigin = {},
): Promise<InvoiceView> {
  return store.update((data, access) => {
    const voidedOn = resolveRunDate(data.settings, options.asOf);
    const invoice = findInvoice(data, reference);
    const name = invoice.number ?? invoice.id;
    if (invoice.status !== 'open') {
      throw new UserError(
        `Invoice ${name} is ${invoice.status}; only an open invoice can be voided${invoice.status === 'paid' ? ' (issue a credit note instead)' : ''}.`,
      );
    }
    if (!new Dec(invoice.amount_paid).isZero() || !new Dec(invoice.credited).isZero()) {
      throw new UserError(
        `Invoice ${name} has payments or credit notes recorded against it; issue a credit note instead of voiding it.`,
      );
    }
    // An interim invoice's usage is deducted on the period-end invoice; once that is
    // final, nothing would bill the usage again.
    const periodEnd = data.invoices.find(
      (other) =>
        invoice.trigger === 'usage_threshold' &&
        other.contract === invoice.contract &&
        other.period === invoice.period &&
        isFinalizedPeriodEnd(other),
    );
    if (periodEnd) {
      throw new UserError(
        `Invoice ${name} is an interim invoice whose usage ${periodEnd.number ?? periodEnd.id} already deducts; issue a credit note instead.`,
      );
    }
    invoice.status = 'void';
    invoice.voided_on = voidedOn;
    recordActivity(access, options, {
      action: 'invoice.void',
      customer: invoice.customer,
      invoice: name,
      subject: invoice.id,
      summary: `Voided invoice ${name} on ${voidedOn}.`,
    });
    return invoicePresenter(data, voidedOn)(invoice);
  });
}
