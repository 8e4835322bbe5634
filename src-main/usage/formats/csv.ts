/**
 * CSV usage files (usage-import.md, "Formats"), parsed by papaparse as the file
 * streams in: RFC 4180 quoting, LF or CRLF, the separator detected from the header.
 * Rows are numbered by the line their record starts on, the header being row 1.
 */
import Papa from 'papaparse';
import { UserError } from '../../domain/errors';
import { closestMatch } from '../../domain/suggest';
import { spreadsheetSafeCell, unescapeSpreadsheetCell } from '../../files/csv-cell';
import { OutputFile } from '../../files/output-file';
import type { TextInput } from '../text';
import {
  EVENT_FIELDS,
  OWN_FIELD_LABELS,
  type EventField,
  type FormatRules,
  type RawUsage,
} from '../validate';
import { rowReason, type RejectsTarget, type RowSink } from './types';

const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A column by this name holds a rejects file's reasons: never a property, replaced on the next rejects file. */
const REASON_COLUMN = 'reason';

const APOSTROPHE = 39;

const REQUIRED: readonly EventField[] = ['event_id', 'customer', 'meter', 'quantity', 'timestamp'];

export const CSV_RULES: FormatRules = {
  labels: OWN_FIELD_LABELS,
  defaultQuantity: 'never',
  unixSeconds: false,
};

/** The separator the header line uses most (outside quotes); a comma when it uses none. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of CSV_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** The header's meaning: where each field is read from, and which columns are properties. */
interface Layout {
  width: number;
  column: Record<EventField, number>;
  /** Property columns with their names already as JSON keys (`"user_id":`). */
  properties: { index: number; key: string }[];
  reasonColumn: number;
}

function layoutOf(header: string[], map: Readonly<Record<string, string>>): Layout {
  const names = header.map((name) => name.trim());
  const position = new Map<string, number>();
  names.forEach((name, index) => {
    if (name !== '' && position.has(name))
      throw new UserError(`The CSV header names the column '${name}' twice.`);
    position.set(name, index);
  });
  const column = {} as Record<EventField, number>;
  const missing: EventField[] = [];
  for (const field of EVENT_FIELDS) {
    const index = position.get(map[field] ?? field) ?? -1;
    if (index < 0 && (REQUIRED.includes(field) || map[field] !== undefined)) missing.push(field);
    column[field] = index;
  }
  if (missing.length > 0) throw missingColumns(missing, names, map);
  const used = new Set(Object.values(column));
  const properties = names.flatMap((name, index) =>
    used.has(index) || name === '' || name === REASON_COLUMN
      ? []
      : [{ index, key: `${JSON.stringify(name)}:` }],
  );
  return {
    width: names.length,
    column,
    properties,
    reasonColumn: position.get(REASON_COLUMN) ?? -1,
  };
}

/** One sentence naming every column the header lacks, each with the likely intended one. */
function missingColumns(
  missing: readonly EventField[],
  names: readonly string[],
  map: Readonly<Record<string, string>>,
): UserError {
  const described = missing.map((field) => {
    const name = map[field] ?? field;
    const near = closestMatch(name, names);
    return `'${name}' (for ${field}${near === undefined ? '' : `; did you mean '${near}'?`})`;
  });
  const unmapped = missing.filter((field) => map[field] === undefined);
  const hint =
    unmapped.length === 0
      ? ''
      : ` Name ${unmapped.length === 1 ? 'it' : 'them'} so, or use ${unmapped.map((field) => `--map ${field}=COLUMN`).join(' ')}.`;
  const columns = missing.length === 1 ? 'column' : 'columns';
  return new UserError(
    `The CSV header has no ${columns} ${described.join(', ')}; it has: ${names.join(', ')}.${hint}`,
  );
}

