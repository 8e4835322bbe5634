import { showInvoice } from '../../services/documents';
import { defineCommand, printResult, stringOption } from '../command';
import { documentText } from './document-text';

export const showCommand = defineCommand({
  name: 'show',
  summary:
    'Show an invoice as it reads: seller, customer, dates, lines and why, totals, payments, balance, emails.',
  options: {
    'as-of': { type: 'string', value: 'DATE', description: 'judge overdue on this date' },
  },
  readOnly: true,
  args: [{ name: 'NUMBER|ID', required: true }],
  async run(ctx, options, [reference = '']) {
    const { document, ...shown } = showInvoice(await ctx.store(), reference, {
      asOf: stringOption(options, 'as-of'),
    });
    printResult(ctx, shown, () => documentText(document, shown.email_records));
  },
});
