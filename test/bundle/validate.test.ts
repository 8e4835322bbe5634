import { describe, expect, it } from 'vitest';
import { bundleError, checkSections } from '../../src-main/bundle/parse';
import type { Bundle, BundleInput } from '../../src-main/bundle/schema';
import { emptyStoreData, type StoreData } from '../../src-main/store/data';

/** A small valid book that each case below breaks in one place. */
function validBundle(): BundleInput & Record<string, unknown> {
  return {
    format: 'nexus-billing/bundle@1',
    meters: [
      { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' },
      { code: 'nodes', name: 'Nodes', unit: 'node', aggregation: 'max' },
      { code: 'payments', name: 'Payments', unit: 'tx', aggregation: 'count' },
    ],
    plans: [
      {
        code: 'growth',
        name: 'Growth',
        currency: 'USD',
        interval: 'month',
        base_fee: '499.00',
        charges: [
          {
            meter: 'api_calls',
            model: 'graduated',
            tiers: [
              { up_to: '1000', unit_price: '0.001', flat_fee: '0' },
              { up_to: null, unit_price: '0.0005', flat_fee: '0' },
            ],
          },
          {
            meter: 'nodes',
            model: 'capacity',
            reserved_unit_price: '200.00',
            overage_unit_price: '300.00',
          },
          { meter: 'payments', model: 'percentage', rate: '0.5', per_event_fee: '0.10' },
        ],
      },
    ],
    customers: [{ id: 'acme', name: 'Acme', external_ids: ['org_1'], currency: 'USD' }],
    contracts: [
      {
        id: 'c1',
        customer: 'acme',
        plan: 'growth',
        start_date: '2026-10-15',
        payment_method: 'ach',
        reserved: { nodes: '4' },
      },
    ],
    credits: [
      {
        id: 'p1',
        customer: 'acme',
        kind: 'promotional',
        amount: '50.00',
        currency: 'USD',
        granted_on: '2026-10-01',
      },
    ],
    uptime: [{ contract: 'c1', period: '2026-10', uptime_percent: '99.5' }],
    usage: [
      {
        event_id: 'e1',
        customer: 'org_1',
        meter: 'api_calls',
        quantity: '10',
        timestamp: '2026-10-20T10:00:00Z',
      },
    ],
  };
}

/** The sections of a bundle (its usage is checked as it streams in: test/bundle/load.test.ts). */
function sectionsOf(bundle: unknown): unknown {
  const { usage: _usage, ...sections } = bundle as Record<string, unknown>;
  return sections;
}

function problemsOf(bundle: unknown, store: StoreData = emptyStoreData()): string[] {
  const { problems } = checkSections(sectionsOf(bundle), store);
  if (problems.length === 0) return [];
  const error = bundleError('book.json', problems);
  return error.details.length > 0 ? [...error.details] : [error.message];
}

/** The checked sections of a bundle that has no problem. */
function parsed(bundle: unknown, store: StoreData): Bundle {
  const { bundle: checked } = checkSections(sectionsOf(bundle), store);
  if (checked === null) throw new Error('the bundle has problems');
  return checked;
}

type Mutation = (bundle: ReturnType<typeof validBundle>) => void;
// Shorthands into the valid bundle: the cases stay one line each.
const plan = (b: ReturnType<typeof validBundle>) =>
  b.plans![0] as Record<string, unknown> & { charges: Record<string, unknown>[] };
const contract = (b: ReturnType<typeof validBundle>) => b.contracts![0] as Record<string, unknown>;

const BAD_BUNDLES: [name: string, mutate: Mutation, expected: string][] = [
  [
    'wrong format tag',
    (b) => (b.format = 'nexus-billing/bundle@2' as never),
    'format: must be "nexus-billing/bundle@1"',
  ],
  [
    'money as a JSON number',
    (b) => (plan(b).base_fee = 499 as never),
    'plans[0].base_fee: must be a decimal string such as "12.50"',
  ],
  [
    'negative price',
    (b) => (plan(b).base_fee = '-1.00'),
    'plans[0].base_fee: must not be negative',
  ],
  [
    'too many decimals for USD',
    (b) => (plan(b).base_fee = '499.001'),
    'plans[0].base_fee: has more decimals than USD allows (2)',
  ],
  [
    'unknown currency',
    (b) => (plan(b).currency = 'XYZ'),
    'plans[0].currency: must be an ISO 4217 currency code such as "USD"',
  ],
  [
    'unknown charge model',
    (b) => (plan(b).charges[0]!.model = 'tiered'),
    'plans[0].charges[0].model: must have a model: per_unit, graduated, volume, package, percentage or capacity',
  ],
  [
    'tiers not ascending',
    (b) =>
      (plan(b).charges[0]!.tiers as unknown[]).splice(1, 0, { up_to: '900', unit_price: '0.0008' }),
    "plans[0].charges[0].tiers[1].up_to: must be greater than the previous tier's 1000",
  ],
  [
    'null up_to before the last tier',
    (b) => ((plan(b).charges[0]!.tiers as { up_to: string | null }[])[0]!.up_to = null),
    'plans[0].charges[0].tiers[0].up_to: may be null only on the last tier',
  ],
  [
    'charge on an unknown meter',
    (b) => (plan(b).charges[0]!.meter = 'gpu_hours'),
    "plans[0].charges[0].meter: unknown meter 'gpu_hours'",
  ],
  [
    'block on a percentage charge',
    (b) => (plan(b).charges[2]!.overage = 'block'),
    'plans[0].charges[2].overage: block is not allowed on a percentage charge',
  ],
  [
    'included on a capacity charge',
    (b) => (plan(b).charges[1]!.included = '2'),
    'plans[0].charges[1].included: is not allowed on a capacity charge (its quota is the reservation)',
  ],
  [
    'percentage on a sum meter',
    (b) => (plan(b).charges[2]!.meter = 'api_calls'),
    'plans[0].charges[2].meter: must aggregate with count for a percentage charge, not sum',
  ],
  [
    'minimum commitment on a yearly plan',
    (b) => Object.assign(plan(b), { interval: 'year', minimum_commitment: '100.00' }),
    'plans[0].minimum_commitment: is not allowed on a yearly plan',
  ],
  ['unknown field', (b) => (plan(b).colour = 'blue'), 'plans[0]: Unrecognized key: "colour"'],
  [
    'contract on an unknown plan',
    (b) => (contract(b).plan = 'gold'),
    "contracts[0].plan: unknown plan 'gold'",
  ],
  [
    'contract of an unknown customer',
    (b) => (contract(b).customer = 'nobody'),
    "contracts[0].customer: unknown customer 'nobody'",
  ],
  [
    'invalid calendar date',
    (b) => (contract(b).start_date = '2026-02-30'),
    'contracts[0].start_date: must be a valid date YYYY-MM-DD',
  ],
  [
    'end before start',
    (b) => (contract(b).end_date = '2026-10-01'),
    'contracts[0].end_date: must be after start_date',
  ],
  [
    'currency mismatch',
    (b) => (b.customers![0]!.currency = 'EUR'),
    "contracts[0].plan: plan 'growth' is in USD but customer 'acme' pays in EUR",
  ],
  [
    'reservation on a non-capacity meter',
    (b) => (contract(b).reserved = { api_calls: '3' }),
    "contracts[0].reserved.api_calls: plan 'growth' has no capacity charge on 'api_calls'",
  ],
  [
    'marketplace without account',
    (b) =>
      Object.assign(contract(b), { channel: 'aws_marketplace', payment_method: 'marketplace' }),
    'contracts[0].marketplace_account: is required for a aws_marketplace contract',
  ],
  [
    'duplicate customer id',
    (b) => b.customers!.push({ ...b.customers![0]! }),
    "customers[1].id: repeats id 'acme' of an earlier entry",
  ],
  [
    'external id owned twice',
    (b) =>
      b.customers!.push({ id: 'other', name: 'Other', currency: 'USD', external_ids: ['org_1'] }),
    "customers[1].external_ids[0]: 'org_1' already belongs to customer 'acme'",
  ],
  [
    'credit for an unknown customer',
    (b) => (b.credits![0]!.customer = 'ghost'),
    "credits[0].customer: unknown customer 'ghost'",
  ],
  [
    'unknown credit kind',
    (b) => (b.credits![0]!.kind = 'gift' as never),
    'credits[0].kind: Invalid option: expected one of "sla"|"promotional"|"goodwill"|"prepaid"|"overpayment"',
  ],
  [
    'JPY credit with cents',
    (b) => Object.assign(b.credits![0]!, { currency: 'JPY', amount: '100.50' }),
    'credits[0].amount: has more decimals than JPY allows (0)',
  ],
  [
    'uptime of an unknown contract',
    (b) => (b.uptime![0]!.contract = 'c9'),
    "uptime[0].contract: unknown contract 'c9'",
  ],
  [
    'uptime above 100%',
    (b) => (b.uptime![0]!.uptime_percent = '100.5'),
    'uptime[0].uptime_percent: must be between 0 and 100',
  ],
  [
    'payment of an unknown invoice',
    (b) =>
      (b.payments = [
        {
          id: 'pay1',
          invoice: 'INV-2026-00009',
          amount: '10.00',
          date: '2026-11-01',
          method: 'ach',
        },
      ]),
    "payments[0].invoice: no finalized invoice is numbered 'INV-2026-00009'",
  ],
  [
    'unique_count meter without field',
    (b) =>
      b.meters!.push({ code: 'seats', name: 'Seats', unit: 'user', aggregation: 'unique_count' }),
    'meters[3].field: is required for a unique_count meter',
  ],
];

describe('load refuses a bad bundle with one message per problem naming its JSON path', () => {
  it('accepts the valid bundle the cases start from', () => {
    expect(problemsOf(validBundle())).toEqual([]);
  });

  it.each(BAD_BUNDLES)('%s', (_name, mutate, expected) => {
    const bundle = validBundle();
    mutate(bundle);
    expect(problemsOf(bundle)).toEqual([expect.stringContaining(expected)]);
  });

  it('lists every problem of a bundle at once', () => {
    const bundle = validBundle();
    contract(bundle).plan = 'gold';
    bundle.credits![0]!.customer = 'ghost';
    const problems = problemsOf(bundle);
    expect(problems).toEqual([
      "contracts[0].plan: unknown plan 'gold'",
      "credits[0].customer: unknown customer 'ghost'",
    ]);
  });

  it('says in one sentence what is wrong with a single problem', () => {
    const bundle = validBundle();
    contract(bundle).plan = 'gold';
    expect(problemsOf(bundle)).toEqual([
      "book.json: contracts[0].plan: unknown plan 'gold'. Nothing was loaded.",
    ]);
  });

  it('resolves references against what the store already holds', () => {
    const store = emptyStoreData();
    const base = validBundle();
    store.meters = parsed(base, store).meters;
    store.plans = parsed(base, store).plans;
    store.customers = parsed(base, store).customers;
    const contractOnly = { format: 'nexus-billing/bundle@1', contracts: base.contracts };
    expect(problemsOf(contractOnly, store)).toEqual([]);
    expect(problemsOf(contractOnly)).toHaveLength(2);
  });

  it('accepts invoices only into an empty store', () => {
    const store = emptyStoreData();
    store.meters = parsed(validBundle(), store).meters;
    const restore = {
      format: 'nexus-billing/bundle@1',
      invoices: [] as unknown[],
      credit_notes: [],
    };
    expect(problemsOf(restore, store)).toEqual([]);
  });
});
