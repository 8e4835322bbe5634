/**
 * The usage formats and how one is recognized from the start of a file when the
 * user names none: JSON (an array, or one value per line) by its first character,
 * and then which JSON shape by the member names it uses; anything else is CSV.
 */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { TextInput } from '../text';
import { UserError } from '../../domain/errors';
import { USAGE_FORMATS, type UsageFormat } from '../../domain/usage';
import { detectDelimiter, readCsv, CSV_RULES } from './csv';
import { CLOUDEVENTS, LAGO, NDJSON, readJson, type JsonFormat } from './json';
import type { RowSink } from './types';

export { USAGE_FORMATS, type UsageFormat };

const JSON_FORMATS: Record<Exclude<UsageFormat, 'csv'>, JsonFormat> = {
  ndjson: NDJSON,
  cloudevents: CLOUDEVENTS,
  lago: LAGO,
};

export function isUsageFormat(name: string): name is UsageFormat {
  return (USAGE_FORMATS as readonly string[]).includes(name);
}

/** What the start of a file tells about it. */
export interface Sniffed {
  format: UsageFormat;
  /** A JSON file holding one array (rather than one value per line). */
  array: boolean;
  /** The first line, for a CSV file's separator. */
  firstLine: string;
}

/** Enough of a file to see its first event. */
const SAMPLE_BYTES = 64 * 1024;

export async function sniff(path: string, named: UsageFormat | undefined): Promise<Sniffed> {
  const file = await open(path);
  let sample: string;
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0);
    // The decoder holds back a character cut at the end of the sample.
    sample = new StringDecoder('utf8').write(buffer.subarray(0, bytesRead)).replace(/^\ufeff/, '');
  } finally {
    await file.close();
  }
  const start = sample.trimStart();
  const array = start.startsWith('[');
  const firstLine = sample.split(/\r?\n/, 1)[0] ?? '';
  if (named !== undefined) return { format: named, array: named !== 'csv' && array, firstLine };
  if (!array && !start.startsWith('{')) return { format: 'csv', array: false, firstLine };
  return { format: jsonShape(start), array, firstLine };
}

/** Which JSON shape, by the member names only that shape uses. */
function jsonShape(sample: string): UsageFormat {
  const has = (name: string) => new RegExp(`"${name}"\\s*:`).test(sample);
  if (has('transaction_id') || has('external_customer_id')) return 'lago';
  if (has('specversion') || (has('subject') && has('type'))) return 'cloudevents';
  if (has('event_id')) return 'ndjson';
  throw new UserError(
    'Cannot tell which usage format this JSON file is in; name it with --format ndjson, cloudevents or lago.',
  );
}

export interface ReadOptions {
  map: Readonly<Record<string, string>>;
  rejectsPath: string | null;
}

/** Reads every row of the file into the sink; returns the rejects file written, if any. */
export function readRows(
  input: TextInput,
  sniffed: Sniffed,
  options: ReadOptions,
  sink: RowSink,
): Promise<string | null> {
  if (sniffed.format === 'csv') {
    return readCsv(input, { delimiter: detectDelimiter(sniffed.firstLine), ...options }, sink);
  }
  return readJson(
    input.text,
    JSON_FORMATS[sniffed.format],
    { array: sniffed.array, rejectsPath: options.rejectsPath },
    sink,
  );
}

export function formatRules(format: UsageFormat) {
  return format === 'csv' ? CSV_RULES : JSON_FORMATS[format].rules;
}
