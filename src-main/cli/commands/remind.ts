import { formatAmount } from '../../domain/locale-format';
import type { RemindersResult } from '../../domain/reminders';
import { defineCommand, listOption, printResult, stringOption, UsageError } from '../command';

export const remindCommand = defineCommand({
  name: 'remind',
  summary:
    'Email a payment reminder of each overdue invoice to its customer, at most one every --min-days days per invoice.',
  options: {
    'as-of': {
      type: 'string',
      value: 'DATE',
      description: 'the day the invoices are overdue on (default: today)',
    },
    invoice: {
      type: 'string',
      value: 'NUMBER',
      multiple: true,
      description: 'remind only these invoices (each must be overdue)',
    },
    'min-days': {
      type: 'string',
      value: 'N',
      description: 'days since an invoice was last reminded before it is reminded again (7)',
    },
    queue: {
      type: 'boolean',
      description: 'leave the reminders in the outbox even when SMTP is set',
    },
  },
  args: [],
  async run(ctx, options) {
    // Loaded here, not at the top: nodemailer, pdf-lib and the font engine would otherwise
    // weigh on the start of every command.
    const { sendReminders } = await import('../../services/reminders');
    const { SMTP_PASSWORD_VARIABLE } = await import('../../services/email');
    const store = await ctx.store();
    const result = await sendReminders(store, {
      asOf: stringOption(options, 'as-of'),
      invoices: listOption(options, 'invoice'),
      minDaysBetween: minDays(stringOption(options, 'min-days')),
      queueOnly: options.queue === true,
      password: process.env[SMTP_PASSWORD_VARIABLE],
    });
    const locale = store.read().settings.locale;
    printResult(ctx, result, () => remindersText(result, locale));
    return result.reminded.some(({ record }) => record.status === 'failed') ? 1 : 0;
  },
});

function minDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--min-days takes a whole number of days, not '${text}'.`);
  }
  return Number(text);
}

function remindersText(result: RemindersResult, locale: string): string {
  const owed = (facts: { days_overdue: number; balance_due: string; currency: string }) =>
    `${facts.days_overdue} days overdue, ${formatAmount(facts.balance_due, facts.currency, locale)} due`;
  const lines = [
    ...result.reminded.map(({ record, ...due }) => {
      const to = record.to.join(', ');
      switch (record.status) {
        case 'sent':
          return `${due.invoice}: reminder sent to ${to} (${owed(due)}).`;
        case 'queued':
          return `${due.invoice}: reminder queued for ${to} in the outbox (${owed(due)}).`;
        case 'failed':
          return `${due.invoice}: reminder failed (${record.error ?? 'unknown error'}); it waits in the outbox.`;
      }
    }),
    ...result.skipped.map((skipped) => `${skipped.invoice}: skipped, ${skipped.reason}.`),
  ];
  const count = (status: string) =>
    result.reminded.filter(({ record }) => record.status === status).length;
  const summary =
    result.reminded.length + result.skipped.length === 0
      ? `No invoice is overdue on ${result.as_of}.`
      : `${result.reminded.length} reminded (${count('sent')} sent, ${count('queued')} queued, ${count('failed')} failed), ${result.skipped.length} skipped, as of ${result.as_of}.`;
  return [...lines, summary, ''].join('\n');
}
