import { listActivity } from '../../services/activity';
import { defineCommand, printResult, stringOption } from '../command';
import { itemsTable } from '../table';

export const activityCommand = defineCommand({
  name: 'activity',
  summary: 'The log of every change to the book, oldest first: what, when and from where.',
  options: {
    customer: { type: 'string', value: 'ID', description: 'only changes concerning this customer' },
    invoice: {
      type: 'string',
      value: 'NUMBER',
      description: 'only changes to this invoice (its number, or its id while a draft)',
    },
  },
  args: [],
  async run(ctx, options) {
    const entries = listActivity(await ctx.store(), {
      customer: stringOption(options, 'customer'),
      invoice: stringOption(options, 'invoice'),
    });
    printResult(ctx, entries, () =>
      itemsTable(
        entries,
        'No activity.\n',
        ['WHEN', 'FROM', 'ACTION', 'CUSTOMER', 'INVOICE', 'WHAT'],
        (entry) => [
          entry.at,
          entry.door,
          entry.action,
          entry.customer ?? '-',
          entry.invoice ?? '-',
          entry.summary,
        ],
      ),
    );
  },
});
