/**
 * The JSON usage formats (usage-import.md, "Formats"): NDJSON shaped as the bundle's
 * `usage` entries, CloudEvents and Lago events. Each is read either as one value per
 * line (the row is the line) or as one JSON array (the row is the index + 1), the
 * array streamed by @streamparser/json so the file is never held whole.
 */
import { JSONParser } from '@streamparser/json';
import type { Readable } from 'node:stream';
import { UserError } from '../../domain/errors';
import { FileWriter } from '../../store/file-writer';
import { lineBatches } from '../text';
import { EVENT_FIELDS, OWN_FIELD_LABELS, type FormatRules, type RawUsage } from '../validate';
import { rowReason, type RowSink } from './types';

/** A rejects file line's own member, which every JSON format ignores on import. */
const REASON = 'reason';

type JsonObject = Record<string, unknown>;

export interface JsonFormat {
  rules: FormatRules;
  toRaw(value: JsonObject): RawUsage;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property value as the store keeps it: strings and numbers as they are, anything else as text. */
function propertyValue(value: unknown): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** Foreign formats' property maps: every value kept, made flat; `skip` is the member used as quantity. */
function flatProperties(source: JsonObject, skip: string | null): string {
  const properties: Record<string, string | number> = {};
  let any = false;
  for (const [name, value] of Object.entries(source)) {
    const flat = name === skip ? undefined : propertyValue(value);
    if (flat === undefined) continue;
    properties[name] = flat;
    any = true;
  }
  return any ? JSON.stringify(properties) : '';
}

function quantityMember(source: JsonObject): string | null {
  if (source.quantity !== undefined && source.quantity !== null) return 'quantity';
  if (source.value !== undefined && source.value !== null) return 'value';
  return null;
}

const NDJSON_FIELDS = new Set<string>([...EVENT_FIELDS, 'properties', REASON]);

/** Our own shape, validated as strictly as a bundle's `usage` entries. */
export const NDJSON: JsonFormat = {
  rules: {
    labels: OWN_FIELD_LABELS,
    defaultQuantity: 'never',
    unixSeconds: false,
  },
  toRaw(value) {
    const problems = Object.keys(value)
      .filter((name) => !NDJSON_FIELDS.has(name))
      .map((name) => `unknown field '${name}'`);
    let properties = '';
    if (value.properties !== undefined && value.properties !== null) {
      if (!isObject(value.properties)) problems.push('properties must be an object');
      else {
        for (const [name, property] of Object.entries(value.properties)) {
          if (typeof property !== 'string' && typeof property !== 'number') {
            problems.push(`properties.${name} must be a string or a number`);
          }
        }
        if (Object.keys(value.properties).length > 0) properties = JSON.stringify(value.properties);
      }
    }
    return {
      event_id: value.event_id,
      source: value.source,
      customer: value.customer,
      meter: value.meter,
      quantity: value.quantity,
      timestamp: value.timestamp,
      properties,
      problem: problems.length > 0 ? problems.join('; ') : null,
    };
  },
};

/** CloudEvents as OpenMeter stores them; other context attributes are ignored. */
export const CLOUDEVENTS: JsonFormat = {
  rules: {
    labels: {
      event_id: 'id',
      source: 'source',
      customer: 'subject',
      meter: 'type',
      quantity: 'data.quantity',
      timestamp: 'time',
    },
    defaultQuantity: 'count-meters',
    unixSeconds: false,
  },
  toRaw(value) {
    const data = value.data ?? {};
    const usable = isObject(data) ? data : {};
    const member = quantityMember(usable);
    return {
      event_id: value.id,
      source: value.source,
      customer: value.subject,
      meter: value.type,
      quantity: member === null ? undefined : usable[member],
      timestamp: value.time,
      properties: flatProperties(usable, member),
      problem: isObject(data) ? null : 'data must be a JSON object',
    };
  },
};

/** Lago's event payload; Lago has no source, so events take the default source. */
export const LAGO: JsonFormat = {
  rules: {
    labels: {
      event_id: 'transaction_id',
      source: 'source',
      customer: 'external_customer_id',
      meter: 'code',
      quantity: 'properties.quantity',
      timestamp: 'timestamp',
    },
    defaultQuantity: 'always',
    unixSeconds: true,
  },
  toRaw(value) {
    const properties = value.properties ?? {};
    const usable = isObject(properties) ? properties : {};
    const member = quantityMember(usable);
    return {
      event_id: value.transaction_id,
      source: undefined,
      customer: value.external_customer_id,
      meter: value.code,
      quantity: member === null ? undefined : usable[member],
      timestamp: value.timestamp,
      properties: flatProperties(usable, member),
      problem: isObject(properties) ? null : 'properties must be a JSON object',
    };
  },
};

/** Rejected values, one per line with their reason: it imports again once fixed. */
export class JsonRejects {
  private writer: FileWriter | null = null;

