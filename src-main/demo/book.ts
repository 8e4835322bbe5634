/**
 * The demo book of business: about 25 customers in four currencies across every
 * billing model, credits of each kind, uptime for SLA credits, and three closed
 * months of usage. The catalog (seller, meters, plans, customers) is data in
 * resources/demo/catalog.json; contracts, credits, usage and uptime are generated
 * by a seeded generator, so the same anchor month always gives the same book. Dates follow the calendar: the three months before the
 * anchor (by default the current month) are the ones with usage, so "bill the last
 * closed month" always has something to bill.
 */
import { z } from 'zod';
import catalogJson from '../../resources/demo/catalog.json';
import type { BundleInput } from '../bundle/schema';
import { BUNDLE_FORMAT } from '../bundle/schema';
import type { StoreData } from '../store/data';
import { seededRandom } from './random';

/** The demo's customers: a customer entry plus how the generator treats it. */
const demoCustomerSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  plan: z.string(),
  /** The postal address printed on its invoices. */
  address: z.array(z.string()),
  tax_rate: z.string().optional(),
  tax_label: z.string().optional(),
  tax_exempt: z.string().optional(),
  payment_method: z.enum(['card', 'ach', 'invoice', 'wire', 'check']),
  /** Months before the anchor when the contract started (the demo has at least 3). */
  since: z.number().int().min(1),
  /** Relative size of the customer's traffic. */
  scale: z.number().positive(),
  reserved: z.number().int().positive().optional(),
});
type DemoCustomer = z.infer<typeof demoCustomerSchema>;

/**
 * The static part of the book lives in resources/demo/catalog.json, as data; the
 * meters, plans and settings are bundle entries checked by the bundle loader.
 */
const CATALOG = z
  .object({
    settings: z.custom<NonNullable<BundleInput['settings']>>(),
    meters: z.custom<NonNullable<BundleInput['meters']>>(),
    plans: z.custom<NonNullable<BundleInput['plans']>>(),
    customers: z.array(demoCustomerSchema),
  })
  .parse(catalogJson);
const PLANS = CATALOG.plans;

interface Month {
  year: number;
  month: number; // 1-12
}

function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const periodOf = (m: Month) => `${m.year}-${pad(m.month)}`;
const dateOf = (m: Month, day: number) => `${periodOf(m)}-${pad(day)}`;
const daysIn = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** The period (`YYYY-MM`) just before the month: the last closed one. */
export function previousPeriod(month: Month): string {
  return periodOf(shiftMonth(month, -1));
}

