/**
 * A bank's or card processor's CSV export as records of named fields, read with the
 * usage import's CSV rules (usage/formats/csv.ts): papaparse, the separator the header
 * uses most, RFC 4180 quoting, LF or CRLF, a byte-order mark dropped, rows numbered by
 * the line they start on (the header is row 1). Banks that still write Windows-1252
 * are read with `encoding: 'windows-1252'`; otherwise text that is not UTF-8 is refused
 * with the row it is on, rather than read as garbled names.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { BankFileEncoding } from '../domain/bank-rows';
import { UserError } from '../domain/errors';
import { detectDelimiter, innerLineBreaks, quoteReason } from '../usage/formats/csv';

export { BANK_FILE_ENCODINGS, type BankFileEncoding } from '../domain/bank-rows';

export interface BankRecord {
  row: number;
  /** Cell by column name (trimmed header), or the reason the row cannot be read. */
  cells: ReadonlyMap<string, string> | { problem: string };
}

export interface BankFile {
  columns: string[];
  records: BankRecord[];
}

/** The line (1-based) of the first byte that is not UTF-8, or null when all of it is. */
function firstInvalidUtf8Line(bytes: Buffer): number | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) {
    const prefix = text.slice(0, index);
    const offset = Buffer.byteLength(prefix, 'utf8');
    // A replacement character written in the file itself is text, not a decoding error.
    const written =
      bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!written) return prefix.split('\n').length;
  }
  return null;
}

function decode(path: string, bytes: Buffer, encoding: BankFileEncoding): string {
  if (encoding === 'utf-8') {
    const line = firstInvalidUtf8Line(bytes);
    if (line !== null) {
      // Named by the file's own name: in the app, the path is where the upload was kept.
      throw new UserError(
        `${basename(path)} is not UTF-8 text (row ${line}); if the bank exports Windows-1252, choose that text encoding (--encoding windows-1252 on the command line).`,
      );
    }
  }
  return new TextDecoder(encoding).decode(bytes).replace(/^\ufeff/, '');
}

export async function readBankFile(path: string, encoding: BankFileEncoding): Promise<BankFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new UserError(`Cannot read ${path}: ${reason}.`);
  }
  const text = decode(path, bytes, encoding);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text.split(/\r?\n/, 1)[0] ?? ''),
    skipEmptyLines: false,
  });
  const problems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined) problems.set(error.row, quoteReason(error.code));
  }
  const [header, ...rest] = parsed.data;
  if (header === undefined || header.every((name) => name.trim() === '')) {
    throw new UserError(`${path} is empty: it has no header row.`);
  }
  const columns = header.map((name) => name.trim());
  const records: BankRecord[] = [];
  let line = 2 + innerLineBreaks(header);
  rest.forEach((fields, index) => {
    const row = line;
    line += 1 + innerLineBreaks(fields);
    if (fields.length === 1 && fields[0]?.trim() === '') return;
    const problem =
      problems.get(index + 1) ??
      (fields.length === columns.length
        ? undefined
        : `expected ${columns.length} fields, found ${fields.length}`);
    records.push({
      row,
      cells:
        problem === undefined
          ? new Map(columns.map((name, column) => [name, (fields[column] ?? '').trim()]))
          : { problem },
    });
  });
  return { columns, records };
}
