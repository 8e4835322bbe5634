/**
 * Reading a bundle's JSON as a stream: each top-level section is handed over whole
 * (they are small: plans, customers, invoices…), but `usage` one event at a time, so
 * that a bundle of millions of events never sits in memory. A bundle already parsed
 * (the demo, a test, the app) goes through the same visitor.
 */
import { JSONParser } from '@streamparser/json';
import { UserError } from '../domain/errors';

export interface BundleVisitor {
  /** A top-level member other than `usage`'s events: the section's whole value. */
  section(name: string, value: unknown): void;
  /** One element of the `usage` array, `index` counting from 0 in file order. */
  usageEvent(index: number, value: unknown): void;
  /** What is wrong with the document's structure, at a JSON path (`usage`, or '' for the whole). */
  problem(path: string, message: string): void;
}

const USAGE = 'usage';
const NOT_AN_OBJECT = 'must be a JSON object of sections, such as {"format": …}';
const USAGE_NOT_AN_ARRAY = 'must be an array of events';

/** Hands the sections and usage events of a bundle already in memory to `visitor`. */
export function visitBundleValue(bundle: unknown, visitor: BundleVisitor): void {
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) {
    visitor.problem('', NOT_AN_OBJECT);
    return;
  }
  for (const [name, value] of Object.entries(bundle)) {
    if (name === USAGE && Array.isArray(value)) {
      value.forEach((event: unknown, index) => visitor.usageEvent(index, event));
    } else if (name === USAGE && value !== undefined) {
      visitor.problem(USAGE, USAGE_NOT_AN_ARRAY);
    } else {
      visitor.section(name, value);
    }
  }
}

/**
 * Parses the JSON text arriving in `chunks` (bytes or text) and hands its sections
 * and usage events to `visitor` as they complete; `onChunk` is told each chunk's size
 * once it has been parsed. Memory holds one section or one event at a time. Invalid
 * JSON is a UserError naming `source` and the byte where it breaks.
 */
export async function visitBundleStream(
  chunks: AsyncIterable<Uint8Array | string>,
  source: string,
  visitor: BundleVisitor,
  onChunk: (bytes: number) => void = () => undefined,
): Promise<void> {
  // `$.usage.*` emits each event; `$.*` every section, `usage` too, once its events
  // are gone.
  const parser = new JSONParser({ paths: ['$.*', `$.${USAGE}.*`], keepStack: false });
  const seen = new Set<string>();
  let failure: unknown = undefined;
  parser.onValue = ({ value, key, parent, stack }) => {
    try {
      if (stack.length === 2 && stack[1]?.key === USAGE) {
        // Handed over and dropped: the usage array never holds more than one event.
        if (typeof key === 'number' && !seen.has(USAGE)) visitor.usageEvent(key, value);
        if (Array.isArray(parent)) parent.length = 0;
        return;
      }
      if (typeof key === 'number') throw new UserError(`${source} ${NOT_AN_OBJECT}.`);
      const name = String(key);
      // A repeated member would silently replace the first (JSON.parse keeps the last).
      if (seen.has(name)) visitor.problem(name, 'appears twice in the bundle');
      else if (name !== USAGE) visitor.section(name, value);
      else if (!Array.isArray(value)) visitor.problem(USAGE, USAGE_NOT_AN_ARRAY);
      seen.add(name);
    } catch (error) {
      failure = error;
      throw error;
    }
  };
  let bytesParsed = 0;
  let started = false;
  const feed = (step: () => void): void => {
    try {
      step();
    } catch (error) {
      if (error === failure) throw error;
      throw syntaxError(source, error, bytesParsed);
    }
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : null;
    const bytes = text === null ? (chunk as Uint8Array) : Buffer.from(text);
    if (!started) {
      const first = bytes.findIndex((byte) => !WHITESPACE.has(byte));
      if (first >= 0 && bytes[first] !== OPEN_BRACE) {
        throw new UserError(`${source} ${NOT_AN_OBJECT}.`);
      }
      started = first >= 0;
    }
    feed(() => parser.write(bytes));
    bytesParsed += bytes.byteLength;
    onChunk(bytes.byteLength);
  }
  if (!started) throw new UserError(`${source} is empty: a bundle is a JSON object.`);
  if (!parser.isEnded) feed(() => parser.end());
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const OPEN_BRACE = 0x7b;

function syntaxError(source: string, error: unknown, bytesBeforeChunk: number): UserError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ended in the middle|not all the data/i.test(message)) {
    return new UserError(
      `${source} is not valid JSON: it ends before the document does (is the file cut short?).`,
    );
  }
  const at = /absolute position "(\d+)"/.exec(message)?.[1];
  const where = at === undefined ? `after byte ${bytesBeforeChunk}` : `at byte ${at}`;
  // The tokenizer quotes the character raw, the token parser as JSON.
  const character = /^Unexpected "(.*)" at chunk position/s.exec(message)?.[1];
  const token = /^Unexpected \w+ \((.*)\) in state/s.exec(message)?.[1];
  const what = character === undefined ? (token ?? message) : JSON.stringify(character);
  return new UserError(`${source} is not valid JSON: unexpected ${what} ${where}.`);
}
