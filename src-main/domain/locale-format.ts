/**
 * Amounts, prices, quantities and dates as a person reads them, in the seller's locale:
 * the one formatter behind `show`, the CLI's tables, the PDFs and the app's screens
 * (pure: no Node module, so the renderer imports it too).
 *
 * Amounts are the invoice's decimal strings and are handed to Intl.NumberFormat as
 * strings: since ES2023 (Node 20, Chromium) a string is formatted as the exact decimal
 * it writes, never through a binary float, so `12345678901234567.89` prints every digit.
 */
import { minorUnits } from './currency';

export const DEFAULT_LOCALE = 'en-US';

/** Up to 20 decimals: a unit price or a quantity keeps every digit it was stored with. */
const MAX_DECIMALS = 20;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let cached = formatters.get(key);
  if (!cached) {
    cached = make();
    formatters.set(key, cached);
  }
  return cached;
}

/** `StringNumericLiteral` is what TypeScript lets Intl.NumberFormat take as an exact decimal. */
function exact(value: string): Intl.StringNumericLiteral {
  return value as Intl.StringNumericLiteral;
}

/** A money amount with the currency's symbol and exactly its minor unit's decimals: `€1,234.50`, `1.234,50 €`, `¥1,235`. */
export function formatAmount(amount: string, currency: string, locale = DEFAULT_LOCALE): string {
  const places = minorUnits(currency);
  return formatter(`amount|${locale}|${currency}`, () =>
    currencyFormat(locale, currency, places, places),
  ).format(exact(amount));
}

/** `formatAmount` bound to a locale, for a command that prints amounts of several currencies. */
export function moneyIn(locale: string): (amount: string, currency: string) => string {
  return (amount, currency) => formatAmount(amount, currency, locale);
}

/**
 * A unit price: at least the currency's decimals, and as many more as the price has
 * (`$0.0004` per API call), since rounding it would misstate the rate.
 */
export function formatUnitPrice(price: string, currency: string, locale = DEFAULT_LOCALE): string {
  return formatter(`price|${locale}|${currency}`, () =>
    currencyFormat(locale, currency, minorUnits(currency), MAX_DECIMALS),
  ).format(exact(price));
}

/** A quantity with the locale's grouping and decimal mark, every decimal kept: `1,350,000`, `2,5`. */
export function formatQuantity(quantity: string, locale = DEFAULT_LOCALE): string {
  return formatter(
    `quantity|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: MAX_DECIMALS }),
  ).format(exact(quantity));
}

/** A percentage rate as stored ("19", "8.875") with the locale's percent sign: `19%`, `8,875 %`. */
export function formatPercent(rate: string, locale = DEFAULT_LOCALE): string {
  // The rate is in percent already; scaling its text by 100 would need no float, but
  // the unit style states it without scaling at all.
  return formatter(
    `percent|${locale}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: 'percent',
        maximumFractionDigits: MAX_DECIMALS,
      }),
  ).format(exact(rate));
}

/** A calendar date (`YYYY-MM-DD`) in the locale's medium style: `Nov 3, 2026`, `03.11.2026`. */
export function formatDate(date: string, locale = DEFAULT_LOCALE): string {
  const dateFormat = dateFormats.get(locale) ?? makeDateFormat(locale);
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function makeDateFormat(locale: string): Intl.DateTimeFormat {
  const made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  dateFormats.set(locale, made);
  return made;
}

/** Whether Intl knows the locale tag (settings refuse one it would silently replace). */
export function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

function currencyFormat(
  locale: string,
  currency: string,
  minimumFractionDigits: number,
  maximumFractionDigits: number,
): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits,
    maximumFractionDigits,
  });
}
