/**
 * Invoice emails (documents-payments.md §2), and payment reminders sent the same way
 * (docs/payments.md). A message is composed once, as an RFC 5322 `.eml` with the PDF
 * attached; it is sent through SMTP when the settings name a server, else (or when
 * asked, or when the send fails) it waits in the outbox, from where `sendOutbox` sends
 * it later. Every send, queue and failure is recorded in
 * `email_records`; the finalized invoice itself is never touched.
 */
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { BillingDocument } from '../domain/document';
import type { EmailKind, EmailRecord, EmailStatus } from '../domain/email-record';
import { UserError } from '../domain/errors';
import { invoiceEmail, type EmailContent } from '../domain/invoice-email';
import type { Settings } from '../domain/model';
import {
  defaultOutbox,
  listOutboxMessages,
  moveToSent,
  readOutboxMessage,
  writeOutboxMessage,
} from '../store/outbox';
import type { Store } from '../store/store';
import { recordActivity, type ChangeOrigin } from './activity';
import { safeFileName, showInvoice } from './documents';
import { documentPdf } from './exportPdf';

/** Where the desk finds the SMTP password: the environment, never the store. */
export const SMTP_PASSWORD_VARIABLE = 'NEXUS_SMTP_PASSWORD';

/** How an email of an invoice leaves the desk, whatever it says. */
export interface DeliveryOptions extends ChangeOrigin {
  /** Queue into this folder instead of sending (the data folder's outbox when absent). */
  outbox?: string;
  /** Queue even when SMTP is configured. */
  queueOnly?: boolean;
  /** The SMTP password (never stored: the CLI reads NEXUS_SMTP_PASSWORD). */
  password?: string;
  now?: () => Date;
}

export interface EmailInvoiceOptions extends DeliveryOptions {
  /** The invoice's number. */
  invoice: string;
  /** Recipients instead of the customer's addresses. */
  to?: readonly string[];
}

export async function emailInvoice(
  store: Store,
  options: EmailInvoiceOptions,
): Promise<EmailRecord> {
  const data = store.read();
  const { invoice, document } = showInvoice(store, options.invoice);
  if (invoice.number === null || invoice.status === 'marketplace') {
    throw new UserError(
      `${invoice.number ?? invoice.id} is ${invoice.status === 'marketplace' ? 'a marketplace statement' : 'a draft'}; only a finalized invoice is emailed.`,
    );
  }
  if (invoice.status === 'void') {
    throw new UserError(`Invoice ${invoice.number} is void; there is nothing to send.`);
  }
  return deliverInvoiceEmail(store, options, {
    kind: 'invoice',
    invoice: invoice.number,
    to: recipients(
      options.to,
      data.customers.find((customer) => customer.id === invoice.customer)?.email ?? [],
      invoice.customer,
    ),
    document,
    content: invoiceEmail(document, invoice, data.settings.locale),
  });
}

/** One email of a finalized invoice: what it says, to whom, with the invoice's PDF attached. */
export interface InvoiceLetter {
  kind: EmailKind;
  /** The invoice's number. */
  invoice: string;
  to: string[];
  document: BillingDocument;
  content: EmailContent;
}

/**
 * Composes the letter as an RFC 5322 message with the PDF attached and sends it through
 * SMTP; without SMTP settings, when asked to queue, or when the send fails, it waits in
 * the outbox for `sendOutbox`. Every outcome is recorded and logged.
 */
export async function deliverInvoiceEmail(
  store: Store,
  options: DeliveryOptions,
  letter: InvoiceLetter,
): Promise<EmailRecord> {
  const now = options.now ?? (() => new Date());
  const { settings } = store.read();
  const { invoice, to, content } = letter;
  const from = senderOf(settings);

  const pdf = await documentPdf(letter.document, settings);
  // A Message-ID is ASCII letters, digits and dots around the @, whatever the number holds.
  const idPart = invoice.replace(/[^A-Za-z0-9-]/g, '_');
  const messageId = `<${idPart}.${now().getTime()}.${randomBytes(4).toString('hex')}@nexus-billing>`;
  const message = await new MailComposer({
    from,
    to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId,
    date: now(),
    headers: { 'X-Nexus-Invoice': invoice },
    attachments: [
      {
        filename: `${invoice}.pdf`,
        content: Buffer.from(pdf.bytes),
        contentType: 'application/pdf',
      },
    ],
  })
    .compile()
    .build();

  const record = (
    status: EmailStatus,
    error: string | null,
    outboxFile: string | null,
  ): EmailRecord => ({
    id: `email_${now().getTime()}_${randomBytes(3).toString('hex')}`,
    invoice,
    kind: letter.kind,
    at: now().toISOString(),
    from,
    to,
    status,
    message_id: messageId,
    error,
    outbox_file: outboxFile,
  });
  const queue = async (status: EmailStatus, error: string | null): Promise<EmailRecord> => {
    const outbox = options.outbox ?? defaultOutbox(store.dir);
    const name = `${safeFileName(invoice, '')}-${now().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`;
    const path = await writeOutboxMessage(outbox, name, message);
    return save(store, options, record(status, error, recordedPath(store, path)));
  };

  if (!settings.smtp || options.queueOnly || options.outbox !== undefined) {
    return queue('queued', null);
  }
  try {
    await send(settings, options.password, { from, to }, message);
  } catch (error) {
    return queue('failed', errorText(error));
  }
  return save(store, options, record('sent', null, null));
}

