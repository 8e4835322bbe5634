/**
 * The documents the desk sends out, as people read them: an invoice on screen
 * (`show`), and the invoices, credit notes and statements of a period as PDFs.
 */
import {
  creditNoteDocument,
  invoiceDocument,
  type BillingDocument,
  type DocumentSources,
} from '../domain/document';
import type { EmailRecord } from '../domain/email-record';
import { UserError } from '../domain/errors';
import { refersTo, type CreditNote, type Invoice } from '../domain/invoice';
import type { Payment } from '../domain/model';
import type { ReadonlyStoreData } from '../store/data';
import type { Store } from '../store/store';
import { findInvoice, invoicePresenter, type InvoiceView } from './present';
import { resolveRunDate } from './runDate';

export interface ShownInvoice {
  invoice: InvoiceView;
  payments: Payment[];
  credit_notes: CreditNote[];
  email_records: EmailRecord[];
  /** The invoice as the PDF prints it. */
  document: BillingDocument;
}

/** An invoice by number or id, with everything recorded against it, on `asOf` (default today). */
export function showInvoice(
  store: Store,
  reference: string,
  options: { asOf?: string } = {},
): ShownInvoice {
  const data = store.read();
  const asOf = resolveRunDate(data.settings, options.asOf);
  const invoice = findInvoice(data, reference);
  const view = invoicePresenter(data, asOf)(invoice);
  const payments = data.payments.filter((payment) => refersTo(invoice, payment.invoice));
  const creditNotes = data.credit_notes.filter((note) => refersTo(invoice, note.invoice));
  return {
    invoice: view,
    payments,
    credit_notes: creditNotes,
    email_records: data.email_records.filter((record) => refersTo(invoice, record.invoice)),
    document: invoiceDocument({
      ...sourcesOf(data, invoice),
      invoice: view,
      payments,
      creditNotes,
    }),
  };
}

function sourcesOf(
  data: ReadonlyStoreData,
  of: { customer: string; contract?: string },
): DocumentSources {
  return {
    settings: data.settings,
    customer: data.customers.find((customer) => customer.id === of.customer),
    contract:
      of.contract === undefined
        ? undefined
        : data.contracts.find((contract) => contract.id === of.contract),
  };
}

/** A document and the file name it is written under (documents-payments.md §1). */
export interface NamedDocument {
  fileName: string;
  document: BillingDocument;
}

export interface DocumentSelection {
  period?: string;
  /** One invoice or credit note, by number (or a draft's id). */
  invoice?: string;
  /** Several invoices, by number (or a draft's id): the app's selection. */
  invoices?: readonly string[];
  /** Drafts too (only with --drafts: they are not requests for payment). */
  drafts?: boolean;
  asOf?: string;
}

/**
 * The documents a selection names: finalized and void invoices, marketplace
 * statements, credit notes (those of the selected invoices' periods, or the one named)
 * and, when asked, drafts. Oldest period first, then by number.
 */
export function selectDocuments(
  data: ReadonlyStoreData,
  selection: DocumentSelection,
): NamedDocument[] {
  const asOf = resolveRunDate(data.settings, selection.asOf);
  const present = invoicePresenter(data, asOf);
  const named = selection.invoice;
  const chosen = selection.invoices;
  const invoices = data.invoices.filter(
    (invoice) =>
      (chosen !== undefined
        ? chosen.some((reference) => refersTo(invoice, reference))
        : named === undefined
          ? invoice.status !== 'draft' || selection.drafts === true
          : refersTo(invoice, named)) &&
      (selection.period === undefined || invoice.period === selection.period),
  );
  const notes = data.credit_notes.filter((note) => {
    if (chosen !== undefined) return false;
    if (named !== undefined) return note.number === named;
    const invoice = data.invoices.find((candidate) => refersTo(candidate, note.invoice));
    return selection.period === undefined || invoice?.period === selection.period;
  });
  const missing = chosen?.find(
    (reference) => !invoices.some((invoice) => refersTo(invoice, reference)),
  );
  if (missing !== undefined) {
    throw new UserError(
      `There is no invoice '${missing}'${selection.period ? ` in ${selection.period}` : ''}.`,
    );
  }
  if (named !== undefined && invoices.length === 0 && notes.length === 0) {
    throw new UserError(
      `There is no invoice or credit note '${named}'${selection.period ? ` in ${selection.period}` : ''}.`,
    );
  }
  const payments = data.payments;
  return [
    ...invoices.map((invoice) => {
      const view = present(invoice);
      return {
        fileName: fileNameOf(invoice),
        document: invoiceDocument({
          ...sourcesOf(data, invoice),
          invoice: view,
          payments: payments.filter((payment) => refersTo(invoice, payment.invoice)),
          creditNotes: data.credit_notes.filter((note) => refersTo(invoice, note.invoice)),
        }),
      };
    }),
    ...notes.map((note) => {
      const invoice = data.invoices.find((candidate) => refersTo(candidate, note.invoice));
      return {
        fileName: safeFileName(note.number, '.pdf'),
        document: creditNoteDocument(
          note,
          invoice,
          sourcesOf(data, { customer: note.customer, contract: invoice?.contract }),
        ),
      };
    }),
  ];
}

/** `<number>.pdf`, `statement-<id>.pdf` or `draft-<id>.pdf`. */
export function fileNameOf(invoice: Invoice): string {
  if (invoice.status === 'marketplace') return safeFileName(`statement-${invoice.id}`, '.pdf');
  if (invoice.number === null) return safeFileName(`draft-${invoice.id}`, '.pdf');
  return safeFileName(invoice.number, '.pdf');
}

/**
 * A name that stays inside the folder it is written to, whatever a number format
 * holds: every character but letters, digits, `-`, `_` and inner dots becomes `_`
 * (so no `/`, `\`, `..`, drive letter or device name survives), at most 120 characters.
 */
export function safeFileName(base: string, extension: string): string {
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .replace(/^[.]+/, '_')
    .slice(0, 120)
    // Names Windows keeps for devices, whatever the extension.
    .replace(/^(con|prn|aux|nul|com\d|lpt\d)$/i, '_$1');
  return `${cleaned || '_'}${extension}`;
}
