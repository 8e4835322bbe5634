/**
 * Document numbers (billing.md §8): a format such as `INV-{YYYY}-{SEQ:5}` rendered with
 * the issue date's year and the next value of a counter kept per rendered prefix, so
 * the sequence restarts each year when the format holds `{YYYY}`. Numbers are taken
 * only when a document is finalized, which keeps each sequence gapless.
 */
import { UserError } from './errors';
import type { Settings } from './model';

const SEQ = /\{SEQ(?::(\d+))?\}/;

/** The key of a counter: the format rendered for the year, without the sequence part. */
export function sequencePrefix(format: string, year: string): string {
  return format.replaceAll('{YYYY}', year).replace(SEQ, '');
}

export function renderNumber(format: string, issueDate: string, seq: number): string {
  const match = SEQ.exec(format);
  if (!match) {
    throw new UserError(
      `The number format '${format}' has no {SEQ} or {SEQ:n} part for the sequence number.`,
    );
  }
  const width = match[1] === undefined ? 0 : Number(match[1]);
  return format
    .replaceAll('{YYYY}', issueDate.slice(0, 4))
    .replace(SEQ, String(seq).padStart(width, '0'));
}

/** Takes the next number of the format's sequence for the date, advancing the counter. */
export function takeNumber(
  sequences: Record<string, number>,
  format: string,
  issueDate: string,
): string {
  const prefix = sequencePrefix(format, issueDate.slice(0, 4));
  const seq = (sequences[prefix] ?? 0) + 1;
  const number = renderNumber(format, issueDate, seq);
  sequences[prefix] = seq;
  return number;
}

/**
 * The last sequence number per rendered prefix found among restored document
 * numbers, so numbering continues after a restore without a gap or a repeat.
 * A number is matched against the invoice and credit-note formats of the settings.
 */
export function sequencesFromNumbers(
  settings: Settings,
  numbers: readonly string[],
): Record<string, number> {
  const formats = [settings.invoice_number_format, settings.credit_note_number_format].map(
    formatPattern,
  );
  const sequences: Record<string, number> = {};
  for (const number of numbers) {
    for (const { regex, prefixOf } of formats) {
      const match = regex.exec(number);
      if (!match?.groups?.seq) continue;
      const prefix = prefixOf(match.groups.year);
      sequences[prefix] = Math.max(sequences[prefix] ?? 0, Number(match.groups.seq));
      break;
    }
  }
  return sequences;
}

function formatPattern(format: string) {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = format
    .split(/(\{YYYY\}|\{SEQ(?::\d+)?\})/)
    .map((part) => {
      if (part === '{YYYY}') return '(?<year>\\d{4})';
      if (part.startsWith('{SEQ')) return '(?<seq>\\d+)';
      return escape(part);
    })
    .join('');
  return {
    regex: new RegExp(`^${source}$`),
    prefixOf: (year: string | undefined) => sequencePrefix(format, year ?? ''),
  };
}
