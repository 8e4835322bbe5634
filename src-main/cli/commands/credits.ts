import { moneyIn } from '../../domain/locale-format';
import { creditBalances, showCredit, type CustomerCreditBalance } from '../../services/credits';
import { defineCommand, printResult, stringOption, UsageError } from '../command';
import { itemsTable, textTable } from '../table';
import { fieldLines, required } from './book-entity';

/** The credits, amounts written for `locale`. */
export function creditTable(groups: readonly CustomerCreditBalance[], locale: string): string {
  const money = moneyIn(locale);
  return itemsTable(
    groups.flatMap((group) => group.credits),
    'No credits.\n',
    ['ID', 'CUSTOMER', 'KIND', 'GRANTED', 'EXPIRES', 'CURRENCY', 'AMOUNT', 'REMAINING', 'USABLE'],
    (credit) => [
      credit.id,
      credit.customer,
      credit.kind,
      credit.granted_on,
      credit.expires_on ?? '-',
      credit.currency,
      money(credit.amount, credit.currency),
      money(credit.remaining, credit.currency),
      credit.usable ? 'yes' : 'no',
    ],
    [6, 7],
  );
}

function balanceTable(groups: readonly CustomerCreditBalance[], locale: string): string {
  const money = moneyIn(locale);
  return textTable(
    ['CUSTOMER', 'CURRENCY', 'USABLE BALANCE'],
    groups.map((group) => [group.customer, group.currency, money(group.usable, group.currency)]),
    [2],
  );
}

export const creditsCommand = defineCommand({
  name: 'credits',
  summary:
    "List credits with what is left of them and each customer's usable balance, or show one (credits show ID). Grant one with grant-credit.",
  options: {
    customer: { type: 'string', value: 'ID', description: 'only this customer' },
    'as-of': { type: 'string', value: 'DATE', description: 'judge expiry on this date' },
  },
  args: [
    { name: 'ACTION', required: false },
    { name: 'ID', required: false },
  ],
  async run(ctx, options, [action = 'list', id]) {
    const store = await ctx.store();
    const asOf = stringOption(options, 'as-of');
    if (action === 'show') {
      const credit = showCredit(store, required(id), asOf);
      printResult(ctx, credit, () => fieldLines(credit));
      return;
    }
    if (action !== 'list') throw new UsageError(`'${action}' is not an action; use list or show.`);
    if (id !== undefined) throw new UsageError(`unexpected argument '${id}'.`);
    const groups = creditBalances(store, { customer: stringOption(options, 'customer'), asOf });
    const { locale } = store.read().settings;
    printResult(ctx, groups, () =>
      groups.length === 0
        ? creditTable(groups, locale)
        : `${creditTable(groups, locale)}\n${balanceTable(groups, locale)}`,
    );
  },
});
