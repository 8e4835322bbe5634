/**
 * The open book as every screen needs it: whether it is the demo (the banner) or
 * empty (the first-run choice), the desk's today, the locale money is written in, and
 * the customers by id for names.
 */
import { create } from 'zustand';
import type { ProcedureOutput } from '../../src-main/api/contract';
import { api } from '../api';
import { messageOf } from './errors';

export type BookOverview = ProcedureOutput<'bookOverview'>;

export interface Session {
  locale: string;
  overview: BookOverview | null;
  error: string | null;
  loadingDemo: boolean;
  load: () => Promise<void>;
  loadDemoBook: () => Promise<void>;
}

export const useSession = create<Session>((set, get) => ({
  locale: navigator.language || 'en-US',
  overview: null,
  error: null,
  loadingDemo: false,
  async load() {
    try {
      set({ overview: await api.bookOverview({}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async loadDemoBook() {
    set({ loadingDemo: true, error: null });
    try {
      await api.loadDemoBook({});
      await get().load();
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ loadingDemo: false });
    }
  },
}));

/** A customer's name by id; the id itself while the book is loading or for an unknown id. */
export function useCustomerName(): (id: string) => string {
  const customers = useSession((session) => session.overview?.customers);
  return (id) => customers?.find((customer) => customer.id === id)?.name ?? id;
}

/** The period a month-end works on by default: the last closed month before the desk's today. */
export function lastClosedPeriod(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
