/**
 * The few properties a bill run reads (a `unique_count` field, `amount`) picked out
 * of an event's stored properties (segment.ts: JSON, '' for none) without
 * `JSON.parse`. `JSON.parse` of every payment's and seat's properties was the largest
 * cost of reading a period: it makes every key and value a string (keys looked up in
 * V8's string table) for the one value rating reads. Measured: a hand-written parser
 * that builds the whole object costs as much as `JSON.parse`; skipping what is not
 * asked for is what pays.
 *
 * The fast path takes the form the importer writes nearly always, `JSON.stringify` of
 * one flat object whose strings need no escape. Anything else (an escape, white
 * space, nesting, `true`, text that is no JSON) goes to `JSON.parse`, so the result,
 * or the error, is always that of `JSON.parse` with only the names asked for kept.
 */

export type Properties = Record<string, string | number>;

const QUOTE = 34;
const COMMA = 44;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_1 = 49;
const DIGIT_9 = 57;
const COLON = 58;
const UPPER_E = 69;
const BACKSLASH = 92;
const LOWER_E = 101;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** Below this, a character is a control character, which JSON strings write escaped. */
const SPACE = 32;

/**
 * Whether `pickProperties` can keep `names`: a `__proto__` key is an own property of
 * `JSON.parse`'s result, but assigning it sets a prototype, so such names take the
 * whole object instead.
 */
export function canPick(names: ReadonlySet<string>): boolean {
  return !names.has('__proto__');
}

/** `text[start, end)` (properties JSON, '' for none) as `JSON.parse` reads it, keeping only `names`. */
export function pickProperties(
  text: string,
  start: number,
  end: number,
  names: ReadonlySet<string>,
): Properties {
  if (start === end) return {};
  return pickFlat(text, start, end, names) ?? pickParsed(text.slice(start, end), names);
}

function pickParsed(json: string, names: ReadonlySet<string>): Properties {
  const all = JSON.parse(json) as Properties | null;
  // Not an object (the importer never writes one): what reading it whole gave.
  if (typeof all !== 'object' || all === null) return all as unknown as Properties;
  const picked: Properties = {};
  for (const name of names) {
    if (Object.hasOwn(all, name)) picked[name] = all[name] as string | number;
  }
  return picked;
}

/** The fast path: null when the text is not a flat object of plain strings and numbers. */
function pickFlat(
  text: string,
  start: number,
  end: number,
  names: ReadonlySet<string>,
): Properties | null {
  if (text.charCodeAt(start) !== OPEN_BRACE || text.charCodeAt(end - 1) !== CLOSE_BRACE) {
    return null;
  }
  const picked: Properties = {};
  let at = start + 1;
  if (at === end - 1) return picked;
  for (;;) {
    const keyEnd = plainStringEnd(text, at, end);
    if (keyEnd < 0 || text.charCodeAt(keyEnd) !== COLON) return null;
    const valueStart = keyEnd + 1;
    const isString = text.charCodeAt(valueStart) === QUOTE;
    const valueEnd = isString
      ? plainStringEnd(text, valueStart, end)
      : jsonNumberEnd(text, valueStart, end);
    if (valueEnd < 0) return null;
    const name = wantedName(text, at + 1, keyEnd - 1, names);
    if (name !== null) {
      picked[name] = isString
        ? copiedString(text, valueStart, valueEnd)
        : Number(text.slice(valueStart, valueEnd));
    }
    const next = text.charCodeAt(valueEnd);
    if (next === CLOSE_BRACE && valueEnd === end - 1) return picked;
    if (next !== COMMA) return null;
    at = valueEnd + 1;
  }
}

/** Below this length V8 copies a slice; a longer one keeps the whole piece of segment alive. */
const COPIED_SLICE = 13;

/**
 * The JSON string `text[start, end)` (quotes included, no escape) as a string of its
 * own: a `unique_count` keeps its values for the whole read.
 */
function copiedString(text: string, start: number, end: number): string {
  return end - start - 2 < COPIED_SLICE
    ? text.slice(start + 1, end - 1)
    : (JSON.parse(text.slice(start, end)) as string);
}

/** The name among `names` that `text[start, end)` spells, or null. */
function wantedName(
  text: string,
  start: number,
  end: number,
  names: ReadonlySet<string>,
): string | null {
  for (const name of names) {
    if (name.length === end - start && text.startsWith(name, start)) return name;
  }
  return null;
}

/**
 * Just past the closing quote of the JSON string opening at `at`, or -1 when there is
 * none before `end` or the string holds a backslash or a control character (an
 * escape, or text `JSON.parse` refuses: either way `JSON.parse` decides).
 */
function plainStringEnd(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  for (let index = at + 1; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) return index + 1;
    if (code === BACKSLASH || code < SPACE) return -1;
  }
  return -1;
}

function isDigit(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at);
  return at < end && code >= DIGIT_0 && code <= DIGIT_9;
}

function digitsEnd(text: string, at: number, end: number): number {
  let index = at;
  while (isDigit(text, index, end)) index += 1;
  return index;
}

/**
 * Just past the JSON number starting at `at` (RFC 8259 §6: `-? (0 | [1-9][0-9]*)
 * (. [0-9]+)? ([eE] [+-]? [0-9]+)?`), or -1. `Number` reads such text as `JSON.parse` does.
 */
function jsonNumberEnd(text: string, at: number, end: number): number {
  let index = text.charCodeAt(at) === MINUS ? at + 1 : at;
  if (!isDigit(text, index, end)) return -1;
  index = text.charCodeAt(index) < DIGIT_1 ? index + 1 : digitsEnd(text, index, end);
  if (index < end && text.charCodeAt(index) === DOT) {
    if (!isDigit(text, index + 1, end)) return -1;
    index = digitsEnd(text, index + 1, end);
  }
  const exponent = text.charCodeAt(index);
  if (index < end && (exponent === LOWER_E || exponent === UPPER_E)) {
    const sign = text.charCodeAt(index + 1);
    index += sign === PLUS || sign === MINUS ? 2 : 1;
    if (!isDigit(text, index, end)) return -1;
    index = digitsEnd(text, index, end);
  }
  return index;
}
