import { create } from 'zustand';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import type { AgingByCurrency } from './AgingChart';

export type DashboardFigures = ProcedureOutput<'dashboard'>;

interface DashboardState {
  period: string | null;
  figures: DashboardFigures | null;
  error: string | null;
  /** What is owed today by lateness, per currency; null until it answers. */
  aging: AgingByCurrency[] | null;
  show: (period: string) => Promise<void>;
  /** Fetches the figures afresh: of the period shown, else of `fallback`. */
  refresh: (fallback: string) => Promise<void>;
}

export const useDashboard = create<DashboardState>((set, get) => ({
  period: null,
  figures: null,
  error: null,
  aging: null,
  async show(period) {
    set({ period, error: null });
    try {
      const [figures, aging] = await Promise.all([api.dashboard({ period }), api.aging({})]);
      // A later choice of period may have answered first: keep the newest.
      if (get().period === period) set({ figures, aging: aging.currencies });
    } catch (error) {
      if (get().period === period) set({ error: messageOf(error) });
    }
  },
  refresh: (fallback) => get().show(get().period ?? fallback),
}));
