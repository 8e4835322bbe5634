/**
 * Money on screen. Amounts arrive as the invoice's own decimal strings and go to
 * Intl.NumberFormat as strings, which formats them exactly: never through a binary
 * float. The currency decides the decimals (JPY 0, BHD 3), the locale the symbols.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  return cached(
    `amount|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
}

/** Every decimal a unit price or a quantity was stored with is kept. */
const MAX_DECIMALS = 20;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimalText(text: string): text is `${number}` {
  return DECIMAL.test(text);
}

function exact(value: string): `${number}` {
  if (!isDecimalText(value)) throw new Error(`'${value}' is not a decimal number`);
  return value;
}

/** `formatAmount('1234.5', 'EUR', 'de-DE')` → `1.234,50 €`. */
export function formatAmount(amount: string, currency: string, locale: string): string {
  return currencyFormat(currency, locale).format(exact(amount));
}

/** A unit price keeps its extra decimals (`$0.0004`): rounding it would misstate the rate. */
export function formatUnitPrice(price: string, currency: string, locale: string): string {
  return cached(
    `price|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: MAX_DECIMALS,
      }),
  ).format(exact(price));
}

/** A quantity with the locale's grouping, every decimal kept: `1,350,000`, `2,5`. */
export function formatQuantity(quantity: string, locale: string): string {
  return cached(
    `quantity|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: MAX_DECIMALS }),
  ).format(exact(quantity));
}

/** How many decimals the currency's minor unit has (2 for EUR, 0 for JPY, 3 for BHD). */
export function currencyDecimals(currency: string): number {
  return currencyFormat(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2;
}

/** The characters a locale writes between whole and fraction, and between groups. */
export function numberSeparators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/** The currency's symbol as the locale writes it (`€`, `US$`, `¥`). */
export function currencySymbol(currency: string, locale: string): string {
  return (
    currencyFormat(currency, locale)
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? currency
  );
}

export type MoneyParse = { ok: true; amount: string } | { ok: false; error: string };

/**
 * Reads what a person typed into a money field, in their locale ("1.234,50" in de-DE),
 * into a plain decimal string ("1234.50"). Refuses, with one sentence, text that is no
 * amount, a negative amount and more decimals than the currency has.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): MoneyParse {
  const { decimal, group } = numberSeparators(locale);
  const compact = text.trim().replace(/\s/g, '').split(group).join('');
  const normalized = decimal === '.' ? compact : compact.split(decimal).join('.');
  if (normalized === '') return { ok: false, error: 'Enter an amount.' };
  if (normalized.startsWith('-')) return { ok: false, error: 'The amount must not be negative.' };
  if (!isDecimalText(normalized)) {
    return { ok: false, error: `'${text.trim()}' is not an amount such as ${example(locale)}.` };
  }
  const places = normalized.includes('.') ? normalized.length - normalized.indexOf('.') - 1 : 0;
  const allowed = currencyDecimals(currency);
  if (places > allowed) {
    return {
      ok: false,
      error:
        allowed === 0
          ? `${currency} has no decimals.`
          : `${currency} has at most ${allowed} decimals.`,
    };
  }
  return { ok: true, amount: normalized.replace(/^0+(?=\d)/, '') };
}

function example(locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1234.5);
}

/** Whether two decimal strings are the same number ("1450" and "1450.00" are). */
export function sameDecimal(a: string, b: string): boolean {
  const canonical = (text: string) =>
    text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return canonical(a) === canonical(b);
}

/** A plain decimal ("1234.50") as a person of the locale types it ("1234,50"), to prefill a field. */
export function moneyInputText(amount: string, locale: string): string {
  return amount.replace('.', numberSeparators(locale).decimal);
}
