import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../app/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { invoicePdfUrl, printFrame } from './documents';

/**
 * The invoice's PDF exactly as it is sent, in a frame of the page, with a download
 * and the printer. Re-rendered (by a new key) whenever what the PDF shows changes.
 */
export function PdfPreview({ reference }: { reference: string }) {
  const [pdf, setPdf] = useState<{ url: string; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let made: string | null = null;
    let current = true;
    invoicePdfUrl(reference).then(
      (loaded) => {
        made = loaded.url;
        if (current) setPdf(loaded);
        else URL.revokeObjectURL(loaded.url);
      },
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [reference]);

  if (error) return <ErrorNote message={error} />;
  if (!pdf) return <p className="muted">Rendering the PDF…</p>;
  return (
    <div className="stack">
      <iframe
        ref={frame}
        className="pdf-preview"
        // The whole width of the page in view: the column is narrower than a sheet.
        src={`${pdf.url}#view=FitH`}
        title={`PDF of ${reference}`}
      />
      <div className="toolbar">
        <a className="button" href={pdf.url} download={pdf.fileName} title={pdf.fileName}>
          Download PDF
        </a>
        <button type="button" className="button" onClick={() => printFrame(frame.current)}>
          Print
        </button>
      </div>
    </div>
  );
}
