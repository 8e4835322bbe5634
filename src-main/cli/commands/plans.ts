import type { Plan } from '../../domain/model';
import { printResult } from '../command';
import { itemsTable } from '../table';
import { bookCommand, fieldLines, orNone } from './book-entity';
import { contractTable } from './contracts';

export const plansCommand = bookCommand({
  name: 'plans',
  section: 'plans',
  summary: 'List, add, edit and show plans; charges and SLA steps come with --file.',
  flags: {
    code: { type: 'string', value: 'CODE', field: 'code', description: 'the plan code (add)' },
    name: { type: 'string', value: 'TEXT', field: 'name', description: 'the name on invoices' },
    currency: { type: 'string', value: 'CODE', field: 'currency', description: 'ISO 4217 code' },
    interval: { type: 'string', value: 'I', field: 'interval', description: 'month or year' },
    'base-fee': {
      type: 'string',
      value: 'X',
      field: 'base_fee',
      parse: orNone,
      description: 'the recurring fee (none for no fee)',
    },
    'minimum-commitment': {
      type: 'string',
      value: 'X',
      field: 'minimum_commitment',
      parse: orNone,
      description: 'the least billed a month (none for no minimum)',
    },
  },
  list(ctx, store) {
    const plans = store.read().plans;
    printResult(ctx, plans, () =>
      itemsTable(
        plans,
        'No plans.\n',
        ['CODE', 'NAME', 'CURRENCY', 'INTERVAL', 'BASE FEE', 'CHARGES'],
        (plan) => [
          plan.code,
          plan.name,
          plan.currency,
          plan.interval,
          plan.base_fee ?? '-',
          plan.charges.map((charge) => `${charge.meter} (${charge.model})`).join(', '),
        ],
        [4],
      ),
    );
  },
  show(store, plan: Plan) {
    const contracts = store.read().contracts.filter((contract) => contract.plan === plan.code);
    const { charges, sla, ...fields } = plan;
    return {
      json: { plan, contracts },
      text: [
        fieldLines(fields),
        `Charges:\n${charges.map((charge) => `  ${JSON.stringify(charge)}\n`).join('') || '  none\n'}`,
        `SLA credits:\n${sla.map((step) => `  below ${step.below}%: ${step.credit_percent}%\n`).join('') || '  none\n'}`,
        `Contracts:\n${contractTable(contracts)}`,
      ].join('\n'),
    };
  },
  describe: (plan: Plan) =>
    `plan '${plan.code}' (${plan.name}, ${plan.currency} per ${plan.interval})`,
});
