/**
 * Numbers written the way a spreadsheet or a person writes them, told apart so the
 * message says what to change: the desk's decimals are plain, with a dot and no
 * thousands separator (`1200.50`).
 */

const THOUSANDS = /^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const EUROPEAN = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const DECIMAL_COMMA = /^(\d+),(\d+)$/;

/**
 * Why `text` is no plain decimal because of its separators, as the end of a sentence
 * ("has a thousands separator: write it 1200"); null when separators are not the issue.
 */
export function separatorIssue(text: string): string | null {
  const thousands = THOUSANDS.exec(text);
  if (thousands !== null) {
    return `has a thousands separator: write it ${(thousands[1] as string).replaceAll(',', '')}${thousands[2] ?? ''}`;
  }
  const european = EUROPEAN.exec(text);
  if (european !== null) {
    return `has a thousands separator and a decimal comma: write it ${(european[1] as string).replaceAll('.', '')}.${european[2] as string}`;
  }
  const comma = DECIMAL_COMMA.exec(text);
  if (comma !== null) {
    return `has a decimal comma: the decimal separator is a dot (${comma[1] as string}.${comma[2] as string})`;
  }
  return null;
}
