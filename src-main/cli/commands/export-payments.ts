import { exportPayments } from '../../services/exportPayments';
import { defineCommand, printResult, requiredOption, stringOption } from '../command';

export const exportPaymentsCommand = defineCommand({
  name: 'export-payments',
  summary: 'Write the payment records as CSV, oldest first.',
  options: {
    out: { type: 'string', value: 'FILE', description: 'the CSV file to write (a new file)' },
    from: { type: 'string', value: 'DATE', description: 'only payments on or after this date' },
    to: { type: 'string', value: 'DATE', description: 'only payments on or before this date' },
    force: { type: 'boolean', description: 'replace FILE if it exists' },
  },
  readOnly: true,
  args: [],
  async run(ctx, options) {
    const result = exportPayments(await ctx.store(), {
      out: ctx.resolvePath(requiredOption(options, 'out')),
      from: stringOption(options, 'from'),
      to: stringOption(options, 'to'),
      overwrite: options.force === true,
    });
    printResult(
      ctx,
      result,
      () =>
        `Wrote ${result.payments} payment${result.payments === 1 ? '' : 's'} to ${result.file}.\n`,
    );
  },
});
