/**
 * Text that came from a file (a customer's name, an event id, a CSV cell) reaches the
 * terminal only escaped: a raw control character could move the cursor, recolour or
 * clear the screen, rewrite the window title, or fake an output line, and the
 * bidirectional controls can make text read differently from what it holds.
 */

/** C0 controls, DEL, C1 controls, and the bidirectional embedding, override and isolate marks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, but line breaks pass: for whole blocks of output the CLI laid out itself. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCharacter(character: string): string {
  return NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One value for the terminal: every control character written as an escape (`\n`, `\u001b`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** A block of output for the terminal: its lines kept, every other control character escaped. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeCharacter);
}
