/**
 * The plans the benchmarks' books share: a growth plan in USD (a base fee and
 * graduated API calls with 10,000 included) and a reserved plan in EUR (a base fee
 * and reserved engine nodes). Each benchmark adds the charges it exercises.
 */
import type { BundleInput } from '../../src-main/bundle/schema';

export type BenchPlan = NonNullable<BundleInput['plans']>[number];
type Charge = NonNullable<BenchPlan['charges']>[number];
type Tier = Extract<Charge, { model: 'graduated' }>['tiers'][number];

/** API calls beyond the included 10,000: 0.0004 up to 100,000, then 0.0002 and a flat 10.00. */
export const GROWTH_TIERS: Tier[] = [
  { up_to: '100000', unit_price: '0.0004', flat_fee: '0' },
  { up_to: null, unit_price: '0.0002', flat_fee: '10.00' },
];

export function growthPlan(
  options: { tiers?: Tier[]; charges?: Charge[]; minimumCommitment?: string } = {},
): BenchPlan {
  return {
    code: 'growth',
    name: 'Growth',
    currency: 'USD',
    interval: 'month',
    base_fee: '499.00',
    ...(options.minimumCommitment === undefined
      ? {}
      : { minimum_commitment: options.minimumCommitment }),
    charges: [
      {
        meter: 'api_calls',
        model: 'graduated',
        included: '10000',
        tiers: options.tiers ?? GROWTH_TIERS,
      },
      ...(options.charges ?? []),
    ],
  };
}

/** Nodes reserved (per contract) at 150.00, `overage` per node above them, and API calls. */
export function reservedPlan(code: string, overage: string, apiCalls: Charge): BenchPlan {
  return {
    code,
    name: 'Reserved',
    currency: 'EUR',
    interval: 'month',
    base_fee: '200.00',
    charges: [
      {
        meter: 'nodes',
        model: 'capacity',
        reserved_unit_price: '150.00',
        overage_unit_price: overage,
      },
      apiCalls,
    ],
  };
}
