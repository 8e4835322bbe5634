import type { Customer } from '../../domain/model';
import { creditBalances } from '../../services/credits';
import { listInvoices } from '../../services/present';
import { printResult } from '../command';
import { itemsTable } from '../table';
import { bookCommand, fieldLines, orNone } from './book-entity';
import { contractTable } from './contracts';
import { creditTable } from './credits';
import { invoiceTable } from './invoice-text';

export const customersCommand = bookCommand({
  name: 'customers',
  section: 'customers',
  summary: 'List, add, edit and show customers.',
  flags: {
    id: { type: 'string', value: 'ID', field: 'id', description: 'the customer id (add)' },
    name: { type: 'string', value: 'TEXT', field: 'name', description: 'the legal name' },
    currency: { type: 'string', value: 'CODE', field: 'currency', description: 'ISO 4217 code' },
    email: {
      type: 'string',
      value: 'ADDRESS',
      multiple: true,
      field: 'email',
      description: 'a billing email (repeat for several)',
    },
    address: {
      type: 'string',
      value: 'LINE',
      multiple: true,
      field: 'address',
      description: 'an address line (repeat for several)',
    },
    'external-id': {
      type: 'string',
      value: 'ID',
      multiple: true,
      field: 'external_ids',
      description: 'an id usage files name the customer by (repeat)',
    },
    'tax-rate': { type: 'string', value: 'PERCENT', field: 'tax_rate', description: 'e.g. 20' },
    'tax-label': { type: 'string', value: 'TEXT', field: 'tax_label', description: 'e.g. VAT' },
    'tax-exempt': {
      type: 'string',
      value: 'REASON',
      field: 'tax_exempt',
      parse: orNone,
      description: 'why no tax is due (none to clear)',
    },
  },
  list(ctx, store) {
    const customers = store.read().customers;
    printResult(ctx, customers, () =>
      itemsTable(customers, 'No customers.\n', ['ID', 'NAME', 'CURRENCY', 'EMAIL'], (customer) => [
        customer.id,
        customer.name,
        customer.currency,
        customer.email.join(', '),
      ]),
    );
  },
  show(store, customer: Customer) {
    const contracts = store
      .read()
      .contracts.filter((contract) => contract.customer === customer.id);
    const credits = creditBalances(store, { customer: customer.id });
    const invoices = listInvoices(store, { customer: customer.id });
    return {
      json: { customer, contracts, credits, invoices },
      text: [
        fieldLines(customer),
        `Contracts:\n${contractTable(contracts)}`,
        `Credits:\n${creditTable(credits, store.read().settings.locale)}`,
        `Invoices:\n${invoiceTable(invoices, store.read().settings.locale)}`,
      ].join('\n'),
    };
  },
  describe: (customer: Customer) =>
    `customer '${customer.id}' (${customer.name}, ${customer.currency})`,
});
