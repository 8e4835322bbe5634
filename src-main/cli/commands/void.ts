import { voidInvoice } from '../../services/voidInvoice';
import { defineCommand, printResult, stringOption } from '../command';

export const voidCommand = defineCommand({
  name: 'void',
  summary: 'Void an open invoice: it keeps its number and gives back the credits it applied.',
  options: {
    'as-of': {
      type: 'string',
      value: 'DATE',
      description: 'the date of the void (default: today)',
    },
  },
  args: [{ name: 'NUMBER', required: true }],
  async run(ctx, options, [number = '']) {
    const invoice = await voidInvoice(await ctx.store(), number, {
      asOf: stringOption(options, 'as-of'),
    });
    printResult(ctx, invoice, () => `Voided ${number} on ${invoice.voided_on ?? ''}.\n`);
  },
});
