/**
 * Payment reminders of overdue invoices (docs/payments.md, "Reminders"): which would be
 * sent on a date and which skipped, and sending them. A reminder is an email of its
 * invoice with the PDF attached, sent, queued or kept in the outbox exactly as an
 * invoice email is (services/email.ts), and recorded with the kind `reminder`.
 */
import { groupBy } from '../domain/collections';
import { todayUtc } from '../domain/dates';
import { UserError } from '../domain/errors';
import { reminderEmail } from '../domain/invoice-email';
import {
  DEFAULT_MIN_DAYS_BETWEEN_REMINDERS,
  notOverdueReason,
  planReminders,
  type ReminderCandidate,
  type ReminderPlan,
  type RemindersResult,
} from '../domain/reminders';
import type { Store } from '../store/store';
import { showInvoice } from './documents';
import { deliverInvoiceEmail, type DeliveryOptions } from './email';
import { findInvoice, invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';

export interface ReminderSelection {
  /** The day the invoices are overdue on (the desk's today when absent). */
  asOf?: string;
  /** Only these invoices, by number; each must be overdue. All overdue ones when absent. */
  invoices?: readonly string[];
  /** Days since an invoice's last reminder before it is reminded again (default 7). */
  minDaysBetween?: number;
  /** The clock reminders are recorded by, and their days apart counted on. */
  now?: () => Date;
}

export type ReminderOptions = ReminderSelection & DeliveryOptions;

/** Which invoices a reminder run would remind and which it would skip, sending nothing. */
export function previewReminders(store: Store, selection: ReminderSelection = {}): ReminderPlan {
  const data = store.read();
  const asOf = resolveRunDate(data.settings, selection.asOf);
  const minDaysBetween = selection.minDaysBetween ?? DEFAULT_MIN_DAYS_BETWEEN_REMINDERS;
  if (!Number.isInteger(minDaysBetween) || minDaysBetween < 0) {
    throw new UserError(
      `The days between reminders must be a whole number of days, 0 or more, not ${minDaysBetween}.`,
    );
  }
  const present = invoicePresenter(data, asOf);
  const named = selection.invoices ?? [];
  const overdue =
    named.length > 0
      ? // An invoice named twice (or by number and id) is reminded once.
        [...new Set(named.map((reference) => findInvoice(data, reference)))].map((invoice) =>
          overdueInvoice(present(invoice), asOf),
        )
      : data.invoices
          .filter((invoice) => invoice.number !== null)
          .map((invoice) => candidateOf(present(invoice)))
          .filter((invoice) => notOverdueReason(invoice, asOf) === null);
  const emails = groupBy(data.email_records, (record) => record.invoice);
  const customers = new Map(data.customers.map((customer) => [customer.id, customer]));
  return planReminders(overdue, {
    asOf,
    today: todayUtc(selection.now?.()),
    minDaysBetween,
    customer: (id) => customers.get(id),
    emailsOf: (invoice) => emails.get(invoice) ?? [],
  });
}

/**
 * Reminds every overdue invoice due a reminder (or the ones named), one email each to
 * the customer's addresses. A named invoice that is not overdue refuses the whole run
 * before anything is sent.
 */
export async function sendReminders(
  store: Store,
  options: ReminderOptions = {},
): Promise<RemindersResult> {
  const plan = previewReminders(store, options);
  const locale = store.read().settings.locale;
  const reminded: RemindersResult['reminded'] = [];
  for (const due of plan.due) {
    const { invoice, document } = showInvoice(store, due.invoice, { asOf: plan.as_of });
    const record = await deliverInvoiceEmail(store, options, {
      kind: 'reminder',
      invoice: due.invoice,
      to: due.to,
      document,
      content: reminderEmail(document, invoice, locale, due.days_overdue),
    });
    reminded.push({ ...due, record });
  }
  return {
    as_of: plan.as_of,
    min_days_between: plan.min_days_between,
    reminded,
    skipped: plan.skipped,
  };
}

function candidateOf(invoice: InvoiceView): ReminderCandidate {
  return {
    number: invoice.number ?? invoice.id,
    customer: invoice.customer,
    status: invoice.status,
    due_date: invoice.due_date,
    balance_due: invoice.balance_due,
    currency: invoice.currency,
  };
}

function overdueInvoice(invoice: InvoiceView, asOf: string): ReminderCandidate {
  const candidate = candidateOf(invoice);
  const refusal = notOverdueReason(candidate, asOf);
  if (refusal !== null) throw new UserError(refusal);
  return candidate;
}
