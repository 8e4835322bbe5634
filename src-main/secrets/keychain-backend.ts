/**
 * The desktop shell's backend: the data folder's backend (on its worker thread, where
 * Electron's keychain cannot be reached) with the SMTP password procedures answered in
 * the main process from the keychain. Every procedure that sends mail gets the password
 * added on its way to the worker; the window itself never reads it.
 */
import type { Backend } from '../api/backend';
import { callProcedure } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import type { ProcedureName } from '../api/contract';
import { secretStatus, type SecretStore } from './secret-store';

const SENDING_MAIL: ReadonlySet<string> = new Set<ProcedureName>([
  'sendTestEmail',
  'startInvoiceEmails',
  'sendReminders',
]);

export function withKeychain(backend: Backend, secrets: SecretStore): Backend {
  const keychainHandlers: Pick<Handlers, 'smtpPasswordStatus' | 'setSmtpPassword'> = {
    smtpPasswordStatus: () => secretStatus(secrets),
    setSmtpPassword: async ({ password }) => {
      await secrets.setSmtpPassword(password);
      return secretStatus(secrets);
    },
  };
  return {
    ...backend,
    call: async (name, payload) => {
      if (name === 'smtpPasswordStatus' || name === 'setSmtpPassword') {
        return callProcedure(keychainHandlers as Handlers, name, payload);
      }
      if (SENDING_MAIL.has(name) && typeof payload === 'object' && payload !== null) {
        return backend.call(name, { ...payload, password: await secrets.smtpPassword() });
      }
      if (name === 'settings') {
        const outcome = await backend.call(name, payload);
        if (!outcome.ok) return outcome;
        return {
          ok: true,
          value: { ...(outcome.value as object), smtp_password: await secretStatus(secrets) },
        };
      }
      return backend.call(name, payload);
    },
  };
}
