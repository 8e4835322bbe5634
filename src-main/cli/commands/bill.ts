import { billPeriod } from '../../services/billRun';
import { createPeriodUsageReader } from '../../usage/reader';
import { defineCommand, printResult, requiredOption, stringOption } from '../command';
import { invoiceTable, reportText } from './invoice-text';

export const billCommand = defineCommand({
  name: 'bill',
  summary:
    "Compute the period's invoices (replacing its drafts), optionally finalize them, and print them.",
  options: {
    period: { type: 'string', value: 'YYYY-MM', description: 'the billing period' },
    finalize: { type: 'boolean', description: 'finalize the drafts whose period is over' },
    'as-of': {
      type: 'string',
      value: 'DATE',
      description: "the run date (default: the settings' today, else today)",
    },
  },
  args: [],
  async run(ctx, options) {
    const store = await ctx.store();
    const period = requiredOption(options, 'period');
    ctx.progress(`Billing ${period}…`);
    const result = await billPeriod(store, createPeriodUsageReader(store), {
      period,
      asOf: stringOption(options, 'as-of'),
      finalize: options.finalize === true,
    });
    ctx.progress('');
    // The report goes to stderr so that --json keeps stdout to the one document.
    ctx.io.stderr(reportText(result.report));
    printResult(ctx, result.invoices, () =>
      invoiceTable(result.invoices, store.read().settings.locale),
    );
  },
});
