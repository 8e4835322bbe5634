/**
 * The fast-check generators of every property test: valid books of business that
 * exercise the whole bill run — plan changes, every charge model and meter
 * aggregation, quotas, commitments, discounts, thresholds, taxes and exemptions,
 * credits of every kind (some in another currency), usage across three months with
 * offsets, later import batches, uptime — and sequences of desk operations over them.
 * Every generated book loads: references resolve, amounts have their currency's
 * decimals, timestamps carry an offset.
 */
import fc from 'fast-check';
import type { BundleInput } from '../../src-main/bundle/schema';
import { minorUnits } from '../../src-main/domain/currency';
import { addDays } from '../../src-main/domain/dates';
import { ALL_METERS } from './builders';
import type { ContractInput, CreditInput, PlanInput, UsageInput } from './scenario-books';

/** Currencies of 2, 0 and 3 decimals. */
const CURRENCIES = ['USD', 'EUR', 'JPY', 'BHD'] as const;
type Currency = (typeof CURRENCIES)[number];

/** The periods the generated usage falls in. */
export const PERIODS = ['2026-09', '2026-10', '2026-11'] as const;

/** `digits` with the decimal point moved `places` to the left. */
function shift(digits: string, places: number): string {
  if (places === 0) return digits;
  const padded = digits.padStart(places + 1, '0');
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

function money(minor: number, currency: Currency): string {
  return shift(String(minor), minorUnits(currency));
}

/**
 * Signed decimal texts of up to 10^17 with 0 to `maxPlaces` decimals, often ending in
 * a half-way or carrying tail (5, 9s, 49, 0001): the hard cases of rounding and sums.
 */
export const decimalText = (maxPlaces: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 10n ** 17n }),
      fc.integer({ min: 0, max: maxPlaces }),
      fc.constantFrom('', '', '5', '9', '99', '999', '50', '49', '0001'),
    )
    .map(
      ([negative, digits, places, tail]) =>
        `${negative ? '-' : ''}${shift(`${digits}${tail}`, places)}`,
    );

const moneyArb = (currency: Currency, max: number) =>
  fc.integer({ min: 0, max }).map((minor) => money(minor, currency));
/** Up to 6 decimals, as unit prices have. */
const unitPrice = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, places]) => shift(String(digits), places));

const dayIn = (from: string, days: number) =>
  fc.integer({ min: 0, max: days }).map((offset) => addDays(from, offset));

function tiersArb(currency: Currency) {
  return fc.uniqueArray(fc.integer({ min: 1, max: 20_000 }), { maxLength: 3 }).chain((bounds) =>
    fc.tuple(
      ...[...bounds.sort((a, b) => a - b).map(String), null].map((upTo) =>
        fc.record({
          up_to: fc.constant(upTo),
          unit_price: unitPrice,
          flat_fee: moneyArb(currency, 5000),
        }),
      ),
    ),
  );
}

function apiChargeArb(currency: Currency) {
  const included = fc.option(fc.integer({ min: 0, max: 5000 }).map(String), { nil: null });
  const overage = fc.constantFrom('bill' as const, 'block' as const);
  return fc.oneof(
    fc.record({
      meter: fc.constant('api_calls'),
      model: fc.constant('per_unit' as const),
      unit_price: unitPrice,
      included,
      overage,
    }),
    fc.record({
      meter: fc.constant('api_calls'),
      model: fc.constantFrom('graduated' as const, 'volume' as const),
      tiers: tiersArb(currency),
      included,
      overage,
    }),
    fc.record({
      meter: fc.constant('api_calls'),
      model: fc.constant('package' as const),
      package_size: fc.integer({ min: 1, max: 5000 }).map(String),
      package_price: unitPrice,
      included,
      overage,
    }),
  );
}

