/**
 * Segment files: the immutable home of stored usage events, one file per (import
 * batch, period) under the store's `usage/` folder (docs/architecture.md, "Usage
 * storage"). One event per line, tab-separated, fields in this order:
 *
 *   source  event_id  customer  meter  quantity  time  timestamp  properties
 *
 * `source` is empty for the default source; `time` is epoch milliseconds (UTC);
 * `timestamp` the original text, kept for the dump, empty when it is exactly
 * `YYYY-MM-DDTHH:MM:SSZ` (nearly always: `time` restores it); `properties` JSON, empty for none.
 * In the text fields a backslash, tab, line feed or carriage return is written `\\`,
 * `\t`, `\n`, `\r`. JSON never holds a raw tab or line break, and a validated
 * timestamp none of the four, so those two are written as they are.
 * Measured faster to write and read than one JSON document per line.
 */
import { randomBytes } from 'node:crypto';
import type { UsageEvent } from '../domain/model';
import type { PeriodReadOptions, RatedUsageEvent } from '../domain/usage';
import { eventKeyHash } from './keyHash';
import { canPick, pickProperties, type Properties } from './properties';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

function unescapeText(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c) : text;
}

/** A validated event in the form it is stored. */
export interface SegmentEvent {
  source: string | null;
  event_id: string;
  customer: string;
  meter: string;
  /** Exact decimal string. */
  quantity: string;
  time: number;
  /** As it came, or '' for `YYYY-MM-DDTHH:MM:SSZ` (restored from `time`). */
  timestamp: string;
  /** The properties as JSON, or '' when there are none. */
  properties: string;
}

export function encodeSegmentLine(event: SegmentEvent): string {
  return `${event.source === null ? '' : escapeText(event.source)}\t${escapeText(event.event_id)}\t${escapeText(
    event.customer,
  )}\t${escapeText(event.meter)}\t${event.quantity}\t${event.time}\t${event.timestamp}\t${
    event.properties
  }\n`;
}

/** Tabs on a line: one between each two of the eight fields. */
const TABS = 7;

function damagedLine(line: string, file: string): Error {
  return new Error(`Usage segment ${file} has a damaged line: ${line.slice(0, 80)}`);
}

/**
 * The positions of the tabs of the line being decoded. Fields are found with indexOf
 * rather than split: a period's million events would otherwise cost eight strings and
 * an array each, when rating reads five of the fields. One array for every line, as a
 * line is decoded whole before the next.
 */
const tabs = new Int32Array(TABS);

/** Finds the tabs of the line `text[start, end)`; throws when it has more or fewer than seven. */
function findTabs(text: string, start: number, end: number, file: string): void {
  let at = start - 1;
  for (let index = 0; index < TABS; index++) {
    at = text.indexOf('\t', at + 1);
    if (at < 0 || at >= end) throw damagedLine(text.slice(start, end), file);
    tabs[index] = at;
  }
  const extra = text.indexOf('\t', at + 1);
  if (extra >= 0 && extra < end) throw damagedLine(text.slice(start, end), file);
}

/** Field `index` (0–7), still escaped, of the line `text[start, end)` whose tabs were found last. */
function fieldOf(text: string, start: number, end: number, index: number): string {
  return text.slice(
    index === 0 ? start : (tabs[index - 1] as number) + 1,
    index === TABS ? end : tabs[index],
  );
}

/**
 * The escaped `source<TAB>event_id` a line starts with: the same text for the same
 * pair, and no other pair's (escaped fields hold no tab). Copied, so that keeping it
 * does not keep alive the whole piece of file its line was cut from.
 */
export function segmentLineKey(line: string, file: string): string {
  return JSON.parse(JSON.stringify(line.slice(0, keyEnd(line, file)))) as string;
}

/** The key hash (keyHash.ts) of a stored line's (source, event_id). */
export function segmentLineKeyHash(line: string, file: string): number {
  const first = line.indexOf('\t');
  const source = line.slice(0, first);
  const eventId = unescapeText(line.slice(first + 1, keyEnd(line, file)));
  return eventKeyHash(source === '' ? null : unescapeText(source), eventId);
}

