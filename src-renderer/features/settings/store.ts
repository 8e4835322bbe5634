import { create } from 'zustand';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';

export type SettingsView = ProcedureOutput<'settings'>;
export type Backup = ProcedureOutput<'listBackups'>[number];

/** Which part of the screen a message belongs to, so it shows next to its button. */
export type SettingsPart = 'book' | 'smtp' | 'password' | 'test' | 'backups';

interface SettingsState {
  view: SettingsView | null;
  backups: Backup[] | null;
  /** The last outcome of each part: a refusal or what was done. */
  errors: Partial<Record<SettingsPart, string>>;
  done: Partial<Record<SettingsPart, string>>;
  busy: SettingsPart | null;
  load: () => Promise<void>;
  save: (part: 'book' | 'smtp', patch: Record<string, unknown>) => Promise<void>;
  setPassword: (password: string) => Promise<void>;
  sendTest: (to: string) => Promise<void>;
  restore: (name: string) => Promise<void>;
  backUpNow: () => Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => {
  /** Runs a call for one part, keeping its message and whether it is running. */
  async function run(part: SettingsPart, call: () => Promise<string>): Promise<void> {
    set((state) => ({
      busy: part,
      errors: { ...state.errors, [part]: undefined },
      done: { ...state.done, [part]: undefined },
    }));
    try {
      const message = await call();
      set((state) => ({ done: { ...state.done, [part]: message } }));
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [part]: messageOf(error) } }));
    } finally {
      set({ busy: null });
    }
  }

  return {
    view: null,
    backups: null,
    errors: {},
    done: {},
    busy: null,
    async load() {
      try {
        const [view, backups] = await Promise.all([api.settings({}), api.listBackups({})]);
        set({ view, backups });
      } catch (error) {
        set((state) => ({ errors: { ...state.errors, book: messageOf(error) } }));
      }
    },
    save: (part, patch) =>
      run(part, async () => {
        const settings = await api.updateSettings({ patch });
        const view = get().view;
        if (view) set({ view: { ...view, settings } });
        // Screens write money in the settings' locale and show the seller: read them anew.
        await useSession.getState().load();
        return 'Saved.';
      }),
    setPassword: (password) =>
      run('password', async () => {
        const status = await api.setSmtpPassword({ password });
        const view = get().view;
        if (view) set({ view: { ...view, smtp_password: status } });
        return password === '' ? 'The password was forgotten.' : 'The password is in the keychain.';
      }),
    sendTest: (to) =>
      run('test', async () => {
        const sent = await api.sendTestEmail({ to });
        return `A test email went to ${sent.to}.`;
      }),
    backUpNow: () =>
      run('backups', async () => {
        const backup = await api.backUpNow({});
        set({ backups: await api.listBackups({}) });
        return `Backed up the book as ${backup.name}.`;
      }),
    restore: (name) =>
      run('backups', async () => {
        const result = await api.restoreBackup({ name });
        await Promise.all([get().load(), useSession.getState().load()]);
        return `Restored ${result.restored}. The book as it was before is backup ${result.saved_before.name}; restore it to undo.`;
      }),
  };
});
