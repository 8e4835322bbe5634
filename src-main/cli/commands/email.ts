import { resolve } from 'node:path';
import type { EmailRecord } from '../../domain/email-record';
import { defineCommand, listOption, printResult, stringOption, UsageError } from '../command';

export const emailCommand = defineCommand({
  name: 'email',
  summary:
    'Email an invoice with its PDF through SMTP, else leave it as an .eml in the outbox; --send-outbox sends what waits there.',
  options: {
    invoice: { type: 'string', value: 'NUMBER', description: 'the invoice to send' },
    to: {
      type: 'string',
      value: 'ADDR',
      multiple: true,
      description: "recipients instead of the customer's addresses",
    },
    outbox: {
      type: 'string',
      value: 'DIR',
      description: 'write the .eml into this folder instead of sending (default: <data>/outbox)',
    },
    'send-outbox': { type: 'boolean', description: 'send the messages waiting in the outbox' },
  },
  args: [],
  async run(ctx, options) {
    // Loaded here, not at the top: nodemailer, pdf-lib and the font engine would otherwise
    // weigh on the start of every command.
    const { emailInvoice, sendOutbox, SMTP_PASSWORD_VARIABLE } =
      await import('../../services/email');
    const store = await ctx.store();
    const password = process.env[SMTP_PASSWORD_VARIABLE];
    const outboxOption = stringOption(options, 'outbox');
    const outbox = outboxOption === undefined ? undefined : ctx.resolvePath(outboxOption);
    const invoice = stringOption(options, 'invoice');
    if (options['send-outbox'] === true) {
      if (invoice !== undefined)
        throw new UsageError('--send-outbox sends the outbox, not one --invoice.');
      const result = await sendOutbox(store, { outbox, password });
      for (const file of result.unknown) {
        ctx.io.stderr(`${file} was not queued by the desk; it was left as it is.\n`);
      }
      printResult(ctx, result, () =>
        [
          ...result.sent.map((record) => `Sent ${record.invoice} to ${record.to.join(', ')}.\n`),
          ...result.failed.map(
            (record) =>
              `Could not send ${record.invoice} (${record.error ?? 'unknown error'}); it still waits in the outbox.\n`,
          ),
          result.sent.length + result.failed.length === 0 ? 'The outbox is empty.\n' : '',
        ].join(''),
      );
      return result.failed.length > 0 ? 1 : 0;
    }
    if (invoice === undefined)
      throw new UsageError('--invoice NUMBER or --send-outbox is required.');
    const record = await emailInvoice(store, {
      invoice,
      to: listOption(options, 'to'),
      outbox,
      password,
    });
    printResult(ctx, record, () => recordText(record, ctx.dataDir));
    if (record.status === 'failed') {
      ctx.io.stderr(
        `Could not send ${record.invoice}: ${record.error ?? 'unknown error'}; it waits in the outbox.\n`,
      );
      return 1;
    }
  },
});

function recordText(record: EmailRecord, dataDir: string): string {
  const where = record.outbox_file === null ? 'the outbox' : resolve(dataDir, record.outbox_file);
  switch (record.status) {
    case 'sent':
      return `Sent ${record.invoice} to ${record.to.join(', ')} (${record.message_id}).\n`;
    case 'queued':
      return `Queued ${record.invoice} for ${record.to.join(', ')} in ${where}.\n`;
    case 'failed':
      return `Kept ${record.invoice} in ${where}.\n`;
  }
}
