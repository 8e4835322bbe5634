import { moneyIn } from '../../domain/locale-format';
import { creditReach, grantCredit, type CreditReach } from '../../services/credits';
import type { Credit } from '../../domain/model';
import { defineCommand, printResult, requiredOption, stringOption } from '../command';

export const grantCreditCommand = defineCommand({
  name: 'grant-credit',
  summary: 'Grant a customer a credit (sla, promotional, goodwill, prepaid or overpayment).',
  options: {
    customer: { type: 'string', value: 'ID', description: 'the customer' },
    kind: {
      type: 'string',
      value: 'K',
      description: 'sla, promotional, goodwill, prepaid or overpayment',
    },
    amount: { type: 'string', value: 'X', description: "the amount, in the customer's currency" },
    expires: {
      type: 'string',
      value: 'DATE',
      description: 'the first day it can no longer be used',
    },
    note: { type: 'string', value: 'TEXT', description: 'a note kept with the credit' },
    'as-of': { type: 'string', value: 'DATE', description: 'the grant date (default: today)' },
  },
  args: [],
  async run(ctx, options) {
    const store = await ctx.store();
    const credit = await grantCredit(store, {
      customer: requiredOption(options, 'customer'),
      kind: requiredOption(options, 'kind'),
      amount: requiredOption(options, 'amount'),
      expires_on: stringOption(options, 'expires'),
      note: stringOption(options, 'note'),
      asOf: stringOption(options, 'as-of'),
    });
    const reach = creditReach(store, credit);
    printResult(
      ctx,
      credit,
      () =>
        `Granted ${credit.kind} credit ${credit.id}: ${moneyIn(store.read().settings.locale)(credit.amount, credit.currency)} to ${credit.customer} on ${credit.granted_on}${credit.expires_on ? `, usable until ${credit.expires_on} (exclusive)` : ''}.\n${reachText(credit, reach)}\n`,
    );
  },
});

function reachText(credit: Credit, reach: CreditReach): string {
  return reach.draft === null
    ? `It will reach ${credit.customer}'s invoice for ${reach.period}, when that period is billed.`
    : `It will reach ${credit.customer}'s draft invoice ${reach.draft} for ${reach.period} when that period is billed again (bill --period ${reach.period}).`;
}
