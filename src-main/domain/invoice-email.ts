/**
 * The words of an invoice email (documents-payments.md §2) and of a payment reminder:
 * the subject, and a plain text and an HTML body saying the balance due and the due
 * date, with the payment instructions of the PDF attached.
 */
import type { BillingDocument } from './document';
import type { Invoice } from './invoice';
import { formatAmount, formatDate } from './locale-format';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

type EmailedInvoice = Pick<Invoice, 'total' | 'balance_due' | 'currency' | 'due_date' | 'period'>;

export function invoiceEmail(
  document: BillingDocument,
  invoice: EmailedInvoice,
  locale: string,
): EmailContent {
  const money = (amount: string) => formatAmount(amount, invoice.currency, locale);
  return {
    subject: `Invoice ${document.reference} from ${document.seller.name}`,
    ...emailBody(document, {
      opening: [`Please find attached invoice ${document.reference} for ${invoice.period}.`],
      facts: [
        ['Total', money(invoice.total)],
        ['Balance due', money(invoice.balance_due)],
        ...dueDateFact(invoice, locale),
      ],
    }),
  };
}

/**
 * A payment reminder (docs/payments.md, "Reminders"): what is still due, since when, and
 * how to pay it, with the invoice attached again; a customer who already paid is asked
 * to ignore it, since a payment may cross the reminder.
 */
export function reminderEmail(
  document: BillingDocument,
  invoice: EmailedInvoice,
  locale: string,
  daysOverdue: number,
): EmailContent {
  const overdue = `${daysOverdue} ${daysOverdue === 1 ? 'day' : 'days'} overdue`;
  const dueOn = invoice.due_date ? ` (it was due on ${formatDate(invoice.due_date, locale)})` : '';
  return {
    subject: `Reminder: invoice ${document.reference} is ${overdue}`,
    ...emailBody(document, {
      opening: [
        `Our records show that invoice ${document.reference} for ${invoice.period} is ${overdue}${dueOn}. A copy is attached.`,
        'If you have already paid it, please ignore this reminder; otherwise we would be grateful for payment of the balance below.',
      ],
      facts: [
        ['Balance due', formatAmount(invoice.balance_due, invoice.currency, locale)],
        ...dueDateFact(invoice, locale),
      ],
    }),
  };
}

function dueDateFact(invoice: EmailedInvoice, locale: string): [string, string][] {
  return invoice.due_date ? [['Due date', formatDate(invoice.due_date, locale)]] : [];
}

/** The body every email of an invoice shares: greeting, opening, facts, how to pay, signature. */
function emailBody(
  document: BillingDocument,
  { opening, facts }: { opening: string[]; facts: [string, string][] },
): Omit<EmailContent, 'subject'> {
  const { seller, customer, instructions } = document;
  const signature = [seller.name, ...seller.lines.filter((line) => line.includes('@'))];
  const text = [
    `Hello ${customer.name},`,
    '',
    ...opening.flatMap((paragraph) => [paragraph, '']),
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    instructions.heading,
    ...instructions.lines,
    '',
    'Kind regards,',
    ...signature,
    '',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(customer.name)},</p>`,
    ...opening.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '<table>',
    ...facts.map(
      ([label, value]) =>
        `<tr><td>${escapeHtml(label)}</td><td style="text-align:right"><strong>${escapeHtml(value)}</strong></td></tr>`,
    ),
    '</table>',
    `<p><strong>${escapeHtml(instructions.heading)}</strong><br>${instructions.lines.map(escapeHtml).join('<br>')}</p>`,
    `<p>Kind regards,<br>${signature.map(escapeHtml).join('<br>')}</p>`,
  ].join('\n');
  return { text, html };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