function planArb(code: string, currency: Currency): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      interval: fc.constantFrom('month' as const, 'month' as const, 'year' as const),
      base_fee: fc.option(moneyArb(currency, 500_000), { nil: null }),
      commitment: fc.option(moneyArb(currency, 800_000), { nil: null }),
      api: apiChargeArb(currency),
      capacity: fc.option(
        fc.record({
          reserved_unit_price: unitPrice,
          overage_unit_price: unitPrice,
          overage: fc.constantFrom('bill' as const, 'block' as const),
        }),
        { nil: null },
      ),
      percentage: fc.option(
        fc.record({
          rate: fc.integer({ min: 0, max: 500 }).map((n) => shift(String(n), 2)),
          per_event_fee: unitPrice,
        }),
        { nil: null },
      ),
      perUser: fc.option(
        fc.record({
          meter: fc.constantFrom('seats', 'storage'),
          model: fc.constant('per_unit' as const),
          unit_price: unitPrice,
        }),
        { nil: null },
      ),
      sla: fc.boolean(),
    })
    .map((draft) => ({
      code,
      name: `Plan ${code}`,
      currency,
      interval: draft.interval,
      base_fee: draft.base_fee,
      minimum_commitment: draft.interval === 'month' ? draft.commitment : null,
      sla: draft.sla
        ? [
            { below: '99.9', credit_percent: '10' },
            { below: '99', credit_percent: '25' },
          ]
        : [],
      charges: [
        draft.api,
        ...(draft.capacity
          ? [{ meter: 'nodes', model: 'capacity' as const, ...draft.capacity }]
          : []),
        ...(draft.percentage
          ? [{ meter: 'payments', model: 'percentage' as const, ...draft.percentage }]
          : []),
        ...(draft.perUser ? [draft.perUser] : []),
      ],
    }));
}

interface CustomerDraft {
  taxRate: string;
  exempt: boolean;
  start: string;
  change: number | null;
  end: number | null;
  plans: [number, number];
  discount: string;
  threshold: number | null;
  reserved: number;
  terms: number | null;
  credits: {
    kind: CreditInput['kind'];
    /** Most credits are in the book's currency; the others must never apply. */
    foreign: Currency | null;
    minor: number;
    granted: string;
    expiresIn: number | null;
  }[];
  events: {
    meter: string;
    quantity: number;
    at: string;
    second: number;
    offset: string;
    amount: number;
    user: number;
    batch: number;
  }[];
  uptime: string | null;
}

