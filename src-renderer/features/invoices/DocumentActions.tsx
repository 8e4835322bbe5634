import { useEffect, useId, useState } from 'react';
import type { InvoiceRow } from '../../../src-main/api/contract';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Progress } from '../../ui/Progress';
import { useDocumentJobs } from './documents';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function ExportForm({ references, of }: { references: string[]; of: string }) {
  const id = useId();
  const [folder, setFolder] = useState('');
  const { progress, result, error } = useDocumentJobs((state) => state.exporting);
  const exportPdfs = useDocumentJobs((state) => state.exportPdfs);
  const unchanged = result?.files.filter((file) => file.outcome === 'unchanged').length ?? 0;
  return (
    <form
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (folder.trim() !== '') void exportPdfs(references, folder.trim());
      }}
    >
      <h3 id={`${id}-heading`}>PDF files</h3>
      <div className="toolbar">
        <div className="field field--wide">
          <label htmlFor={`${id}-folder`}>Folder on this computer</label>
          <input
            id={`${id}-folder`}
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            placeholder="/home/you/Invoices"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
          />
        </div>
        <button
          type="submit"
          className="button"
          disabled={progress !== null || folder.trim() === ''}
        >
          Export PDFs of {of}
        </button>
      </div>
      <ErrorNote id={`${id}-error`} message={error} />
      <p id={`${id}-hint`} className="field__hint">
        One file per invoice, named by its number. If the folder holds a file of that name with
        other contents, nothing is written.
      </p>
      {progress && <Progress label={progress.stage} value={progress.done} total={progress.total} />}
      {result && (
        <p className="notice notice--success" role="status">
          {plural(result.files.length - unchanged, 'PDF')} written into {result.folder}
          {unchanged > 0 && ` (${plural(unchanged, 'file')} already there as they are)`}.
        </p>
      )}
    </form>
  );
}

function EmailAction({
  references,
  of,
  onEmailed,
}: {
  references: string[];
  of: string;
  onEmailed?: () => void;
}) {
  const id = useId();
  const smtp = useSession((session) => session.overview?.settings.smtp_configured ?? false);
  const { progress, result, error } = useDocumentJobs((state) => state.emailing);
  const email = useDocumentJobs((state) => state.email);
  const count = (status: string) =>
    result?.records.filter((record) => record.status === status).length ?? 0;
  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Email</h3>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={progress !== null}
          aria-describedby={`${id}-hint`}
          onClick={() => void email(references).then(onEmailed)}
        >
          Email {of}
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {smtp
          ? 'Sent with the PDF attached to the customer’s billing addresses, through the SMTP server of the settings.'
          : 'No SMTP server is set, so each message, with its PDF, waits in the outbox of the data folder until one is.'}
      </p>
      <ErrorNote message={error} />
      {progress && <Progress label={progress.stage} value={progress.done} total={progress.total} />}
      {result && (
        <div role="status">
          {result.records.length > 0 && (
            <p className="notice notice--success">
              {[
                count('sent') > 0 && `${plural(count('sent'), 'email')} sent`,
                count('queued') > 0 && `${plural(count('queued'), 'email')} queued in the outbox`,
                count('failed') > 0 &&
                  `${plural(count('failed'), 'email')} failed to send and wait in the outbox`,
              ]
                .filter(Boolean)
                .join(', ')}
              .
            </p>
          )}
          {result.refused.map((refusal) => (
            <p key={refusal.invoice} className="error-note">
              {refusal.invoice}: {refusal.reason}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

/** What goes out after finalizing: the PDFs into a folder and the emails, for one invoice or many. */
export function DocumentActions({
  invoices,
  onEmailed,
}: {
  invoices: InvoiceRow[];
  onEmailed?: () => void;
}) {
  const references = invoices.map((invoice) => invoice.number ?? invoice.id);
  const of = invoices.length === 1 ? 'the invoice' : `the ${invoices.length} invoices`;
  const reset = useDocumentJobs((state) => state.reset);
  const key = references.join(' ');
  // Results of another selection would describe invoices no longer shown.
  useEffect(() => reset(), [reset, key]);
  return (
    <div className="stack">
      <ExportForm references={references} of={of} />
      <EmailAction references={references} of={of} onEmailed={onEmailed} />
    </div>
  );
}
