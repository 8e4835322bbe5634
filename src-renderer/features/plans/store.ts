/**
 * The plan being edited, saved through the catalog service (which refuses what the
 * book's history forbids, in its own sentence), and the price simulator's answer.
 */
import { create } from 'zustand';
import type { PriceSimulationView } from '../../../src-main/api/contract';
import type { Plan } from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';

export interface SimulationRequest {
  customer: string;
  contract: string | null;
  period: string;
}

interface PlanEditorState {
  /** The saved plan's code, or null for a new plan. */
  editing: string | null;
  draft: Plan | null;
  saving: boolean;
  saveError: string | null;
  /** Set after a save, until the draft changes again. */
  saved: boolean;
  simulation: PriceSimulationView | null;
  simulating: boolean;
  simulationError: string | null;
  open: (editing: string | null, plan: Plan) => void;
  change: (update: (draft: Plan) => Plan) => void;
  save: () => Promise<Plan | null>;
  simulate: (request: SimulationRequest) => Promise<void>;
}

export const usePlanEditor = create<PlanEditorState>((set, get) => ({
  editing: null,
  draft: null,
  saving: false,
  saveError: null,
  saved: false,
  simulation: null,
  simulating: false,
  simulationError: null,
  open(editing, plan) {
    set({
      editing,
      draft: plan,
      saveError: null,
      saved: false,
      simulation: null,
      simulationError: null,
    });
  },
  change(update) {
    const { draft } = get();
    if (draft) set({ draft: update(draft), saved: false, saveError: null });
  },
  async save() {
    const { draft, editing } = get();
    if (!draft) return null;
    set({ saving: true, saveError: null });
    try {
      const plan =
        editing === null
          ? await api.addPlan({ plan: draft })
          : await api.editPlan({ code: editing, plan: draft });
      set({ editing: plan.code, draft: plan, saved: true });
      return plan;
    } catch (error) {
      set({ saveError: messageOf(error) });
      return null;
    } finally {
      set({ saving: false });
    }
  },
  async simulate(request) {
    const { draft } = get();
    if (!draft) return;
    set({ simulating: true, simulationError: null });
    try {
      set({ simulation: await api.simulatePrice({ ...request, plan: draft }) });
    } catch (error) {
      set({ simulation: null, simulationError: messageOf(error) });
    } finally {
      set({ simulating: false });
    }
  },
}));
