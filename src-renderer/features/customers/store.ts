import { create } from 'zustand';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';

export type CustomerRow = ProcedureOutput<'listCustomers'>['customers'][number];
export type CustomerPageData = ProcedureOutput<'customerPage'>;
export type CustomerUsageData = ProcedureOutput<'customerUsage'>;

/** Customers shown a page at a time: a book may hold thousands. */
export const CUSTOMERS_PAGE_SIZE = 50;

interface CustomerList {
  search: string;
  offset: number;
  total: number | null;
  rows: CustomerRow[];
  error: string | null;
  show: (search: string, offset?: number) => Promise<void>;
}

export const useCustomerList = create<CustomerList>((set, get) => ({
  search: '',
  offset: 0,
  total: null,
  rows: [],
  error: null,
  async show(search, offset = 0) {
    set({ search, offset });
    try {
      const page = await api.listCustomers({ search, offset, limit: CUSTOMERS_PAGE_SIZE });
      // A later search answered first: this answer belongs to no list now.
      if (get().search !== search || get().offset !== offset) return;
      set({ rows: page.customers, total: page.total, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));

interface CustomerPageState {
  id: string | null;
  page: CustomerPageData | null;
  usage: CustomerUsageData | null;
  error: string | null;
  usageError: string | null;
  open: (id: string) => Promise<void>;
  /** Reads the page again after a change, and the open book every screen shares. */
  refresh: () => Promise<void>;
}

export const useCustomerPage = create<CustomerPageState>((set, get) => ({
  id: null,
  page: null,
  usage: null,
  error: null,
  usageError: null,
  async open(id) {
    set({ id, page: null, usage: null, error: null, usageError: null });
    // The chart reads stored usage, the slowest part: the page shows without waiting for it.
    void api
      .customerUsage({ customer: id })
      .then((usage) => get().id === id && set({ usage }))
      .catch((error: unknown) => get().id === id && set({ usageError: messageOf(error) }));
    try {
      const page = await api.customerPage({ customer: id });
      if (get().id === id) set({ page });
    } catch (error) {
      if (get().id === id) set({ error: messageOf(error) });
    }
  },
  async refresh() {
    const { id } = get();
    await useSession.getState().load();
    if (id === null) return;
    try {
      set({ page: await api.customerPage({ customer: id }) });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
