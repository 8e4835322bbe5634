/** Small books for billing scenarios: one meter set, written as bundles. */
import type { BundleInput } from '../../src-main/bundle/schema';

type Section<K extends keyof BundleInput> = NonNullable<BundleInput[K]>;
export type PlanInput = Section<'plans'>[number];
export type ContractInput = Section<'contracts'>[number];
export type CustomerInput = Section<'customers'>[number];
export type CreditInput = Section<'credits'>[number];
export type UsageInput = Section<'usage'>[number];

export const METERS: Section<'meters'> = [
  { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' },
  { code: 'nodes', name: 'Nodes', unit: 'node', aggregation: 'max' },
  { code: 'payments', name: 'Payments', unit: 'payment', aggregation: 'count' },
];

export const GROWTH: PlanInput = {
  code: 'growth',
  name: 'Growth',
  currency: 'USD',
  interval: 'month',
  base_fee: '100.00',
  charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '0.01' }],
};

export const ACME: CustomerInput = {
  id: 'acme',
  name: 'Acme',
  external_ids: ['org_acme'],
  currency: 'USD',
};

export function contractOf(fields: Partial<ContractInput> = {}): ContractInput {
  return {
    id: 'c1',
    customer: 'acme',
    plan: 'growth',
    start_date: '2026-01-01',
    payment_method: 'ach',
    ...fields,
  };
}

/** A promotional credit `p` of acme's, in USD, granted at the start of 2026. */
export function promotionalCredit(amount: string, fields: Partial<CreditInput> = {}): CreditInput {
  return {
    id: 'p',
    customer: 'acme',
    kind: 'promotional',
    amount,
    currency: 'USD',
    granted_on: '2026-01-01',
    ...fields,
  };
}

let counter = 0;
export function calls(
  quantity: string,
  timestamp: string,
  fields: Partial<UsageInput> = {},
): UsageInput {
  counter += 1;
  return {
    event_id: `evt-${counter}`,
    customer: 'org_acme',
    meter: 'api_calls',
    quantity,
    timestamp,
    ...fields,
  };
}

/** A book billed on 2026-11-02 unless the settings say otherwise. */
export function bookOf(sections: Partial<BundleInput> = {}): BundleInput {
  return {
    format: 'nexus-billing/bundle@1',
    meters: METERS,
    plans: [GROWTH],
    customers: [ACME],
    contracts: [contractOf()],
    ...sections,
    settings: { today: '2026-11-02', ...sections.settings },
  };
}
