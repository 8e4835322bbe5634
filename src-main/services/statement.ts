/**
 * A customer's account statement for a date range (docs/documents.md, "Customer
 * statements"): the figures, their PDF, and the PDF written into a user's file.
 */
import { isValidDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import { customerStatement, type Statement } from '../domain/statement';
import { statementDocument } from '../domain/statement-document';
import { writeOutputFile } from '../files/output-file';
import type { Store } from '../store/store';
import { Book } from './book';
import { documentPdf } from './exportPdf';
import { safeFileName } from './documents';

export interface StatementRequest {
  customer: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

export function statementFor(store: Store, request: StatementRequest): Statement {
  for (const [option, date] of [
    ['from', request.from],
    ['to', request.to],
  ] as const) {
    if (!isValidDate(date)) {
      throw new UserError(`The statement's ${option} date '${date}' is not a date YYYY-MM-DD.`);
    }
  }
  if (request.from > request.to) {
    throw new UserError(
      `The statement's from date ${request.from} is after its to date ${request.to}.`,
    );
  }
  const data = store.read();
  new Book(data).customer(request.customer);
  return customerStatement(
    { invoices: data.invoices, payments: data.payments, creditNotes: data.credit_notes },
    request.customer,
    request.from,
    request.to,
  );
}

export interface StatementPdf {
  statement: Statement;
  /** A name for the file: `statement-<customer>-<from>-<to>.pdf`. */
  file_name: string;
  bytes: Uint8Array;
  /** Characters the embedded font cannot print (they show as boxes). */
  missing_characters: string[];
}

export async function statementPdf(store: Store, request: StatementRequest): Promise<StatementPdf> {
  const statement = statementFor(store, request);
  const data = store.read();
  const customer = data.customers.find((candidate) => candidate.id === request.customer);
  const pdf = await documentPdf(
    statementDocument(statement, customer, data.settings),
    data.settings,
  );
  return {
    statement,
    file_name: safeFileName(`statement-${request.customer}-${request.from}-${request.to}`, '.pdf'),
    bytes: pdf.bytes,
    missing_characters: pdf.missingCharacters,
  };
}

export interface WriteStatementOptions extends StatementRequest {
  out: string;
  /** Replace the file if it exists (the user asked: `--force`). */
  overwrite?: boolean;
}

/** Writes the statement's PDF to `out`, never over another file unless asked. */
export async function writeStatementPdf(
  store: Store,
  options: WriteStatementOptions,
): Promise<Omit<StatementPdf, 'bytes'> & { file: string }> {
  const { bytes, ...rendered } = await statementPdf(store, options);
  writeOutputFile(options.out, bytes, {
    overwrite: options.overwrite,
    overwriteHint: 'with --force',
    protectedFolders: [{ path: store.dir, role: 'the data folder' }],
  });
  return { ...rendered, file: options.out };
}