  constructor(private readonly path: string) {}

  write(value: unknown, reason: string): void {
    this.writer ??= new FileWriter(this.path, { replace: true });
    const line = isObject(value)
      ? { ...value, [REASON]: reason }
      : { [REASON]: reason, invalid: value };
    this.writer.write(`${JSON.stringify(line)}\n`);
  }

  close(): string | null {
    this.writer?.finish();
    return this.writer?.path ?? null;
  }
}

export interface JsonOptions {
  /** One JSON array, or one value per line. */
  array: boolean;
  rejectsPath: string | null;
}

/** Hands one JSON value (row `row`) to the sink, writing it to the rejects file if rejected. */
export function jsonRowHandler(
  format: JsonFormat,
  sink: RowSink,
  rejects: JsonRejects | null,
): (row: number, value: unknown) => void {
  return (row, value) => {
    sink.rows++;
    if (!isObject(value)) {
      const reason = 'expected a JSON object';
      sink.unreadable(row, reason);
      rejects?.write(value, rowReason(row, reason));
      return;
    }
    const reason = sink.row(row, format.toRaw(value));
    if (reason !== null) rejects?.write(value, rowReason(row, reason));
  };
}

/** Reads every value; returns the rejects file written, if any. */
export async function readJson(
  text: Readable,
  format: JsonFormat,
  options: JsonOptions,
  sink: RowSink,
): Promise<string | null> {
  const rejects = options.rejectsPath === null ? null : new JsonRejects(options.rejectsPath);
  const handle = jsonRowHandler(format, sink, rejects);
  try {
    if (options.array) await readArray(text, handle);
    else await readLines(text, handle, sink, rejects);
  } catch (error) {
    rejects?.close();
    throw error;
  }
  return rejects?.close() ?? null;
}

/** One JSON value per line; a line that is no JSON is rejected on its own. */
async function readLines(
  text: Readable,
  handle: (row: number, value: unknown) => void,
  sink: RowSink,
  rejects: JsonRejects | null,
): Promise<void> {
  let line = 0;
  for await (const lines of lineBatches(text)) {
    for (const content of lines) {
      line++;
      if (content.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(content);
      } catch (error) {
        sink.rows++;
        const reason = `not valid JSON (${(error as Error).message})`;
        sink.unreadable(line, reason);
        rejects?.write(content, rowReason(line, reason));
        continue;
      }
      handle(line, value);
    }
  }
}

async function readArray(
  text: Readable,
  handle: (row: number, value: unknown) => void,
): Promise<void> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  // Errors of our own raised inside the parser's callback pass through as they are.
  let ours: unknown = undefined;
  parser.onValue = ({ value, key }) => {
    try {
      if (typeof key !== 'number')
        throw new UserError('The file is neither a JSON array of events nor one event per line.');
      handle(key + 1, value);
    } catch (error) {
      ours = error;
      throw error;
    }
  };
  const feed = (step: () => void): void => {
    try {
      step();
    } catch (error) {
      if (error === ours) throw error;
      throw new UserError(`The file is not valid JSON: ${(error as Error).message}`);
    }
  };
  for await (const piece of text) feed(() => parser.write(piece as string));
  if (!parser.isEnded) feed(() => parser.end());
}
