import type { AgingReport, BucketAmounts } from '../../domain/aging';
import { receivablesAging } from '../../services/aging';
import { defineCommand, printResult, requiredOption } from '../command';
import { textTable } from '../table';

export const agingCommand = defineCommand({
  name: 'aging',
  summary: 'What customers owed on a date, by days past due, per currency and customer.',
  options: {
    'as-of': {
      type: 'string',
      value: 'DATE',
      description: 'the date (payments and credit notes after it do not count)',
    },
  },
  readOnly: true,
  args: [],
  async run(ctx, options) {
    const report = receivablesAging(await ctx.store(), requiredOption(options, 'as-of'));
    printResult(ctx, report, () => agingText(report));
  },
});

const HEADER = ['CUSTOMER', 'NAME', 'CURRENT', '1-30', '31-60', '61-90', 'OVER 90', 'TOTAL'];
const AMOUNT_COLUMNS = [2, 3, 4, 5, 6, 7];

const amounts = (row: BucketAmounts) => [
  row.current,
  row.d1_30,
  row.d31_60,
  row.d61_90,
  row.over_90,
  row.total,
];

function agingText(report: AgingReport): string {
  if (report.currencies.length === 0) return `Nothing was owed on ${report.as_of}.\n`;
  const sections = report.currencies.map((currency) => {
    const rows = [
      ...currency.customers.map((customer) => [
        customer.customer,
        customer.name,
        ...amounts(customer),
      ]),
      ['Total', '', ...amounts(currency)],
    ];
    return `${currency.currency}\n${textTable(HEADER, rows, AMOUNT_COLUMNS)}`;
  });
  return `Receivables as of ${report.as_of} (days past due)\n\n${sections.join('\n')}`;
}
