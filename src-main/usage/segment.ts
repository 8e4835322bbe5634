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
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UsageEvent } from '../domain/model';
import type { RatedUsageEvent } from '../domain/usage';
import { eventKeyHash } from './keyHash';

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

/** The fields of one stored line, still escaped. */
function splitLine(line: string, file: string): string[] {
  const fields = line.split('\t');
  if (fields.length !== 8)
    throw new Error(`Usage segment ${file} has a damaged line: ${line.slice(0, 80)}`);
  return fields;
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

function parseProperties(json: string): Record<string, string | number> {
  return json === '' ? {} : (JSON.parse(json) as Record<string, string | number>);
}

export function decodeRatedEvent(line: string, file: string, batchSeq: number): RatedUsageEvent {
  const [source, eventId, customer, meter, quantity, time, , properties] = splitLine(
    line,
    file,
  ) as [string, string, string, string, string, string, string, string];
  return {
    source: source === '' ? null : unescapeText(source),
    event_id: unescapeText(eventId),
    customer: unescapeText(customer),
    meter: unescapeText(meter),
    quantity,
    time: Number(time),
    properties: parseProperties(properties),
    batch_seq: batchSeq,
  };
}

/** The event as a bundle's `usage` entry, with its original timestamp. */
export function decodeBundleEvent(line: string, file: string): UsageEvent {
  const [source, eventId, customer, meter, quantity, time, timestamp, properties] = splitLine(
    line,
    file,
  ) as [string, string, string, string, string, string, string, string];
  return {
    event_id: unescapeText(eventId),
    source: source === '' ? null : unescapeText(source),
    customer: unescapeText(customer),
    meter: unescapeText(meter),
    quantity,
    timestamp:
      timestamp === '' ? new Date(Number(time)).toISOString().replace('.000Z', 'Z') : timestamp,
    properties: parseProperties(properties),
  };
}

/** A fresh, unguessable suffix so that no two imports, even in two processes, pick one name. */
export function fileTag(): string {
  return randomBytes(4).toString('hex');
}

/** Bytes gathered before each write to the file. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes one new file (never an existing one, unless `replace`) through a 1 MiB
 * buffer, hashing what it writes. Synchronous because the CSV parser hands rows over
 * in a callback that cannot wait; each write to the file is one call for a megabyte.
 */
export class FileWriter {
  readonly path: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private written = 0;

  /** `replace` overwrites an existing file (a rejects file); store files are always new. */
  constructor(path: string, { replace = false } = {}) {
    mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.fd = openSync(path, replace ? 'w' : 'wx');
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) return this.writeBytes(Buffer.from(text));
    }
    this.used += this.buffer.write(text, this.used);
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.output(bytes);
  }

  private output(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.written += bytes.length;
    writeSync(this.fd, bytes);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.output(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes what is pending, makes it durable and closes the file. */
  finish(): { bytes: number; sha256: string } {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  /** Closes the file without making it durable (it is about to be deleted). */
  abandon(): void {
    closeSync(this.fd);
  }
}

/** Makes the names of files just created in a folder durable. */
export function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
