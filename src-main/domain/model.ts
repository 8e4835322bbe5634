/**
 * The entities of the book of business, as zod schemas. They are the bundle format
 * (docs/bundle.md) and the store's shape at once: what `load` parses is what
 * the store keeps and what `dump` writes, with every default filled in, so that a
 * round trip is the identity. Field names follow the bundle (snake_case) for that reason.
 */
import { z } from 'zod';
import { decimalBoundIssue } from './bounds';
import { isCurrencyCode, minorUnits } from './currency';
import { isPeriod, isValidDate } from './dates';
import { DEFAULT_LOCALE, isSupportedLocale } from './locale-format';
import { numberFormatIssue } from './number-format';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** Decimals travel as strings, never as JSON numbers (a float would already have lost them). */
export const decimalString = z
  .string({ error: 'must be a decimal string such as "12.50"' })
  .regex(DECIMAL, { error: 'must be a decimal string such as "12.50"' });

/** Every quantity, price and amount that enters the book: never negative, never absurd. */
export const nonNegativeDecimal = decimalString
  .refine((v) => !v.startsWith('-'), { error: 'must not be negative' })
  .check((ctx) => {
    const issue = decimalBoundIssue(ctx.value);
    if (issue !== null) ctx.issues.push({ code: 'custom', message: issue, input: ctx.value });
  });

export const positiveDecimal = nonNegativeDecimal.refine((v) => /[1-9]/.test(v), {
  error: 'must be greater than 0',
});

/** A percentage between 0 and 100. */
export const percent = nonNegativeDecimal.refine(
  (v) => Number(v.split('.')[0]) < 100 || /^100(\.0+)?$/.test(v),
  { error: 'must be between 0 and 100' },
);

export const isoDate = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isValidDate, { error: 'must be a valid date YYYY-MM-DD' });

export const periodName = z
  .string({ error: 'must be a period YYYY-MM' })
  .refine(isPeriod, { error: 'must be a period YYYY-MM' });

export const currencyCode = z
  .string({ error: 'must be an ISO 4217 currency code' })
  .refine(isCurrencyCode, { error: 'must be an ISO 4217 currency code such as "USD"' });

const id = z.string({ error: 'must be a string id' }).min(1, { error: 'must not be empty' });

/** Number of decimals of a decimal string. */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** Issue for a money amount with more decimals than its currency's minor unit allows. */
export function moneyPrecisionIssue(amount: string, currency: string): string | null {
  if (!isCurrencyCode(currency)) return null;
  const places = minorUnits(currency);
  return decimalPlaces(amount) > places
    ? `has more decimals than ${currency} allows (${places})`
    : null;
}

// ---------------------------------------------------------------- settings

/** What the marketplaces' usage records name us by (documents-payments.md §5). */
export const marketplaceSettingsSchema = z.strictObject({
  aws_product_code: z.string().default(''),
  gcp_service_name: z.string().default(''),
});

export const bankSchema = z.strictObject({
  name: z.string().default(''),
  iban: z.string().default(''),
  routing: z.string().default(''),
  account: z.string().default(''),
});

/** About 1 MB of image: a logo, not a photograph, in every bundle and backup. */
export const MAX_LOGO_DATA_URL_LENGTH = 1_400_000;
const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

export const logoSchema = z
  .string()
  .max(MAX_LOGO_DATA_URL_LENGTH, { error: 'must be an image of at most about 1 MB' })
  .regex(LOGO_DATA_URL, {
    error: 'must be a PNG or JPEG image as a data URL ("data:image/png;base64,…")',
  });

export const sellerSchema = z.strictObject({
  name: z.string().default('Nexus Engine Inc.'),
  address: z.array(z.string()).default([]),
  tax_id: z.string().default(''),
  email: z.string().default(''),
  bank: bankSchema.default({ name: '', iban: '', routing: '', account: '' }),
  /** The logo printed on documents: a PNG or JPEG as a `data:` URL, so a bundle carries it. */
  logo: logoSchema.nullable().default(null),
});

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().positive().default(587),
  secure: z.boolean().default(false),
  user: z.string().default(''),
  /** The sender's address; empty means the seller's email. */
  from: z.string().default(''),
  /** Never stored: the CLI reads NEXUS_SMTP_PASSWORD, the app the OS keychain. */
  password: z
    .never({ error: 'is never stored; give it to the CLI in NEXUS_SMTP_PASSWORD' })
    .optional(),
});

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const localeTag = z
  .string()
  .refine(isSupportedLocale, { error: 'must be a locale such as "en-US" or "de-DE"' });
