import type { Settings } from '../domain/model';

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

/** The key of a counter: the format rendered for the year, without the sequence part. */
export function sequencePrefix(format: string, year: string): string {
  return format.replaceAll('{YYYY}', year).replace(/\{SEQ(?::\d+)?\}/, '');
}
