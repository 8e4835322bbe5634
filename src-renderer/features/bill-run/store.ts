import { create } from 'zustand';
import type {
  BillRunResult,
  InvoiceRow,
  JobProgress,
  ProcedureOutput,
} from '../../../src-main/api/contract';
import { api, followJob } from '../../api';
import { detailsOf, messageOf } from '../../app/errors';

export type InvoiceDetail = ProcedureOutput<'invoiceDetail'>;

/** How many drafts' details are fetched at once while the review fills in. */
const DETAIL_CONCURRENCY = 4;

interface BillRunState {
  period: string | null;
  running: boolean;
  progress: JobProgress | null;
  /** The last run's report (unbilled usage, blocked quotas) of this period. */
  result: BillRunResult | null;
  /** The period's drafts, in the order finalizing numbers them. */
  drafts: InvoiceRow[] | null;
  details: Record<string, InvoiceDetail>;
  selected: Set<string>;
  finalizing: boolean;
  /** The invoices the last finalize numbered, for exporting and sending. */
  finalized: InvoiceRow[];
  error: string | null;
  errorDetails: readonly string[];
  /** Where the last error came from, so it shows beside that control. */
  errorAt: 'run' | 'finalize' | 'load' | null;
  open: (period: string) => Promise<void>;
  run: () => Promise<void>;
  toggle: (invoice: string) => void;
  selectAll: (all: boolean) => void;
  finalizeSelected: () => Promise<void>;
}

export const useBillRun = create<BillRunState>((set, get) => {
  const failed = (error: unknown, at: BillRunState['errorAt']) =>
    set({ error: messageOf(error), errorDetails: detailsOf(error), errorAt: at });

  /** Fetches every draft's lines and previous invoice, a few at a time, as the table shows them. */
  const fetchDetails = async (period: string, drafts: InvoiceRow[]) => {
    const queue = [...drafts];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const detail = await api.invoiceDetail({ invoice: next.id });
        if (get().period !== period) return;
        set({ details: { ...get().details, [next.id]: detail } });
      }
    };
    try {
      await Promise.all(Array.from({ length: DETAIL_CONCURRENCY }, worker));
    } catch (error) {
      failed(error, 'load');
    }
  };

  const loadDrafts = async (period: string) => {
    const drafts: InvoiceRow[] = [];
    for (let offset = 0; ;) {
      const page = await api.listInvoices({ period, status: 'draft', offset, limit: 1000 });
      drafts.push(...page.invoices);
      offset += page.invoices.length;
      if (offset >= page.total || page.invoices.length === 0) break;
    }
    if (get().period !== period) return;
    set({ drafts, details: {}, selected: new Set(drafts.map((draft) => draft.id)) });
    void fetchDetails(period, drafts);
  };

  return {
    period: null,
    running: false,
    progress: null,
    result: null,
    drafts: null,
    details: {},
    selected: new Set(),
    finalizing: false,
    finalized: [],
    error: null,
    errorDetails: [],
    errorAt: null,
    async open(period) {
      set({ period, result: null, drafts: null, finalized: [], error: null, errorAt: null });
      try {
        await loadDrafts(period);
      } catch (error) {
        failed(error, 'load');
      }
    },
    async run() {
      const { period } = get();
      if (!period) return;
      set({ running: true, progress: null, error: null, errorAt: null, finalized: [] });
      try {
        const { job } = await api.startBillRun({ period });
        const finished = await followJob(api, job, (progress) => set({ progress }));
        if (finished.kind !== 'bill_run') throw new Error('the job is no bill run');
        set({ result: finished.result });
        await loadDrafts(period);
      } catch (error) {
        failed(error, 'run');
      } finally {
        set({ running: false });
      }
    },
    toggle(invoice) {
      const selected = new Set(get().selected);
      if (selected.has(invoice)) selected.delete(invoice);
      else selected.add(invoice);
      set({ selected });
    },
    selectAll(all) {
      set({ selected: new Set(all ? (get().drafts ?? []).map((draft) => draft.id) : []) });
    },
    async finalizeSelected() {
      const { drafts, selected, period } = get();
      const chosen = (drafts ?? [])
        .filter((draft) => selected.has(draft.id))
        .map((draft) => draft.id);
      if (chosen.length === 0 || !period) return;
      set({ finalizing: true, error: null, errorAt: null });
      try {
        const finalized = await api.finalizeInvoices({ invoices: chosen });
        await loadDrafts(period);
        set({ finalized });
      } catch (error) {
        failed(error, 'finalize');
      } finally {
        set({ finalizing: false });
      }
    },
  };
});
