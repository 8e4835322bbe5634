/**
 * fast-check generators of valid books of business (bundles), for property tests:
 * every reference resolves, every amount has its currency's decimals, every
 * timestamp carries an offset.
 */
import fc from 'fast-check';
import type { BundleInput } from '../../src-main/bundle/schema';

const CURRENCIES = [
  { code: 'USD', places: 2 },
  { code: 'EUR', places: 2 },
  { code: 'JPY', places: 0 },
  { code: 'BHD', places: 3 },
] as const;
type CurrencyCode = (typeof CURRENCIES)[number]['code'];

const placesOf = (currency: CurrencyCode) => CURRENCIES.find((c) => c.code === currency)!.places;

/** A money amount with exactly the currency's decimals, from its minor units. */
function moneyOf(minor: number, currency: CurrencyCode): string {
  const places = placesOf(currency);
  if (places === 0) return String(minor);
  const text = String(minor).padStart(places + 1, '0');
  return `${text.slice(0, -places)}.${text.slice(-places)}`;
}

const money = (currency: CurrencyCode, max = 100_000_00) =>
  fc.integer({ min: 0, max }).map((minor) => moneyOf(minor, currency));
const unitPrice = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, places]) =>
    places === 0 ? String(digits) : (digits / 10 ** places).toFixed(places),
  );
const quantity = fc.integer({ min: 0, max: 5_000_000 }).map(String);
const day = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const isoDay = day.map((d) => d.toISOString().slice(0, 10));

export const METERS: NonNullable<BundleInput['meters']> = [
  { code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' },
  { code: 'nodes', name: 'Nodes', unit: 'node', aggregation: 'max' },
  { code: 'payments', name: 'Payments', unit: 'tx', aggregation: 'count' },
  { code: 'seats', name: 'Seats', unit: 'user', aggregation: 'unique_count', field: 'user_id' },
  { code: 'storage', name: 'Storage', unit: 'GB', aggregation: 'latest' },
];

function tiers(currency: CurrencyCode) {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 3 })
    .chain((bounds) =>
      fc.tuple(
        ...[...bounds.sort((a, b) => a - b).map(String), null].map((upTo) =>
          fc.record({
            up_to: fc.constant(upTo),
            unit_price: unitPrice,
            flat_fee: money(currency, 5000),
          }),
        ),
      ),
    );
}

function charges(currency: CurrencyCode) {
  const included = fc.option(quantity, { nil: null });
  return fc.tuple(
    fc.oneof(
      fc.record({
        meter: fc.constant('api_calls'),
        model: fc.constant('per_unit' as const),
        unit_price: unitPrice,
        included,
        overage: fc.constantFrom('bill' as const, 'block' as const),
      }),
      fc.record({
        meter: fc.constant('api_calls'),
        model: fc.constantFrom('graduated' as const, 'volume' as const),
        tiers: tiers(currency),
        included,
      }),
      fc.record({
        meter: fc.constant('api_calls'),
        model: fc.constant('package' as const),
        package_size: fc.integer({ min: 1, max: 10_000 }).map(String),
        package_price: unitPrice,
        included,
      }),
    ),
    fc.record({
      meter: fc.constant('nodes'),
      model: fc.constant('capacity' as const),
      reserved_unit_price: unitPrice,
      overage_unit_price: unitPrice,
    }),
    fc.record({
      meter: fc.constant('payments'),
      model: fc.constant('percentage' as const),
      rate: fc.integer({ min: 0, max: 500 }).map((n) => (n / 100).toFixed(2)),
      per_event_fee: unitPrice,
    }),
    fc.record({
      meter: fc.constantFrom('seats', 'storage'),
      model: fc.constant('per_unit' as const),
      unit_price: unitPrice,
    }),
  );
}

