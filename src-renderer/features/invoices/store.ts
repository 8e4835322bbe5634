import { create } from 'zustand';
import type { InvoiceRow, InvoiceStatus, ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import type { PaymentEntry } from './PaymentForm';

export interface InvoiceFilter {
  status?: InvoiceStatus;
  period?: string;
  customer?: string;
}

/** Rows are fetched a page at a time, as the list scrolls to them. */
export const PAGE_SIZE = 200;
/** Rows fetched beyond the view on either side, so a scroll seldom meets a row still loading. */
const LOOKAHEAD = PAGE_SIZE / 2;

interface InvoiceList {
  filter: InvoiceFilter | null;
  /** How many invoices match; null until the first page answers. */
  total: number | null;
  /** Rows by position; a hole is a row not fetched yet. */
  rows: (InvoiceRow | undefined)[];
  error: string | null;
  /** Starts the list afresh for this filter. */
  show: (filter: InvoiceFilter) => void;
  /** Makes sure the rows from `start` to `end`, and a few around, are fetched or on their way. */
  ensure: (start: number, end: number) => void;
  reload: () => void;
}

export const useInvoiceList = create<InvoiceList>((set, get) => {
  let requested = new Set<number>();

  const fetchPage = async (filter: InvoiceFilter, page: number) => {
    if (requested.has(page)) return;
    requested.add(page);
    const mine = requested;
    try {
      const answer = await api.listInvoices({
        ...filter,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      // The filter changed while this page was on its way: it belongs to no list now.
      if (mine !== requested) return;
      const rows = get().rows.slice();
      rows.length = answer.total;
      answer.invoices.forEach((row, index) => (rows[answer.offset + index] = row));
      set({ rows, total: answer.total, error: null });
    } catch (error) {
      requested.delete(page);
      set({ error: messageOf(error) });
    }
  };

  return {
    filter: null,
    total: null,
    rows: [],
    error: null,
    show(filter) {
      requested = new Set();
      set({ filter, total: null, rows: [], error: null });
      void fetchPage(filter, 0);
    },
    ensure(start, end) {
      const { filter } = get();
      if (!filter) return;
      const first = Math.floor(Math.max(0, start - LOOKAHEAD) / PAGE_SIZE);
      const last = Math.floor(Math.min(end + LOOKAHEAD, (get().total ?? 1) - 1) / PAGE_SIZE);
      for (let page = first; page <= last; page++) {
        void fetchPage(filter, page);
      }
    },
    reload() {
      const { filter } = get();
      if (!filter) return;
      get().show(filter);
    },
  };
});

export type InvoiceDetail = ProcedureOutput<'invoiceDetail'>;
export type EmailRecord = ProcedureOutput<'invoiceEmails'>[number];

type Action = 'void' | 'credit_note' | 'payment';

interface InvoicePage {
  reference: string | null;
  detail: InvoiceDetail | null;
  error: string | null;
  /** A refused action, beside its button or form. */
  actionError: { action: Action; message: string } | null;
  notice: string | null;
  busy: boolean;
  /** The invoice's emails (sent, queued, failed); null until they answer. */
  emails: EmailRecord[] | null;
  open: (reference: string) => Promise<void>;
  refreshEmails: () => Promise<void>;
  /** Answers the desk's refusal in one sentence, or null once the payment is recorded. */
  recordPayment: (payment: PaymentEntry) => Promise<string | null>;
  voidInvoice: () => Promise<void>;
  issueCreditNote: (amount: string, reason: string) => Promise<boolean>;
}

export const useInvoicePage = create<InvoicePage>((set, get) => {
  const act = async (action: Action, call: () => Promise<string>): Promise<boolean> => {
    set({ busy: true, actionError: null, notice: null });
    try {
      const notice = await call();
      const { reference } = get();
      if (reference) set({ detail: await api.invoiceDetail({ invoice: reference }) });
      set({ notice });
      useInvoiceList.getState().reload();
      return true;
    } catch (error) {
      set({ actionError: { action, message: messageOf(error) } });
      return false;
    } finally {
      set({ busy: false });
    }
  };

  return {
    reference: null,
    detail: null,
    error: null,
    actionError: null,
    notice: null,
    busy: false,
    emails: null,
    async open(reference) {
      set({ reference, detail: null, error: null, actionError: null, notice: null, emails: null });
      try {
        const detail = await api.invoiceDetail({ invoice: reference });
        if (get().reference === reference) set({ detail });
      } catch (error) {
        if (get().reference === reference) set({ error: messageOf(error) });
        return;
      }
      await get().refreshEmails();
    },
    async refreshEmails() {
      const { reference } = get();
      if (!reference) return;
      try {
        const emails = await api.invoiceEmails({ invoice: reference });
        if (get().reference === reference) set({ emails });
      } catch (error) {
        if (get().reference === reference) set({ error: messageOf(error) });
      }
    },
    async recordPayment(payment) {
      let refusal: string | null = null;
      await act('payment', async () => {
        const invoice = get().detail!.invoice;
        try {
          const result = await api.recordPayment({
            invoice: invoice.number ?? invoice.id,
            ...payment,
          });
          if (result.duplicate)
            return `That payment was already recorded on ${result.payment.date}; nothing new was.`;
          const credit = result.overpayment_credit;
          return `Payment ${result.payment.id} recorded; ${result.invoice.number} is now ${result.invoice.status.replace('_', ' ')}${
            credit
              ? `, and the ${credit.amount} ${credit.currency} paid beyond it became a credit of the customer`
              : ''
          }.`;
        } catch (error) {
          refusal = messageOf(error);
          throw error;
        }
      });
      return refusal;
    },
    voidInvoice: () =>
      act('void', async () => {
        const invoice = get().detail!.invoice;
        const row = await api.voidInvoice({ invoice: invoice.number ?? invoice.id });
        return `${row.number ?? row.id} is void.`;
      }).then(() => undefined),
    issueCreditNote: (amount, reason) =>
      act('credit_note', async () => {
        const invoice = get().detail!.invoice;
        const { credit_note, credit } = await api.issueCreditNote({
          invoice: invoice.number ?? invoice.id,
          amount,
          reason,
        });
        return `Credit note ${credit_note.number} issued${
          credit
            ? `; ${credit.amount} ${credit.currency} beyond the balance became a credit of the customer`
            : ''
        }.`;
      }),
  };
});
