import type { Contract } from '../../domain/model';
import { changePlan, endContract } from '../../services/contracts';
import { listInvoices } from '../../services/present';
import { printResult, requiredOption, stringOption } from '../command';
import { itemsTable } from '../table';
import { bookCommand, fieldLines, orNone, required, wholeNumber } from './book-entity';
import { invoiceTable } from './invoice-text';

export function contractTable(contracts: readonly Contract[]): string {
  return itemsTable(
    contracts,
    'No contracts.\n',
    ['ID', 'CUSTOMER', 'PLAN', 'START', 'END', 'PAYMENT', 'CHANNEL'],
    (contract) => [
      contract.id,
      contract.customer,
      contract.plan,
      contract.start_date,
      contract.end_date ?? '-',
      contract.payment_method,
      contract.channel,
    ],
  );
}

export const contractsCommand = bookCommand({
  name: 'contracts',
  section: 'contracts',
  summary:
    'List, add and show contracts; change-plan ID --plan P --on DATE ends one and starts the next that day; end-contract ID --on DATE.',
  flags: {
    id: { type: 'string', value: 'ID', field: 'id', description: 'the contract id (add)' },
    customer: {
      type: 'string',
      value: 'ID',
      field: 'customer',
      description: "the customer (add); list: only this customer's",
    },
    plan: {
      type: 'string',
      value: 'CODE',
      field: 'plan',
      description: 'the plan (add, change-plan)',
    },
    start: { type: 'string', value: 'DATE', field: 'start_date', description: 'the first day' },
    end: {
      type: 'string',
      value: 'DATE',
      field: 'end_date',
      parse: orNone,
      description: 'the first day no longer covered (none: open-ended)',
    },
    'payment-method': {
      type: 'string',
      value: 'M',
      field: 'payment_method',
      description: 'card, ach, invoice, wire, check or marketplace',
    },
    'payment-terms': {
      type: 'string',
      value: 'DAYS',
      field: 'payment_terms_days',
      parse: wholeNumber,
      description: 'days to pay (default: the settings)',
    },
    discount: {
      type: 'string',
      value: 'PERCENT',
      field: 'discount_percent',
      description: 'a discount on every invoice',
    },
  },
  options: {
    on: {
      type: 'string',
      value: 'DATE',
      description: 'change-plan, end-contract: the first day of the new state',
    },
    'new-id': {
      type: 'string',
      value: 'ID',
      description: 'change-plan: the new contract id (default: ID-2, ID-3…)',
    },
  },
  editable: false,
  list(ctx, store, options) {
    const customer = stringOption(options, 'customer');
    const contracts = store
      .read()
      .contracts.filter((contract) => customer === undefined || contract.customer === customer);
    printResult(ctx, contracts, () => contractTable(contracts));
  },
  show(store, contract: Contract) {
    const invoices = listInvoices(store).filter((invoice) => invoice.contract === contract.id);
    return {
      json: { contract, invoices },
      text: [
        fieldLines(contract),
        `Invoices:\n${invoiceTable(invoices, store.read().settings.locale)}`,
      ].join('\n'),
    };
  },
  describe: (contract: Contract) =>
    `contract '${contract.id}' of customer '${contract.customer}' on plan '${contract.plan}' from ${contract.start_date}`,
  actions: {
    'change-plan': async (ctx, store, options, id) => {
      const change = await changePlan(store, {
        contract: required(id),
        plan: requiredOption(options, 'plan'),
        on: requiredOption(options, 'on'),
        newId: stringOption(options, 'new-id'),
      });
      printResult(
        ctx,
        change,
        () =>
          `Contract '${change.ended.id}' ends on ${change.started.start_date}; contract '${change.started.id}' on plan '${change.started.plan}' starts that day.\n`,
      );
    },
    'end-contract': async (ctx, store, options, id) => {
      const contract = await endContract(store, {
        contract: required(id),
        on: requiredOption(options, 'on'),
      });
      printResult(
        ctx,
        contract,
        () =>
          `Contract '${contract.id}' ends on ${contract.end_date ?? ''} (its last day is the day before).\n`,
      );
    },
  },
});
