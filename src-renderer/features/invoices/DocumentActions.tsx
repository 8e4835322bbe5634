import type { InvoiceRow } from '../../../src-main/api/contract';

/**
 * What goes out after finalizing: the PDFs, the email, the print. Shown disabled, with
 * the reason beside them, until the desk's documents service is there.
 */
export function DocumentActions({ invoices }: { invoices: InvoiceRow[] }) {
  const count = invoices.length;
  const of = count === 1 ? 'the invoice' : `the ${count} invoices`;
  return (
    <div className="stack">
      <div className="page-header__actions" role="group" aria-label={`Send ${of}`}>
        <button type="button" className="button" disabled aria-describedby="documents-waiting">
          Export PDFs of {of}
        </button>
        <button type="button" className="button" disabled aria-describedby="documents-waiting">
          Email {of}
        </button>
        <button type="button" className="button" disabled aria-describedby="documents-waiting">
          Print {of}
        </button>
      </div>
      <p id="documents-waiting" className="field__hint">
        PDF export, email and printing arrive with the documents service; until then{' '}
        <code>nexus-billing export-pdf</code> and <code>nexus-billing email</code> do it.
      </p>
    </div>
  );
}
