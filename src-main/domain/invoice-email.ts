/**
 * The words of an invoice email (documents-payments.md §2): the subject, and a plain
 * text and an HTML body saying the total, the balance due and the due date, with the
 * payment instructions of the PDF attached.
 */
import type { BillingDocument } from './document';
import type { Invoice } from './invoice';
import { formatAmount, formatDate } from './locale-format';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export function invoiceEmail(
  document: BillingDocument,
  invoice: Pick<Invoice, 'total' | 'balance_due' | 'currency' | 'due_date' | 'period'>,
  locale: string,
): EmailContent {
  const money = (amount: string) => formatAmount(amount, invoice.currency, locale);
  const facts: [string, string][] = [
    ['Total', money(invoice.total)],
    ['Balance due', money(invoice.balance_due)],
    ...(invoice.due_date
      ? [['Due date', formatDate(invoice.due_date, locale)] as [string, string]]
      : []),
  ];
  const { seller, customer, instructions, reference } = document;
  const opening = `Please find attached invoice ${reference} for ${invoice.period}.`;
  const signature = [seller.name, ...seller.lines.filter((line) => line.includes('@'))];
  const text = [
    `Hello ${customer.name},`,
    '',
    opening,
    '',
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
    `<p>${escapeHtml(opening)}</p>`,
    '<table>',
    ...facts.map(
      ([label, value]) =>
        `<tr><td>${escapeHtml(label)}</td><td style="text-align:right"><strong>${escapeHtml(value)}</strong></td></tr>`,
    ),
    '</table>',
    `<p><strong>${escapeHtml(instructions.heading)}</strong><br>${instructions.lines.map(escapeHtml).join('<br>')}</p>`,
    `<p>Kind regards,<br>${signature.map(escapeHtml).join('<br>')}</p>`,
  ].join('\n');
  return { subject: `Invoice ${reference} from ${seller.name}`, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
