/**
 * Money on screen. Amounts arrive as the invoice's own decimal strings and go to
 * Intl.NumberFormat as strings, which formats them exactly: never through a binary
 * float. The currency decides the decimals (JPY 0, BHD 3), the locale the symbols.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimalText(text: string): text is `${number}` {
  return DECIMAL.test(text);
}

/** `formatMoney('1234.5', 'EUR', 'de-DE')` → `1.234,50 €`. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!isDecimalText(amount)) throw new Error(`'${amount}' is not a decimal amount`);
  return currencyFormat(currency, locale).format(amount);
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