const customerArb: fc.Arbitrary<CustomerDraft> = fc.record({
  taxRate: fc.constantFrom('0', '10', '20', '8.875'),
  exempt: fc.boolean(),
  start: dayIn('2026-08-01', 100),
  change: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
  end: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  plans: fc.tuple(fc.nat(), fc.nat()),
  discount: fc.constantFrom('0', '0', '10', '12.5'),
  threshold: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  reserved: fc.integer({ min: 0, max: 6 }),
  terms: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  credits: fc.array(
    fc.record({
      kind: fc.constantFrom(
        'sla' as const,
        'promotional' as const,
        'goodwill' as const,
        'prepaid' as const,
        'overpayment' as const,
      ),
      foreign: fc.option(fc.constantFrom(...CURRENCIES), { nil: null, freq: 4 }),
      minor: fc.integer({ min: 1, max: 200_000 }),
      granted: dayIn('2026-08-15', 100),
      expiresIn: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  events: fc.array(
    fc.record({
      meter: fc.constantFrom('api_calls', 'api_calls', 'nodes', 'payments', 'seats', 'storage'),
      quantity: fc.integer({ min: 0, max: 20_000 }),
      at: dayIn('2026-09-01', 90),
      second: fc.integer({ min: 0, max: 86_399 }),
      offset: fc.constantFrom('Z', '+02:00', '-05:30'),
      amount: fc.integer({ min: 0, max: 100_000 }),
      user: fc.integer({ min: 1, max: 5 }),
      batch: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 12 },
  ),
  uptime: fc.option(fc.constantFrom('98.5', '99.5', '100'), { nil: null }),
});

export interface GeneratedBook {
  bundle: BundleInput;
  /** Usage imported in later batches: some of it lands in periods already finalized. */
  laterBatches: UsageInput[][];
}

function timestamp(day: string, second: number, offset: string): string {
  const time = new Date(Date.parse(`${day}T00:00:00Z`) + second * 1000).toISOString().slice(0, 19);
  return `${time}${offset}`;
}

function assemble(currency: Currency, plans: PlanInput[], drafts: CustomerDraft[]): GeneratedBook {
  const contracts: ContractInput[] = [];
  const credits: CreditInput[] = [];
  const usage: UsageInput[][] = [[], [], []];
  drafts.forEach((draft, index) => {
    const customer = `cust${index}`;
    const planOf = (slot: number) => plans[slot % plans.length] as PlanInput;
    const change = draft.change === null ? null : addDays(draft.start, draft.change);
    const end = draft.end === null ? null : addDays(change ?? draft.start, draft.end);
    const common = {
      customer,
      payment_method: 'card' as const,
      discount_percent: draft.discount,
      payment_terms_days: draft.terms,
      usage_threshold: draft.threshold === null ? null : money(draft.threshold, currency),
    };
    const reservedFor = (plan: PlanInput): Record<string, string> =>
      plan.charges?.some((charge) => charge.model === 'capacity')
        ? { nodes: String(draft.reserved) }
        : {};
    const first = planOf(draft.plans[0]);
    contracts.push({
      ...common,
      id: `k${index}a`,
      plan: first.code,
      start_date: draft.start,
      end_date: change ?? end,
      reserved: reservedFor(first),
    });
    if (change !== null) {
      const second = planOf(draft.plans[1]);
      contracts.push({
        ...common,
        id: `k${index}b`,
        plan: second.code,
        start_date: change,
        end_date: end,
        reserved: reservedFor(second),
      });
    }
    draft.credits.forEach((credit, n) =>
      credits.push({
        id: `cr${index}-${n}`,
        customer,
        kind: credit.kind,
        amount: money(credit.minor, credit.foreign ?? currency),
        currency: credit.foreign ?? currency,
        granted_on: credit.granted,
        expires_on: credit.expiresIn === null ? null : addDays(credit.granted, credit.expiresIn),
      }),
    );
    draft.events.forEach((event, n) =>
      usage[event.batch]?.push({
        event_id: `e${index}-${n}`,
        customer: `org_${index}`,
        meter: event.meter,
        quantity: event.meter === 'nodes' ? String(event.quantity % 10) : String(event.quantity),
        timestamp: timestamp(event.at, event.second, event.offset),
        properties: { amount: money(event.amount, currency), user_id: `u${event.user}` },
      }),
    );
  });
  const [initial = [], ...laterBatches] = usage;
  return {
    bundle: {
      format: 'nexus-billing/bundle@1',
      settings: { today: '2026-12-15' },
      meters: ALL_METERS,
      plans,
      customers: drafts.map((draft, index) => ({
        id: `cust${index}`,
        name: `Customer ${index}`,
        external_ids: [`org_${index}`],
        currency,
        tax_rate: draft.taxRate,
        tax_exempt: draft.exempt && draft.taxRate === '20' ? 'Reverse charge' : null,
      })),
      contracts,
      credits,
      uptime: drafts.flatMap((draft, index) =>
        draft.uptime === null
          ? []
          : [{ contract: `k${index}a`, period: '2026-09', uptime_percent: draft.uptime }],
      ),
      usage: initial,
    },
    laterBatches,
  };
}

export const bookArb: fc.Arbitrary<GeneratedBook> = fc
  .constantFrom(...CURRENCIES)
  .chain((currency) =>
    fc
      .tuple(planArb('p0', currency), fc.option(planArb('p1', currency), { nil: null }))
      .chain(([p0, p1]) =>
        fc
          .array(customerArb, { minLength: 1, maxLength: 3 })
          .map((drafts) => assemble(currency, p1 ? [p0, p1] : [p0], drafts)),
      ),
  );

/** A generated book as one bundle, its later batches' usage included. */
export const bundleArb: fc.Arbitrary<BundleInput> = bookArb.map(({ bundle, laterBatches }) => ({
  ...bundle,
  usage: [...(bundle.usage ?? []), ...laterBatches.flat()],
}));

/** What a finance desk does between bill runs. */
export type DeskOperation =
  | { op: 'bill'; period: number; asOf: number; finalize: boolean }
  | { op: 'import'; batch: number }
  | { op: 'finalize'; pick: number; asOf: number }
  | { op: 'void'; pick: number }
  | { op: 'credit-note'; pick: number; percent: number };

export const operationsArb: fc.Arbitrary<DeskOperation[]> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('bill' as const),
        period: fc.nat({ max: 2 }),
        asOf: fc.integer({ min: -10, max: 40 }),
        finalize: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('import' as const), batch: fc.nat({ max: 1 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('finalize' as const),
        pick: fc.nat(),
        asOf: fc.integer({ min: 0, max: 40 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('credit-note' as const),
        pick: fc.nat(),
        percent: fc.integer({ min: 1, max: 120 }),
      }),
    },
  ),
  { minLength: 1, maxLength: 10 },
);