export interface OutboxResult {
  sent: EmailRecord[];
  failed: EmailRecord[];
  /** Messages in the outbox that no email record names (they were not written by the desk). */
  unknown: string[];
}

/** Sends every message waiting in the outbox that the desk queued, oldest first. */
export async function sendOutbox(
  store: Store,
  options: ChangeOrigin & { outbox?: string; password?: string; now?: () => Date } = {},
): Promise<OutboxResult> {
  const now = options.now ?? (() => new Date());
  const settings = store.read().settings;
  const outbox = options.outbox ?? defaultOutbox(store.dir);
  if (!settings.smtp) {
    throw new UserError(`No SMTP server is set (settings.smtp); the messages wait in ${outbox}.`);
  }
  const result: OutboxResult = { sent: [], failed: [], unknown: [] };
  for (const name of await listOutboxMessages(outbox)) {
    const file = recordedPath(store, join(outbox, name));
    const queued = store
      .read()
      .email_records.findLast((candidate) => candidate.outbox_file === file);
    if (!queued) {
      result.unknown.push(join(outbox, name));
      continue;
    }
    const retry = (
      status: EmailStatus,
      error: string | null,
      outboxFile: string | null,
    ): EmailRecord => ({
      ...queued,
      id: `email_${now().getTime()}_${randomBytes(3).toString('hex')}`,
      at: now().toISOString(),
      status,
      error,
      outbox_file: outboxFile,
    });
    try {
      await send(settings, options.password, queued, await readOutboxMessage(outbox, name));
    } catch (error) {
      result.failed.push(await save(store, options, retry('failed', errorText(error), file)));
      continue;
    }
    await moveToSent(outbox, name);
    result.sent.push(await save(store, options, retry('sent', null, null)));
  }
  return result;
}

/** One line for the activity log: what became of the message. */
function emailSummary({ invoice, kind, to, status, error }: EmailRecord): string {
  const recipients = to.join(', ');
  const what = kind === 'reminder' ? `a reminder of invoice ${invoice}` : `invoice ${invoice}`;
  if (status === 'sent') return `Emailed ${what} to ${recipients}.`;
  if (status === 'queued') return `Queued ${what} for ${recipients} in the outbox.`;
  return `Could not email ${what} to ${recipients} (${error}); it waits in the outbox.`;
}

/** Records the send (or its failure) and logs it: who was mailed which invoice, and when. */
function save(store: Store, origin: ChangeOrigin, record: EmailRecord): Promise<EmailRecord> {
  return store.update((data, book) => {
    data.email_records.push(record);
    recordActivity(book, origin, {
      action: record.kind === 'reminder' ? 'invoice.remind' : 'invoice.email',
      customer: book.invoice(record.invoice)?.customer ?? null,
      invoice: record.invoice,
      subject: record.id,
      summary: emailSummary(record),
    });
    return record;
  });
}

/** Inside the data folder a path is kept relative to it, so the folder can move. */
function recordedPath(store: Store, path: string): string {
  const inside = relative(store.dir, path);
  return inside.startsWith('..') || isAbsolute(inside) ? resolve(path) : inside;
}

function recipients(
  given: readonly string[] | undefined,
  customer: readonly string[],
  id: string,
): string[] {
  const addresses = given && given.length > 0 ? given : customer;
  if (addresses.length === 0) {
    throw new UserError(`Customer ${id} has no email address; give one with --to.`);
  }
  const wrong = addresses.find((address) => !isEmailAddress(address));
  if (wrong !== undefined) throw new UserError(`'${wrong}' is not an email address.`);
  return [...addresses];
}

/** One address, bare or with a display name ("Ap Team <ap@example.com>"). */
export function isEmailAddress(text: string): boolean {
  const [first, ...others] = addressparser(text);
  return (
    others.length === 0 &&
    first !== undefined &&
    'address' in first &&
    /^[^@\s]+@[^@\s]+$/.test(first.address)
  );
}

export function senderOf(settings: Settings): string {
  const address = settings.smtp?.from || settings.seller.email;
  if (!address) {
    throw new UserError(
      'There is no sender address: set settings.smtp.from or the seller email (settings.seller.email).',
    );
  }
  return address.includes('<')
    ? address
    : `"${settings.seller.name.replace(/"/g, "'")}" <${address}>`;
}

export async function send(
  settings: Settings,
  password: string | undefined,
  envelope: { from: string; to: string[] },
  message: Buffer,
): Promise<void> {
  const smtp = settings.smtp;
  if (!smtp) throw new Error('SMTP is not configured');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({
      envelope: { from: addressOf(envelope.from), to: envelope.to },
      raw: message,
    });
  } finally {
    transport.close();
  }
}

function addressOf(sender: string): string {
  return /<([^>]+)>/.exec(sender)?.[1] ?? sender;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
