import { finalizeInvoices } from '../../services/finalize';
import { defineCommand, printResult, stringOption } from '../command';
import { invoiceTable } from './invoice-text';

export const finalizeCommand = defineCommand({
  name: 'finalize',
  summary: 'Finalize drafts (by id): number them, set their issue and due dates; all or none.',
  options: {
    'as-of': { type: 'string', value: 'DATE', description: 'the issue date (default: today)' },
  },
  args: [{ name: 'ID', required: true, variadic: true }],
  async run(ctx, options, ids) {
    const store = await ctx.store();
    const invoices = await finalizeInvoices(store, ids, {
      asOf: stringOption(options, 'as-of'),
    });
    printResult(ctx, invoices, () => invoiceTable(invoices, store.read().settings.locale));
  },
});
