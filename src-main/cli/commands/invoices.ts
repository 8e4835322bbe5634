import { UserError } from '../../domain/errors';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../domain/invoice';
import { listInvoices } from '../../services/present';
import { defineCommand, printResult, stringOption } from '../command';
import { invoiceTable } from './invoice-text';

function statusOption(value: string | undefined): InvoiceStatus | undefined {
  if (value === undefined) return undefined;
  const status = INVOICE_STATUSES.find((candidate) => candidate === value);
  if (!status)
    throw new UserError(`'${value}' is not a status; use one of ${INVOICE_STATUSES.join(', ')}.`);
  return status;
}

export const invoicesCommand = defineCommand({
  name: 'invoices',
  summary: 'List invoices, optionally of one period, status or customer.',
  options: {
    period: { type: 'string', value: 'YYYY-MM', description: 'only this billing period' },
    status: {
      type: 'string',
      value: 'S',
      description: `only this status (${INVOICE_STATUSES.join(', ')})`,
    },
    customer: { type: 'string', value: 'ID', description: 'only this customer' },
    'as-of': { type: 'string', value: 'DATE', description: 'judge overdue invoices on this date' },
  },
  args: [],
  readOnly: true,
  async run(ctx, options) {
    const store = await ctx.store();
    const invoices = listInvoices(store, {
      period: stringOption(options, 'period'),
      status: statusOption(stringOption(options, 'status')),
      customer: stringOption(options, 'customer'),
      asOf: stringOption(options, 'as-of'),
    });
    printResult(ctx, invoices, () => invoiceTable(invoices, store.read().settings.locale));
  },
});