function keyEnd(line: string, file: string): number {
  const end = line.indexOf('\t', line.indexOf('\t') + 1);
  if (end < 0) throw new Error(`Usage segment ${file} has a damaged line: ${line.slice(0, 80)}`);
  return end;
}

/**
 * The properties of an event whose meter reads none: one object for all of them, frozen
 * so that nobody can change it for the others.
 */
const NO_PROPERTIES: Properties = Object.freeze({});

function parseProperties(json: string): Properties {
  return json === '' ? {} : (JSON.parse(json) as Properties);
}

/**
 * The properties of the line `text[start, end)` whose tabs were found last: all of
 * them, or only `names`.
 */
function propertiesAt(
  text: string,
  start: number,
  end: number,
  names: ReadonlySet<string> | null,
): Properties {
  return names === null
    ? parseProperties(fieldOf(text, start, end, TABS))
    : pickProperties(text, (tabs[TABS - 1] as number) + 1, end, names);
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** Digits that always make an exact double. */
const SAFE_DIGITS = 15;

/** `Number(text.slice(start, end))` without the string when it is plain digits (a `time`). */
function numberAt(text: string, start: number, end: number): number {
  if (start === end || end - start > SAFE_DIGITS) return Number(text.slice(start, end));
  let value = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < DIGIT_0 || code > DIGIT_9) return Number(text.slice(start, end));
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

/**
 * The events of `text`: whole segment lines, the last one possibly without its line
 * break, with the properties `options` asks for (as in `PeriodReadOptions`).
 */
export function decodeRatedEvents(
  text: string,
  file: string,
  batchSeq: number,
  { propertiesOf, propertyNames }: PeriodReadOptions = {},
): RatedUsageEvent[] {
  const names = propertyNames && canPick(propertyNames) ? propertyNames : null;
  const events: RatedUsageEvent[] = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    events.push(decodeRatedLine(text, start, end, file, batchSeq, propertiesOf, names));
    start = end + 1;
  }
  return events;
}

export function decodeRatedEvent(line: string, file: string, batchSeq: number): RatedUsageEvent {
  return decodeRatedLine(line, 0, line.length, file, batchSeq);
}

function decodeRatedLine(
  text: string,
  start: number,
  end: number,
  file: string,
  batchSeq: number,
  propertiesOf?: ReadonlySet<string>,
  names: ReadonlySet<string> | null = null,
): RatedUsageEvent {
  findTabs(text, start, end, file);
  const source = fieldOf(text, start, end, 0);
  const meter = unescapeText(fieldOf(text, start, end, 3));
  return {
    source: source === '' ? null : unescapeText(source),
    event_id: unescapeText(fieldOf(text, start, end, 1)),
    customer: unescapeText(fieldOf(text, start, end, 2)),
    meter,
    quantity: fieldOf(text, start, end, 4),
    time: numberAt(text, (tabs[4] as number) + 1, tabs[5] as number),
    properties:
      !propertiesOf || propertiesOf.has(meter)
        ? propertiesAt(text, start, end, names)
        : NO_PROPERTIES,
    batch_seq: batchSeq,
  };
}

/** The event as a bundle's `usage` entry, with its original timestamp. */
export function decodeBundleEvent(line: string, file: string): UsageEvent {
  findTabs(line, 0, line.length, file);
  const field = (index: number): string => fieldOf(line, 0, line.length, index);
  const source = field(0);
  const timestamp = field(6);
  return {
    event_id: unescapeText(field(1)),
    source: source === '' ? null : unescapeText(source),
    customer: unescapeText(field(2)),
    meter: unescapeText(field(3)),
    quantity: field(4),
    timestamp:
      timestamp === '' ? new Date(Number(field(5))).toISOString().replace('.000Z', 'Z') : timestamp,
    properties: parseProperties(field(7)),
  };
}

/** A fresh, unguessable suffix so that no two imports, even in two processes, pick one name. */
export function fileTag(): string {
  return randomBytes(4).toString('hex');
}
