import { create } from 'zustand';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';

export type ChangePreview = ProcedureOutput<'previewContractChange'>;
export type UptimeResult = ProcedureOutput<'recordUptime'>;

/** A plan change (`plan` given) or an end, as the clerk set it up. */
export interface ChangeRequest {
  contract: string;
  on: string;
  plan?: string;
}

interface ContractChange {
  /** The change the preview shows; applying it makes exactly that change. */
  request: ChangeRequest | null;
  preview: ChangePreview | null;
  error: string | null;
  /** What the last change did, shown on the page of the contract it leads to. */
  notice: { contract: string; text: string } | null;
  busy: boolean;
  uptime: UptimeResult | null;
  uptimeError: string | null;
  /** Clears the set-up change and the uptime result; a notice stays with its contract. */
  reset: () => void;
  previewChange: (request: ChangeRequest) => Promise<void>;
  /** Makes the previewed change; answers the contract that follows (a plan change's new one). */
  apply: () => Promise<string | null>;
  recordUptime: (contract: string, period: string, percent: string) => Promise<void>;
}

export const useContractChange = create<ContractChange>((set, get) => ({
  request: null,
  preview: null,
  error: null,
  notice: null,
  busy: false,
  uptime: null,
  uptimeError: null,
  reset: () =>
    set({
      request: null,
      preview: null,
      error: null,
      uptime: null,
      uptimeError: null,
    }),
  async previewChange(request) {
    set({ busy: true, error: null, notice: null, request, preview: null });
    try {
      const preview = await api.previewContractChange(request);
      if (get().request === request) set({ preview });
    } catch (error) {
      if (get().request === request) set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
    }
  },
  async apply() {
    const { request } = get();
    if (!request) return null;
    set({ busy: true, error: null });
    try {
      let next: string;
      let notice: string;
      if (request.plan === undefined) {
        const ended = await api.endContract({ contract: request.contract, on: request.on });
        next = ended.id;
        notice = `Contract ${ended.id} ends on ${request.on}.`;
      } else {
        const { ended, started } = await api.changePlan({
          contract: request.contract,
          on: request.on,
          plan: request.plan,
        });
        next = started.id;
        notice = `Contract ${ended.id} ends on ${request.on}; contract ${started.id} on plan ${started.plan} starts that day.`;
      }
      await useSession.getState().load();
      set({ request: null, preview: null, notice: { contract: next, text: notice } });
      return next;
    } catch (error) {
      set({ error: messageOf(error) });
      return null;
    } finally {
      set({ busy: false });
    }
  },
  async recordUptime(contract, period, percent) {
    set({ uptime: null, uptimeError: null });
    try {
      const uptime = await api.recordUptime({ contract, period, uptime_percent: percent });
      await useSession.getState().load();
      set({ uptime });
    } catch (error) {
      set({ uptimeError: messageOf(error) });
    }
  },
}));