/** The month of today's UTC date. */
export function currentMonth(now = new Date()): Month {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

/** The demo bundle whose three months of usage end just before `anchor`. */
export function demoBundle(anchor: Month = currentMonth(), seed = 20261124): BundleInput {
  const random = seededRandom(seed);
  const first = shiftMonth(anchor, -3);
  const usageMonths = [first, shiftMonth(anchor, -2), shiftMonth(anchor, -1)];
  const planChangeMonth = usageMonths[1] as Month;

  const customers: NonNullable<BundleInput['customers']> = CATALOG.customers.map((c) => ({
    id: c.id,
    name: c.name,
    external_ids: [`org_${c.id}`],
    currency: c.currency,
    email: [`billing@${c.id}.example`],
    address: c.address,
    tax_rate: c.tax_rate ?? '0',
    tax_label: c.tax_label ?? '',
    tax_exempt: c.tax_exempt ?? null,
  }));

  const startOf = (c: DemoCustomer) =>
    dateOf(shiftMonth(anchor, -c.since), c.since % 3 === 0 ? 1 : 1 + ((c.since * 7) % 27));
  const contracts: NonNullable<BundleInput['contracts']> = CATALOG.customers.flatMap((c) => {
    const start = startOf(c);
    const reserved: Record<string, string> = c.reserved ? { nodes: String(c.reserved) } : {};
    const channel = c.plan === 'aws-usage' ? ('aws_marketplace' as const) : ('direct' as const);
    const contract = {
      id: `${c.id}-${c.plan}`,
      customer: c.id,
      plan: c.plan,
      start_date: start,
      payment_method: channel === 'direct' ? c.payment_method : ('marketplace' as const),
      reserved,
      channel,
      marketplace_account: channel === 'direct' ? null : `aws-${c.id}-4411`,
      discount_percent: c.id === 'stark' ? '5' : '0',
      usage_threshold: c.id === 'hooli' ? '500.00' : null,
    };
    // Northwind outgrows Starter: a plan change in the middle of a month.
    if (c.id !== 'northwind') return [contract];
    const changeDay = dateOf(planChangeMonth, 15);
    return [
      { ...contract, end_date: changeDay },
      { ...contract, id: 'northwind-growth', plan: 'growth', start_date: changeDay },
    ];
  });

  const grantMonth = dateOf(first, 1);
  const credits: NonNullable<BundleInput['credits']> = [
    {
      id: 'promo-acme-launch',
      customer: 'acme',
      kind: 'promotional',
      amount: '150.00',
      currency: 'USD',
      granted_on: grantMonth,
      expires_on: dateOf(shiftMonth(anchor, 6), 1),
      note: 'Launch promotion',
    },
    {
      id: 'goodwill-initech',
      customer: 'initech',
      kind: 'goodwill',
      amount: '40.00',
      currency: 'USD',
      granted_on: dateOf(usageMonths[1] as Month, 3),
      note: 'Apology for the support delay',
    },
    {
      id: 'sla-umbrella',
      customer: 'umbrella',
      kind: 'sla',
      amount: '80.00',
      currency: 'USD',
      granted_on: grantMonth,
      note: 'Outage of the ingest service',
    },
    {
      id: 'prepaid-lumen',
      customer: 'lumen',
      kind: 'prepaid',
      amount: '5000.00',
      currency: 'EUR',
      granted_on: grantMonth,
      note: 'Prepaid wallet top-up',
    },
    {
      id: 'prepaid-sakura',
      customer: 'sakura',
      kind: 'prepaid',
      amount: '200000',
      currency: 'JPY',
      granted_on: grantMonth,
      note: 'Prepaid commitment',
    },
    {
      id: 'overpay-albion',
      customer: 'albion',
      kind: 'overpayment',
      amount: '125.40',
      currency: 'GBP',
      granted_on: grantMonth,
      note: 'Paid twice in error',
    },
    {
      id: 'promo-hooli-expired',
      customer: 'hooli',
      kind: 'promotional',
      amount: '75.00',
      currency: 'USD',
      granted_on: dateOf(shiftMonth(anchor, -8), 1),
      expires_on: grantMonth,
      note: 'Expired trial credit',
    },
  ];

  const slaContracts = contracts.filter((c) => PLANS.find((p) => p.code === c.plan)?.sla?.length);
  const uptime = usageMonths.flatMap((month) =>
    slaContracts.map((contract) => {
      const roll = random();
      const percent = roll < 0.7 ? '99.99' : roll < 0.9 ? '99.7' : '98.6';
      return { contract: contract.id, period: periodOf(month), uptime_percent: percent };
    }),
  );

  const usage: NonNullable<BundleInput['usage']> = [];
  for (const customer of CATALOG.customers) {
    // Northwind's traffic follows its newer plan, so its Starter weeks show a blocked quota.
    const meters = metersOfPlan(customer.id === 'northwind' ? 'growth' : customer.plan);
    const start = startOf(customer);
    for (const month of usageMonths) {
      for (let day = 1; day <= daysIn(month); day++) {
        if (dateOf(month, day) < start) continue;
        for (const meter of meters) {
          usage.push(...dailyEvents(customer, meter, month, day, random));
        }
      }
    }
  }

  return {
    format: BUNDLE_FORMAT,
    settings: CATALOG.settings,
    meters: CATALOG.meters,
    plans: PLANS,
    customers,
    contracts,
    credits,
    uptime,
    usage,
  };
}

function metersOfPlan(planCode: string): string[] {
  const plan = PLANS.find((p) => p.code === planCode);
  return [...new Set((plan?.charges ?? []).map((charge) => charge.meter))];
}

/** One customer's events of one meter on one day, shaped like the platform's export. */
function dailyEvents(
  customer: DemoCustomer,
  meter: string,
  month: Month,
  day: number,
  random: () => number,
): NonNullable<BundleInput['usage']> {
  const stamp = (hour: number, minute: number) =>
    `${dateOf(month, day)}T${pad(hour)}:${pad(minute)}:${pad(Math.floor(random() * 60))}Z`;
  const id = (suffix: string) => `${customer.id}-${meter}-${dateOf(month, day)}-${suffix}`;
  const base = { customer: `org_${customer.id}`, meter };
  const weekday = new Date(Date.UTC(month.year, month.month - 1, day)).getUTCDay();
  const load =
    customer.scale * (weekday === 0 || weekday === 6 ? 0.55 : 1) * (0.8 + random() * 0.4);

  switch (meter) {
    case 'api_calls':
      return [0, 1, 2, 3].map((slot) => ({
        ...base,
        event_id: id(String(slot)),
        quantity: String(Math.round(load * (12000 + random() * 6000))),
        timestamp: stamp(slot * 6 + 1, Math.floor(random() * 60)),
      }));
    case 'nodes': {
      const reserved = customer.reserved ?? 2;
      const peak =
        reserved + (random() < 0.08 ? 1 + Math.floor(random() * 2) : -Math.floor(random() * 2));
      return [
        {
          ...base,
          event_id: id('peak'),
          quantity: String(Math.max(1, peak)),
          timestamp: stamp(12, 0),
        },
      ];
    }
    case 'payments':
      return Array.from({ length: Math.max(1, Math.round(load * 6)) }, (_, n) => ({
        ...base,
        event_id: id(`tx${n}`),
        quantity: '1',
        timestamp: stamp(8 + n, Math.floor(random() * 60)),
        properties: { amount: (20 + random() * 480).toFixed(2) },
      }));
    case 'seats':
      return Array.from({ length: 3 }, (_, n) => ({
        ...base,
        event_id: id(`login${n}`),
        quantity: '1',
        timestamp: stamp(9 + n * 3, 0),
        properties: { user_id: `u${1 + Math.floor(random() * 40 * customer.scale)}` },
      }));
    case 'storage_gb':
      return [
        {
          ...base,
          event_id: id('snapshot'),
          quantity: (200 * customer.scale + day * 3.5).toFixed(1),
          timestamp: stamp(23, 30),
        },
      ];
    default:
      return [];
  }
}

/** Whether a store holds the demo book: its seller is the demo's, on a reserved `.example` address no real desk has. */
export function isDemoBook(data: Pick<StoreData, 'settings'>): boolean {
  return data.settings.seller.email === CATALOG.settings.seller?.email;
}
