/** An invoice as `show` prints it in a terminal: the PDF's content, as plain text. */
import type { BillingDocument } from '../../domain/document';
import type { EmailRecord } from '../../domain/email-record';
import { textTable } from '../table';

export function documentText(document: BillingDocument, emails: readonly EmailRecord[]): string {
  const title = `${document.title.toUpperCase()} ${document.reference}${document.mark ? `   *** ${document.mark} ***` : ''}`;
  const sections = [
    `${title}\n`,
    partiesText(document),
    factsText(document),
    linesText(document),
    paymentsText(document),
    emailsText(emails),
    [document.instructions.heading, ...document.instructions.lines.map((line) => `  ${line}`)]
      .join('\n')
      .concat('\n'),
    document.notes.length > 0 ? `${document.notes.join('\n')}\n` : '',
  ];
  return sections.filter((section) => section !== '').join('\n');
}

function factsText({ facts }: BillingDocument): string {
  const width = Math.max(...facts.map((fact) => fact.label.length)) + 2;
  return facts.map((fact) => `${fact.label.padEnd(width)}${fact.value}\n`).join('');
}

function partiesText({ seller, customer }: BillingDocument): string {
  const left = ['From', seller.name, ...seller.lines];
  const right = ['Bill to', customer.name, ...customer.lines];
  const width = Math.max(...left.map((line) => line.length)) + 4;
  return Array.from({ length: Math.max(left.length, right.length) }, (_, index) =>
    `${(left[index] ?? '').padEnd(width)}${right[index] ?? ''}`.trimEnd(),
  )
    .join('\n')
    .concat('\n');
}

/** The lines with their explanation and tiers indented below, then the totals under the amounts. */
function linesText(document: BillingDocument): string {
  const rows: string[][] = [];
  for (const row of document.rows) {
    rows.push([row.description, row.quantity, row.unitPrice, row.amount]);
    if (row.explanation) rows.push([`  ${row.explanation}`, '', '', '']);
    for (const tier of row.tiers) {
      rows.push([`  ${tier.label}`, tier.quantity, tier.unitPrice, tier.amount]);
    }
  }
  const table = textTable(['DESCRIPTION', 'QUANTITY', 'UNIT PRICE', 'AMOUNT'], rows, [1, 2, 3]);
  const width = Math.max(...table.split('\n').map((line) => line.length));
  const amountWidth = Math.max(...document.totals.map((total) => total.amount.length));
  const labelWidth = Math.max(...document.totals.map((total) => total.label.length));
  const totals = document.totals.map((total) => {
    const text = `${total.label.padEnd(labelWidth)}  ${total.amount.padStart(amountWidth)}`;
    return text.padStart(Math.max(width, text.length));
  });
  return `${table}\n${totals.join('\n')}\n`;
}

function paymentsText(document: BillingDocument): string {
  if (document.kind !== 'invoice') return '';
  if (document.payments.length === 0) return 'Payments: none recorded.\n';
  return `Payments:\n${textTable(
    ['DATE', 'METHOD', 'REFERENCE', 'AMOUNT'],
    document.payments.map((payment) => [
      payment.date,
      payment.method,
      payment.reference,
      payment.amount,
    ]),
    [3],
  )}`;
}

function emailsText(emails: readonly EmailRecord[]): string {
  if (emails.length === 0) return 'Emails: none sent.\n';
  return `Emails:\n${textTable(
    ['AT', 'KIND', 'STATUS', 'TO', 'MESSAGE ID', 'ERROR'],
    emails.map((email) => [
      email.at,
      email.kind,
      email.status,
      email.to.join(', '),
      email.message_id,
      email.error ?? '',
    ]),
  )}`;
}