/** Line breaks inside a record's fields: the lines it spans beyond its first. */
export function innerLineBreaks(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

/**
 * Writes rejected records back as CSV, with the reason in a `reason` column; cells a
 * spreadsheet would run as a formula are escaped (and unescaped again on import).
 */
class CsvRejects {
  private writer: OutputFile | null = null;

  constructor(
    private readonly target: RejectsTarget,
    private readonly header: string[],
    private readonly layout: Layout,
    private readonly delimiter: CsvDelimiter,
  ) {}

  write(fields: string[], reason: string): void {
    if (this.writer === null) {
      this.writer = OutputFile.open(this.target.path, this.target.options);
      this.writer.write(
        this.line(this.layout.reasonColumn >= 0 ? this.header : [...this.header, REASON_COLUMN]),
      );
    }
    const record = [...fields];
    if (this.layout.reasonColumn >= 0 && record.length === this.layout.width)
      record[this.layout.reasonColumn] = reason;
    else {
      while (record.length < this.layout.width) record.push('');
      record.push(reason);
    }
    this.writer.write(this.line(record));
  }

  private line(record: string[]): string {
    const cells = record.map(spreadsheetSafeCell);
    return `${Papa.unparse([cells], { delimiter: this.delimiter, newline: '\n' })}\n`;
  }

  close(): string | null {
    this.writer?.commit();
    return this.writer?.path ?? null;
  }

  abandon(): void {
    this.writer?.abandon();
  }
}

export interface CsvOptions {
  delimiter: CsvDelimiter;
  map: Readonly<Record<string, string>>;
  rejects: RejectsTarget | null;
}

/** Reads every record; returns the rejects file written, if any. */
export function readCsv(
  input: TextInput,
  options: CsvOptions,
  sink: RowSink,
): Promise<string | null> {
  let layout: Layout | null = null;
  let rejects: CsvRejects | null = null;
  let line = 1;
  // One object reused for every row: the hot path allocates no event objects.
  const raw: RawUsage = {
    source: undefined,
    event_id: undefined,
    customer: undefined,
    meter: undefined,
    quantity: undefined,
    timestamp: undefined,
    properties: '',
    problem: null,
  };

  const reject = (row: number, fields: string[], reason: string): void => {
    rejects?.write(fields, rowReason(row, reason));
  };

  const handle = (fields: string[], quoteProblem: string | undefined): void => {
    for (let index = 0; index < fields.length; index++) {
      // Only a cell starting with an apostrophe can carry the desk's formula escape.
      const field = fields[index] as string;
      if (field.charCodeAt(0) === APOSTROPHE) fields[index] = unescapeSpreadsheetCell(field);
    }
    const row = line;
    line += input.quoteSeen() ? 1 + innerLineBreaks(fields) : 1;
    if (layout === null) {
      layout = layoutOf(fields, options.map);
      if (options.rejects !== null)
        rejects = new CsvRejects(options.rejects, fields, layout, options.delimiter);
      return;
    }
    // A blank line is no record.
    if (fields.length === 1 && fields[0] === '' && quoteProblem === undefined) return;
    sink.rows++;
    const problem =
      quoteProblem ??
      (fields.length === layout.width
        ? undefined
        : `expected ${layout.width} fields, found ${fields.length}`);
    if (problem !== undefined) {
      sink.unreadable(row, problem);
      reject(row, fields, problem);
      return;
    }
    const { column } = layout;
    raw.event_id = fields[column.event_id];
    raw.source = column.source < 0 ? undefined : fields[column.source];
    raw.customer = fields[column.customer];
    raw.meter = fields[column.meter];
    raw.quantity = fields[column.quantity];
    raw.timestamp = fields[column.timestamp];
    let properties = '';
    for (const { index, key } of layout.properties) {
      const value = fields[index] as string;
      // An empty cell is an absent property (a unique_count meter does not count it).
      if (value !== '')
        properties += `${properties === '' ? '{' : ','}${key}${JSON.stringify(value)}`;
    }
    raw.properties = properties === '' ? '' : `${properties}}`;
    const reason = sink.row(row, raw);
    if (reason !== null) reject(row, fields, reason);
  };

  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input.text, {
      delimiter: options.delimiter,
      skipEmptyLines: false,
      chunk(results, parser) {
        try {
          const quoteProblems = new Map<number, string>();
          for (const error of results.errors) {
            if (error.row !== undefined) quoteProblems.set(error.row, quoteReason(error.code));
          }
          const { data } = results;
          for (let index = 0; index < data.length; index++) {
            handle(
              data[index] as string[],
              quoteProblems.size === 0 ? undefined : quoteProblems.get(index),
            );
          }
        } catch (error) {
          // Settled first: aborting calls `complete` at once.
          rejects?.abandon();
          reject(error instanceof Error ? error : new Error(String(error)));
          parser.abort();
        }
      },
      complete() {
        if (layout === null)
          return reject(new UserError('The CSV file is empty: it has no header row.'));
        resolve(rejects?.close() ?? null);
      },
      error(error: Error) {
        rejects?.abandon();
        reject(error);
      },
    });
  });
}

export function quoteReason(code: string): string {
  return code === 'MissingQuotes'
    ? 'a quoted field is never closed'
    : 'a quoted field is malformed (a quote inside it must be doubled)';
}
