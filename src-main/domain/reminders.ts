/**
 * Payment reminders (docs/payments.md, "Reminders"): which overdue invoices are chased
 * on a date, and which are left alone and why. Like Lago's dunning campaigns, an
 * invoice is reminded again only once some days have passed since its last reminder.
 */
import { z } from 'zod';
import { addDays, dayNumber } from './dates';
import { emailRecordSchema, type EmailRecord } from './email-record';
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

const reminderFacts = {
  invoice: z.string(),
  customer: z.string(),
  customer_name: z.string(),
  currency: z.string(),
  balance_due: z.string(),
  due_date: z.string(),
  days_overdue: z.number().int(),
  /** The day (UTC) of the invoice's newest reminder, or null when never reminded. */
  last_reminded: z.string().nullable(),
};

export const dueReminderSchema = z.strictObject({ ...reminderFacts, to: z.array(z.string()) });
export type DueReminder = z.infer<typeof dueReminderSchema>;

export const skippedReminderSchema = z.strictObject({
  ...reminderFacts,
  /** Why it is not reminded now, in one sentence. */
  reason: z.string(),
});
export type SkippedReminder = z.infer<typeof skippedReminderSchema>;
type ReminderFacts = Omit<SkippedReminder, 'reason'>;

export const reminderPlanSchema = z.strictObject({
  as_of: z.string(),
  min_days_between: z.number().int(),
  due: z.array(dueReminderSchema),
  skipped: z.array(skippedReminderSchema),
});
export type ReminderPlan = z.infer<typeof reminderPlanSchema>;

/** What a reminder run did: each reminder with its email record, and what it skipped. */
export const remindersResultSchema = z.strictObject({
  as_of: z.string(),
  min_days_between: z.number().int(),
  reminded: z.array(dueReminderSchema.extend({ record: emailRecordSchema })),
  skipped: z.array(skippedReminderSchema),
});
export type RemindersResult = z.infer<typeof remindersResultSchema>;

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
 * fewer than `minDaysBetween` days before `today`, or of a customer without an email
 * address. The days between reminders are counted on the clock the reminders are
 * recorded by (`today`), not on `asOf`: they keep a customer from being chased too
 * often, whatever date the overdue invoices are reckoned on.
 */
export function planReminders(
  overdue: readonly ReminderCandidate[],
  context: {
    asOf: string;
    /** The day (UTC) the reminders are sent on. */
    today: string;
    minDaysBetween: number;
    customer: (id: string) => ReminderCustomer | undefined;
    emailsOf: (invoice: string) => readonly EmailRecord[];
  },
): ReminderPlan {
  const { asOf, today, minDaysBetween } = context;
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
    const next = last === null ? null : addDays(last, minDaysBetween);
    if (next !== null && next > today) {
      plan.skipped.push({
        ...facts,
        reason: `last reminded on ${last}; reminders are ${minDaysBetween} days apart, so the next is due on ${next}`,
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
