/**
 * Reading a bank or processor row as a payment: its amount and date as banks write
 * them, and which invoice its reference text names.
 */
import { isValidDate } from './dates';

/** The text encodings a bank file is read in: UTF-8, and the Windows-1252 European banks still write. */
export const BANK_FILE_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type BankFileEncoding = (typeof BANK_FILE_ENCODINGS)[number];

export type Parsed<T> = { value: T } | { reason: string };

const PLAIN = /^[+-]?\d+(\.\d+)?$/;
/** `1,234.56`: commas grouping thousands. */
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** `1.234,56` or `12,50`: the decimal comma of most of Europe. */
const DECIMAL_COMMA = /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$/;

/**
 * A signed decimal amount ("-12.50"). With `decimalComma` the comma separates the
 * decimals and dots group thousands (`1.234,56`); without it a comma is read only as a
 * thousands separator (`1,234.56`), and `12,50` is refused rather than guessed.
 */
export function parseBankAmount(text: string, decimalComma: boolean): Parsed<string> {
  const compact = text.replace(/[\s\u00a0']/g, '');
  if (decimalComma) {
    if (DECIMAL_COMMA.test(compact)) {
      return { value: compact.replace(/\./g, '').replace(',', '.').replace(/^\+/, '') };
    }
  } else if (PLAIN.test(compact) || GROUPED_POINT.test(compact)) {
    return { value: compact.replace(/,/g, '').replace(/^\+/, '') };
  } else if (DECIMAL_COMMA.test(compact)) {
    return { reason: `amount '${text}' has a decimal comma; import the file with --decimal-comma` };
  }
  return { reason: `amount '${text}' is not an amount` };
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;

/**
 * A booking date: ISO (`2026-11-20`, or a processor's `2026-11-20 10:15:00`, whose day
 * is taken) or the day-first dotted form of European banks (`20.11.2026`, or `20.11.26`
 * as some German savings banks write it, read as 2026). Slashed
 * dates are refused: `03/04/2026` is March in one country and April in the next.
 */
export function parseBankDate(text: string): Parsed<string> {
  const iso = ISO_DATE_TIME.exec(text);
  const dotted = DOTTED.exec(text);
  const date =
    iso?.[1] ??
    (dotted
      ? `${dotted[3]?.padStart(4, '20')}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}`
      : null);
  if (date === null || !isValidDate(date)) {
    return { reason: `date '${text}' is not a date such as 2026-11-20 or 20.11.2026` };
  }
  return { value: date };
}

/** Letters and digits only, upper case: how a number is compared with reference text. */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/**
 * Finds invoice numbers in free reference text ("Rechnung INV-2026-00001 Danke"). Banks
 * drop or change separators ("INV 2026 00001", "INV202600001"), so numbers are compared
 * on their letters and digits, and must start and end where a word of the text does:
 * `INV-2026-0001` is not found inside `INV-2026-00012`.
 */
export class InvoiceNumberFinder {
  private readonly byKey = new Map<string, string>();
  private longest = 0;

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = compact(name);
      if (key === '') continue;
      this.byKey.set(key, name);
      this.longest = Math.max(this.longest, key.length);
    }
  }

  /** The distinct invoices the text names, in the order they appear. */
  find(text: string): string[] {
    const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    const found: string[] = [];
    for (let first = 0; first < words.length; first++) {
      let key = '';
      for (let last = first; last < words.length && key.length < this.longest; last++) {
        key += (words[last] as string).toUpperCase();
        const name = this.byKey.get(key);
        if (name !== undefined && !found.includes(name)) found.push(name);
      }
    }
    return found;
  }
}
