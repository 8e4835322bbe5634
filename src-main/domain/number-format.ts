/**
 * The document number formats of the settings (`INV-{YYYY}-{SEQ:5}`), checked when
 * they are loaded rather than when the first invoice is finalized: a format without
 * its sequence number would number every invoice alike, and a number becomes a file
 * name (a PDF, an e-mail attachment), so it must be one.
 */

/** `{YYYY}`, `{SEQ}` or `{SEQ:n}`: the placeholders a format may hold. */
export const PLACEHOLDER = /\{(?:YYYY|SEQ(?::(\d+))?)\}/g;

/** Widths beyond this are a typo: twelve digits number a trillion documents a year. */
export const MAX_SEQ_WIDTH = 12;
const MAX_LENGTH = 64;

/** Path separators, characters no Windows file name holds, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const NOT_IN_FILE_NAME = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/;

/** Why the format cannot number documents, as the end of a sentence; null when it can. */
export function numberFormatIssue(format: string): string | null {
  if (format.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  const literal = format.replace(PLACEHOLDER, '');
  const bad = NOT_IN_FILE_NAME.exec(literal);
  if (bad !== null) {
    return `holds ${JSON.stringify(bad[0])}, which a number cannot: numbers name files (PDFs, attachments)`;
  }
  const sequences = [...format.matchAll(PLACEHOLDER)].filter((m) => m[0].startsWith('{SEQ'));
  if (sequences.length !== 1) {
    return sequences.length === 0
      ? 'has no {SEQ} or {SEQ:n} part for the sequence number'
      : 'has more than one {SEQ} part';
  }
  const width = sequences[0]?.[1];
  if (width !== undefined && (Number(width) < 1 || Number(width) > MAX_SEQ_WIDTH)) {
    return `pads the sequence to ${width} digits; use a width from 1 to ${MAX_SEQ_WIDTH}`;
  }
  const unknown = /\{[^}]*\}?/.exec(literal);
  if (unknown !== null) {
    return `holds '${unknown[0]}', which is no placeholder; a format knows {YYYY}, {SEQ} and {SEQ:n}`;
  }
  return null;
}
