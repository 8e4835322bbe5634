/**
 * What the desk remembers of every invoice email (documents-payments.md §2): one record
 * per send, queue or failed attempt, kept beside the invoice so that the finalized
 * invoice itself stays frozen.
 */
import { z } from 'zod';

export const EMAIL_STATUSES = ['sent', 'queued', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** `invoice`: the invoice sent as such; `reminder`: a payment reminder of an overdue invoice. */
export const EMAIL_KINDS = ['invoice', 'reminder'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const emailRecordSchema = z.strictObject({
  id: z.string().min(1),
  /** The invoice's number. */
  invoice: z.string().min(1),
  /** Records written before reminders existed have no kind: they were all invoice emails. */
  kind: z.enum(EMAIL_KINDS).default('invoice'),
  /** When it happened, ISO 8601 UTC. */
  at: z.string(),
  /** The envelope: a retry from the outbox sends to the same addresses. */
  from: z.string(),
  to: z.array(z.string()),
  /**
   * `sent`: the SMTP server accepted it. `queued`: written to the outbox to be sent
   * later (no SMTP settings, or asked for). `failed`: the server refused or could not be
   * reached; the message waits in the outbox with this error.
   */
  status: z.enum(EMAIL_STATUSES),
  /** The message's Message-ID header, the same in the outbox and on the wire. */
  message_id: z.string(),
  error: z.string().nullable(),
  /**
   * The `.eml` file waiting in the outbox, relative to the data folder (or absolute
   * when the outbox is a folder of the user's), or null once sent.
   */
  outbox_file: z.string().nullable(),
});
export type EmailRecord = z.infer<typeof emailRecordSchema>;
