import { create } from 'zustand';
import type { ProcedureInput, ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';

export type ReminderPlan = ProcedureOutput<'previewReminders'>;
export type RemindersResult = ProcedureOutput<'sendReminders'>;
type Selection = ProcedureInput<'sendReminders'>;

interface Reminders {
  /** What a run would do, shown before anything is sent (and kept: it says what was skipped). */
  plan: ReminderPlan | null;
  result: RemindersResult | null;
  busy: boolean;
  error: string | null;
  preview: (selection: Selection) => Promise<void>;
  /** Sends; resolves once the result (or the refusal) is in. */
  send: (selection: Selection) => Promise<void>;
  reset: () => void;
}

export const useReminders = create<Reminders>((set) => {
  const run = async (work: () => Promise<Partial<Reminders>>) => {
    set({ busy: true, error: null });
    try {
      set(await work());
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    plan: null,
    result: null,
    busy: false,
    error: null,
    preview: (selection) =>
      run(async () => ({ plan: await api.previewReminders(selection), result: null })),
    send: (selection) => run(async () => ({ result: await api.sendReminders(selection) })),
    reset: () => set({ plan: null, result: null, busy: false, error: null }),
  };
});

/** What became of one reminder, in a few words a clerk reads. */
export function outcomeWords(record: RemindersResult['reminded'][number]['record']): string {
  switch (record.status) {
    case 'sent':
      return 'Sent';
    case 'queued':
      return 'Waiting in the outbox';
    case 'failed':
      return `Failed (${record.error ?? 'unknown error'}), waiting in the outbox`;
  }
}
