/**
 * What goes out after finalizing: PDFs written into a folder, emails, a PDF for the
 * preview, the download and the printer. Exports and emails are jobs of the desk,
 * followed here with their progress; one of each runs at a time.
 */
import { create } from 'zustand';
import type {
  InvoiceEmailResult,
  JobProgress,
  PdfExportResult,
} from '../../../src-main/api/contract';
import { api, followJob } from '../../api';
import { messageOf } from '../../app/errors';

/** An invoice's PDF as a blob: URL the page made itself (the CSP allows frames of those only). */
export async function invoicePdfUrl(invoice: string): Promise<{ url: string; fileName: string }> {
  const { pdf_base64, file_name } = await api.invoicePdf({ invoice });
  const bytes = Uint8Array.from(atob(pdf_base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  return { url, fileName: file_name };
}

/** Opens the printer dialog for a PDF shown in a frame of the page. */
export function printFrame(frame: HTMLIFrameElement | null): void {
  frame?.contentWindow?.focus();
  frame?.contentWindow?.print();
}

interface JobState<Result> {
  progress: JobProgress | null;
  result: Result | null;
  error: string | null;
}

const idle = { progress: null, result: null, error: null };

interface DocumentJobs {
  exporting: JobState<PdfExportResult>;
  emailing: JobState<InvoiceEmailResult>;
  /** Forgets earlier results (another selection of invoices is shown). */
  reset: () => void;
  exportPdfs: (invoices: string[], folder: string) => Promise<void>;
  /** Resolves once the emails are sent, queued or refused. */
  email: (invoices: string[]) => Promise<void>;
}

export const useDocumentJobs = create<DocumentJobs>((set) => ({
  exporting: idle,
  emailing: idle,
  reset: () => set({ exporting: idle, emailing: idle }),
  async exportPdfs(invoices, folder) {
    const running = { done: 0, total: invoices.length, stage: 'Writing the PDFs' };
    set({ exporting: { ...idle, progress: running } });
    try {
      const { job } = await api.startPdfExport({ invoices, folder });
      const finished = await followJob(api, job, (progress) =>
        set({ exporting: { ...idle, progress } }),
      );
      if (finished.kind !== 'pdf_export') throw new Error('the job is no PDF export');
      set({ exporting: { ...idle, result: finished.result } });
    } catch (error) {
      set({ exporting: { ...idle, error: messageOf(error) } });
    }
  },
  async email(invoices) {
    const running = { done: 0, total: invoices.length, stage: 'Sending' };
    set({ emailing: { ...idle, progress: running } });
    try {
      const { job } = await api.startInvoiceEmails({ invoices });
      const finished = await followJob(api, job, (progress) =>
        set({ emailing: { ...idle, progress } }),
      );
      if (finished.kind !== 'invoice_email') throw new Error('the job is no email');
      set({ emailing: { ...idle, result: finished.result } });
    } catch (error) {
      set({ emailing: { ...idle, error: messageOf(error) } });
    }
  },
}));
