/**
 * CSV cells a spreadsheet would run as a formula ("CSV injection"): a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`,
 * which spreadsheets take as "this is text" and do not show. A plain number such as
 * `-12.50` is left as it is: it is no formula, and an export's amounts must stay
 * numbers. Every CSV the desk writes passes its cells through `spreadsheetSafeCell`;
 * the desk's CSV readers undo it with `unescapeSpreadsheetCell`, so a file the desk
 * wrote (a rejects file, fixed) imports as it was.
 */

/**
 * Apostrophes already before such a character get one more, so that reading back
 * (one apostrophe less) gives every cell exactly as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

export function spreadsheetSafeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The cell as it was before `spreadsheetSafeCell`. */
export function unescapeSpreadsheetCell(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}
