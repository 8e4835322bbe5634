import { create } from 'zustand';
import type { CreditBalanceGroup } from '../../../src-main/api/contract';
import type { Credit } from '../../../src-main/domain/model';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';

export interface GrantRequest {
  customer: string;
  kind: Credit['kind'];
  amount: string;
  expires_on: string | null;
  note: string;
}

interface Credits {
  customer: string | null;
  balances: CreditBalanceGroup[] | null;
  error: string | null;
  /** The sentence saying what was granted and which invoice it will reach. */
  granted: string | null;
  grantError: string | null;
  busy: boolean;
  show: (customer: string | null) => Promise<void>;
  grant: (request: GrantRequest, customerName: string) => Promise<boolean>;
}

export const useCredits = create<Credits>((set, get) => ({
  customer: null,
  balances: null,
  error: null,
  granted: null,
  grantError: null,
  busy: false,
  async show(customer) {
    set({ customer });
    try {
      const balances = await api.creditBalances(customer ? { customer } : {});
      if (get().customer === customer) set({ balances, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async grant(request, customerName) {
    set({ busy: true, granted: null, grantError: null });
    try {
      const credit = await api.grantCredit({
        ...request,
        note: request.note.trim() || undefined,
      });
      const reach = await api.creditReach({ credit: credit.id });
      set({ granted: grantedSentence(credit, reach, customerName) });
      await Promise.all([get().show(get().customer), useSession.getState().load()]);
      return true;
    } catch (error) {
      set({ grantError: messageOf(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
}));

/** As the command line says it: which invoice the credit will first reduce. */
function grantedSentence(
  credit: Credit,
  reach: { period: string; draft: string | null },
  customerName: string,
): string {
  const reaches =
    reach.draft === null
      ? `It will reach ${customerName}'s invoice for ${reach.period}, when that period is billed.`
      : `It will reach ${customerName}'s draft invoice for ${reach.period} when that period is billed again.`;
  return `Granted ${credit.kind} credit ${credit.id} on ${credit.granted_on}${credit.expires_on ? `, usable until ${credit.expires_on} (exclusive)` : ''}. ${reaches}`;
}