/** An invoice or credit-note number format, checked when it is loaded. */
const numberFormat = z
  .string({ error: 'must be a number format such as "INV-{YYYY}-{SEQ:5}"' })
  .check((ctx) => {
    const issue = numberFormatIssue(ctx.value);
    if (issue !== null) ctx.issues.push({ code: 'custom', message: issue, input: ctx.value });
  });

export const settingsSchema = z.strictObject({
  seller: sellerSchema.default(sellerSchema.parse({})),
  invoice_number_format: numberFormat.default('INV-{YYYY}-{SEQ:5}'),
  credit_note_number_format: numberFormat.default('CN-{YYYY}-{SEQ:5}'),
  payment_terms_days: z.number().int().min(0).default(30),
  /** Absent until a book sells through a marketplace. */
  marketplace: marketplaceSettingsSchema.optional(),
  today: isoDate.nullable().default(null),
  smtp: smtpSchema.nullable().default(null),
  /** How documents write amounts and dates (Intl locale tag). */
  locale: localeTag.default(DEFAULT_LOCALE),
  page_size: z.enum(PAGE_SIZES).default('A4'),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * The seller fields a patch changes. Not `sellerSchema.partial()`: zod still fills a
 * partial field's default in, which would reset every seller field a patch leaves out.
 */
const sellerPatchSchema = z.strictObject({
  name: z.string().optional(),
  address: z.array(z.string()).optional(),
  tax_id: z.string().optional(),
  email: z.string().optional(),
  bank: z
    .strictObject({
      name: z.string().optional(),
      iban: z.string().optional(),
      routing: z.string().optional(),
      account: z.string().optional(),
    })
    .optional(),
  logo: logoSchema.nullable().optional(),
});

/** The marketplace fields a patch changes (not `.partial()`, for the seller's reason). */
const marketplacePatchSchema = z.strictObject({
  aws_product_code: z.string().optional(),
  gcp_service_name: z.string().optional(),
});

/** Settings in a bundle are merged over the current ones, so every field is optional. */
export const settingsPatchSchema = z.strictObject({
  seller: sellerPatchSchema.optional(),
  invoice_number_format: numberFormat.optional(),
  credit_note_number_format: numberFormat.optional(),
  payment_terms_days: z.number().int().min(0).optional(),
  marketplace: marketplacePatchSchema.optional(),
  today: isoDate.nullable().optional(),
  smtp: smtpSchema.nullable().optional(),
  locale: localeTag.optional(),
  page_size: z.enum(PAGE_SIZES).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

// ---------------------------------------------------------------- meters

export const AGGREGATIONS = ['sum', 'count', 'max', 'unique_count', 'latest'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const meterSchema = z
  .strictObject({
    code: id,
    name: z.string(),
    unit: z.string().default('unit'),
    aggregation: z.enum(AGGREGATIONS),
    field: z.string().min(1).nullable().default(null),
  })
  .superRefine((meter, ctx) => {
    if (meter.aggregation === 'unique_count' && !meter.field) {
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: 'is required for a unique_count meter',
      });
    }
  });
export type Meter = z.infer<typeof meterSchema>;

// ---------------------------------------------------------------- plans and charges

export const tierSchema = z.strictObject({
  up_to: nonNegativeDecimal.nullable(),
  unit_price: nonNegativeDecimal,
  flat_fee: nonNegativeDecimal.default('0'),
});
export type Tier = z.infer<typeof tierSchema>;

const chargeCommon = {
  meter: id,
  included: nonNegativeDecimal.nullable().default(null),
  overage: z.enum(['bill', 'block']).default('bill'),
  marketplace_dimension: z.string().min(1).nullable().default(null),
};

export const chargeSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({
      ...chargeCommon,
      model: z.literal('per_unit'),
      unit_price: nonNegativeDecimal,
    }),
    z.strictObject({
      ...chargeCommon,
      model: z.literal('graduated'),
      tiers: z.array(tierSchema).min(1),
    }),
    z.strictObject({
      ...chargeCommon,
      model: z.literal('volume'),
      tiers: z.array(tierSchema).min(1),
    }),
    z.strictObject({
      ...chargeCommon,
      model: z.literal('package'),
      package_size: positiveDecimal,
      package_price: nonNegativeDecimal,
    }),
    z.strictObject({
      ...chargeCommon,
      model: z.literal('percentage'),
      rate: percent,
      per_event_fee: nonNegativeDecimal.default('0'),
    }),
    z.strictObject({
      ...chargeCommon,
      model: z.literal('capacity'),
      reserved_unit_price: nonNegativeDecimal,
      overage_unit_price: nonNegativeDecimal,
    }),
  ],
  { error: 'must have a model: per_unit, graduated, volume, package, percentage or capacity' },
);
export type Charge = z.infer<typeof chargeSchema>;
export type ChargeModel = Charge['model'];
export type TieredCharge = Extract<Charge, { model: 'graduated' | 'volume' }>;

export const slaStepSchema = z.strictObject({ below: percent, credit_percent: percent });
export type SlaStep = z.infer<typeof slaStepSchema>;

export const planSchema = z.strictObject({
  code: id,
  name: z.string(),
  currency: currencyCode,
  interval: z.enum(['month', 'year']),
  base_fee: nonNegativeDecimal.nullable().default(null),
  minimum_commitment: nonNegativeDecimal.nullable().default(null),
  sla: z.array(slaStepSchema).default([]),
  charges: z.array(chargeSchema).default([]),
});
export type Plan = z.infer<typeof planSchema>;

// ---------------------------------------------------------------- customers and contracts

export const customerSchema = z.strictObject({
  id,
  name: z.string(),
  external_ids: z.array(z.string().min(1)).default([]),
  currency: currencyCode,
  email: z.array(z.string()).default([]),
  address: z.array(z.string()).default([]),
  /** The customer's VAT or tax number, printed on their documents when known. */
  tax_id: z.string().default(''),
  tax_rate: percent.default('0'),
  tax_label: z.string().default(''),
  tax_exempt: z.string().min(1).nullable().default(null),
});
export type Customer = z.infer<typeof customerSchema>;

export const PAYMENT_METHODS = ['card', 'ach', 'invoice', 'wire', 'check', 'marketplace'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const CHANNELS = [
  'direct',
  'aws_marketplace',
  'azure_marketplace',
  'gcp_marketplace',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const contractSchema = z.strictObject({
  id,
  customer: id,
  plan: id,
  start_date: isoDate,
  end_date: isoDate.nullable().default(null),
  payment_method: z.enum(PAYMENT_METHODS),
  /** Null means "the settings' payment_terms_days". */
  payment_terms_days: z.number().int().min(0).nullable().default(null),
  discount_percent: percent.default('0'),
  reserved: z.record(z.string(), nonNegativeDecimal).default({}),
  usage_threshold: positiveDecimal.nullable().default(null),
  channel: z.enum(CHANNELS).default('direct'),
  marketplace_account: z.string().min(1).nullable().default(null),
});
export type Contract = z.infer<typeof contractSchema>;

// ---------------------------------------------------------------- credits, uptime, usage, payments

export const PRICE_CREDIT_KINDS = ['sla', 'promotional', 'goodwill'] as const;
export const BALANCE_CREDIT_KINDS = ['prepaid', 'overpayment'] as const;
export const CREDIT_KINDS = [...PRICE_CREDIT_KINDS, ...BALANCE_CREDIT_KINDS] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export function isPriceCredit(kind: CreditKind): boolean {
  return (PRICE_CREDIT_KINDS as readonly string[]).includes(kind);
}

export const creditSchema = z.strictObject({
  id,
  customer: id,
  kind: z.enum(CREDIT_KINDS),
  amount: positiveDecimal,
  currency: currencyCode,
  granted_on: isoDate,
  expires_on: isoDate.nullable().default(null),
  note: z.string().default(''),
});
export type Credit = z.infer<typeof creditSchema>;

export const uptimeSchema = z.strictObject({
  contract: id,
  period: periodName,
  uptime_percent: percent,
});
export type Uptime = z.infer<typeof uptimeSchema>;

/** ISO 8601 date-time that carries an offset or Z; judged by parseTimestamp. */
export const usageEventSchema = z.strictObject({
  event_id: id,
  source: z.string().min(1).nullable().default(null),
  customer: id,
  meter: id,
  quantity: nonNegativeDecimal,
  timestamp: z.string(),
  properties: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type UsageEvent = z.infer<typeof usageEventSchema>;

/** How money came in (documents-payments.md §3); a contract's `invoice` terms are no way of paying. */
export const RECEIPT_METHODS = [
  'card',
  'ach',
  'wire',
  'check',
  'cash',
  'marketplace',
  'other',
] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

export const paymentSchema = z.strictObject({
  id,
  invoice: id,
  amount: positiveDecimal,
  date: isoDate,
  method: z.enum(RECEIPT_METHODS),
  reference: z.string().default(''),
});
export type Payment = z.infer<typeof paymentSchema>;
