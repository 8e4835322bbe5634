/**
 * Payment reminders (docs/payments.md, "Reminders"): which overdue invoices are chased
 * on a date, and which are left alone and why. Like Lago's dunning campaigns, an
 * invoice is reminded again only once some days have passed since its last reminder.
 */
import { dayNumber } from './dates';
import type { EmailRecord } from './email-record';
import type { InvoiceStatus } from './invoice';

/** Days that must pass between two reminders of one invoice, unless told otherwise. */
export const DEFAULT_MIN_DAYS_BETWEEN_REMINDERS = 7;

/** An invoice as the desk shows it on the reminder's date. */
export interface ReminderCandidate {
  number: string;
  customer: string;
  status: InvoiceStatus;
  due_date: string | null;
  balance_due: string;
  currency: string;
}

export interface ReminderFacts {
  invoice: string;
  customer: string;
  customer_name: string;
  currency: string;
  balance_due: string;
  due_date: string;
  days_overdue: number;
  /** The day (UTC) of the newest reminder of the invoice, or null when never reminded. */
  last_reminded: string | null;
}

export interface DueReminder extends ReminderFacts {
  to: string[];
}

export interface SkippedReminder extends ReminderFacts {
  /** Why it is not reminded now, in one sentence. */
  reason: string;
}

export interface ReminderPlan {
  as_of: string;
  min_days_between: number;
  due: DueReminder[];
  skipped: SkippedReminder[];
}

export interface ReminderCustomer {
  name: string;
  email: readonly string[];
}

/** The day of the newest reminder among an invoice's email records, or null. */
export function lastReminded(records: readonly EmailRecord[]): string | null {
  const days = records
    .filter((record) => record.kind === 'reminder')
    .map((record) => record.at.slice(0, 10));
  return days.length === 0 ? null : days.reduce((a, b) => (a > b ? a : b));
}

/**
 * Why a named invoice cannot be reminded on `asOf`, in one sentence, or null when it is
 * overdue. The same rule picks the invoices when none is named.
 */
export function notOverdueReason(invoice: ReminderCandidate, asOf: string): string | null {
  if (invoice.status === 'overdue' && invoice.due_date !== null) return null;
  const why: Partial<Record<InvoiceStatus, string>> = {
    draft: 'is a draft',
    void: 'is void',
    paid: 'is paid',
    marketplace: 'is a marketplace statement, collected by the marketplace',
  };
  const reason =
    why[invoice.status] ??
    (invoice.due_date === null
      ? 'has no due date'
      : `is not overdue on ${asOf}: it is due on ${invoice.due_date}`);
  return `Invoice ${invoice.number} ${reason}; only an overdue invoice is reminded.`;
}

/**
 * Splits overdue invoices into those to remind on `asOf` and those skipped: reminded
 * fewer than `minDaysBetween` days ago, or of a customer without an email address.
 */
export function planReminders(
  overdue: readonly ReminderCandidate[],
  context: {
    asOf: string;
    minDaysBetween: number;
    customer: (id: string) => ReminderCustomer | undefined;
    emailsOf: (invoice: string) => readonly EmailRecord[];
  },
): ReminderPlan {
  const { asOf, minDaysBetween } = context;
  const plan: ReminderPlan = {
    as_of: asOf,
    min_days_between: minDaysBetween,
    due: [],
    skipped: [],
  };
  for (const invoice of overdue) {
    const customer = context.customer(invoice.customer);
    const last = lastReminded(context.emailsOf(invoice.number));
    const dueDate = invoice.due_date ?? asOf;
    const facts: ReminderFacts = {
      invoice: invoice.number,
      customer: invoice.customer,
      customer_name: customer?.name ?? invoice.customer,
      currency: invoice.currency,
      balance_due: invoice.balance_due,
      due_date: dueDate,
      days_overdue: dayNumber(asOf) - dayNumber(dueDate),
      last_reminded: last,
    };
    const daysSince = last === null ? null : dayNumber(asOf) - dayNumber(last);
    if (daysSince !== null && daysSince < minDaysBetween) {
      plan.skipped.push({
        ...facts,
        reason: `last reminded on ${last}, fewer than ${minDaysBetween} days before ${asOf}`,
      });
    } else if (!customer || customer.email.length === 0) {
      plan.skipped.push({
        ...facts,
        reason: `customer ${invoice.customer} has no email address`,
      });
    } else {
      plan.due.push({ ...facts, to: [...customer.email] });
    }
  }
  return plan;
}
