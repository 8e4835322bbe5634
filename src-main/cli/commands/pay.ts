import { RECEIPT_METHODS } from '../../domain/model';
import { recordPayment, type PaymentResult } from '../../services/payments';
import { defineCommand, printResult, requiredOption, stringOption } from '../command';

export const payCommand = defineCommand({
  name: 'pay',
  summary:
    'Record a payment against a finalized invoice (money beyond its balance becomes credit).',
  options: {
    invoice: {
      type: 'string',
      value: 'NUMBER',
      description: "the invoice's number (a marketplace statement's id)",
    },
    amount: { type: 'string', value: 'X', description: 'the amount received, in its currency' },
    method: { type: 'string', value: 'M', description: RECEIPT_METHODS.join(', ') },
    date: { type: 'string', value: 'DATE', description: 'the day the money was received' },
    reference: {
      type: 'string',
      value: 'R',
      description:
        "the bank's or processor's reference (recorded once per invoice, date and amount)",
    },
  },
  args: [],
  async run(ctx, options) {
    const result = await recordPayment(await ctx.store(), {
      invoice: requiredOption(options, 'invoice'),
      amount: requiredOption(options, 'amount'),
      method: requiredOption(options, 'method'),
      date: requiredOption(options, 'date'),
      reference: stringOption(options, 'reference'),
    });
    printResult(ctx, result, () => describePayment(result));
  },
});

function describePayment({
  payment,
  invoice,
  overpayment_credit: credit,
  duplicate,
}: PaymentResult) {
  const balance = `${invoice.number} is ${invoice.status.replace('_', ' ')}, balance due ${invoice.balance_due}`;
  if (duplicate) {
    return `Already recorded as ${payment.id} (${payment.amount} on ${payment.date}, reference ${payment.reference}); nothing new was recorded. ${balance}.\n`;
  }
  const lines = [
    `Recorded ${payment.id}: ${payment.amount} by ${payment.method} on ${payment.date}. ${balance}.`,
  ];
  if (credit) {
    lines.push(
      `${credit.amount} ${credit.currency} beyond the balance due became credit ${credit.id}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