const plan = (index: number) =>
  fc.constantFrom(...CURRENCIES.map((c) => c.code)).chain((currency) =>
    fc.record({
      code: fc.constant(`plan${index}`),
      name: fc.string({ maxLength: 12 }),
      currency: fc.constant(currency),
      interval: fc.constantFrom('month' as const, 'year' as const),
      base_fee: fc.option(money(currency), { nil: null }),
      charges: charges(currency),
    }),
  );

/** A whole valid book: plans, customers with contracts on plans of their currency, credits, usage. */
export const bookArbitrary: fc.Arbitrary<BundleInput> = fc
  .array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 3 })
  .chain((planSlots) => fc.tuple(...planSlots.map((_, index) => plan(index))))
  .chain((plans) =>
    fc
      .array(
        fc.record({
          plan: fc.integer({ min: 0, max: plans.length - 1 }),
          start: isoDay,
          months: fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }),
          reserved: fc.integer({ min: 0, max: 8 }).map(String),
          tax_rate: fc.constantFrom('0', '10', '20', '8.875'),
          credit: fc.option(
            fc.tuple(
              fc.constantFrom('sla', 'promotional', 'goodwill', 'prepaid', 'overpayment' as const),
              fc.integer({ min: 1, max: 50_000 }),
              isoDay,
            ),
            { nil: null },
          ),
          events: fc.array(
            fc.record({
              meter: fc.constantFrom(...METERS.map((m) => m.code)),
              quantity,
              at: day,
              user: fc.integer({ min: 1, max: 5 }),
              offset: fc.constantFrom('Z', '+02:00', '-05:30'),
            }),
            { maxLength: 6 },
          ),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((customers) => assembleBook(plans, customers)),
  );

interface CustomerDraft {
  plan: number;
  start: string;
  months: number | null;
  reserved: string;
  tax_rate: string;
  credit:
    | [
        kind: 'sla' | 'promotional' | 'goodwill' | 'prepaid' | 'overpayment',
        minor: number,
        granted: string,
      ]
    | null;
  events: { meter: string; quantity: string; at: Date; user: number; offset: string }[];
}

type PlanDraft = NonNullable<BundleInput['plans']>[number] & { currency: CurrencyCode };

function assembleBook(plans: PlanDraft[], drafts: CustomerDraft[]): BundleInput {
  const customers = drafts.map((draft, index) => ({
    id: `cust${index}`,
    name: `Customer ${index}`,
    external_ids: [`org_${index}`],
    currency: plans[draft.plan]!.currency,
    tax_rate: draft.tax_rate,
  }));
  const contracts = drafts.map((draft, index) => {
    const end = draft.months === null ? null : addMonths(draft.start, draft.months);
    return {
      id: `contract${index}`,
      customer: `cust${index}`,
      plan: plans[draft.plan]!.code,
      start_date: draft.start,
      end_date: end,
      payment_method: 'card' as const,
      reserved: { nodes: draft.reserved },
    };
  });
  const credits = drafts.flatMap((draft, index) => {
    if (!draft.credit) return [];
    const [kind, minor, granted] = draft.credit;
    const currency = plans[draft.plan]!.currency;
    return [
      {
        id: `credit${index}`,
        customer: `cust${index}`,
        kind,
        amount: moneyOf(minor, currency),
        currency,
        granted_on: granted,
      },
    ];
  });
  const usage = drafts.flatMap((draft, index) =>
    draft.events.map((event, eventIndex) => ({
      event_id: `e${index}-${eventIndex}`,
      customer: `org_${index}`,
      meter: event.meter,
      quantity: event.quantity,
      timestamp: event.at.toISOString().replace('Z', '').slice(0, 19) + event.offset,
      properties: { user_id: `u${event.user}`, amount: `${event.user}.25` },
    })),
  );
  return {
    format: 'nexus-billing/bundle@1',
    meters: METERS,
    plans,
    customers,
    contracts,
    credits,
    usage,
  };
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
  return next.toISOString().slice(0, 10);
}
