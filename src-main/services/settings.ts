/**
 * The book's settings (seller, numbering, terms, bank, locale and page size, SMTP) and
 * its backups, changed from the Settings screen or `nexus-billing settings`. A change is
 * checked exactly as `load` checks a bundle's settings (the same schemas and sentences),
 * merged the same way, and recorded in the activity log.
 */
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { checkSections } from '../bundle/parse';
import { BUNDLE_FORMAT } from '../bundle/schema';
import { mergeSettings } from '../bundle/settings';
import { UserError } from '../domain/errors';
import type { Settings, SettingsPatch } from '../domain/model';
import type { BackupInfo } from '../store/backups';
import type { Store } from '../store/store';
import { recordActivity, type ChangeOrigin } from './activity';
import { isEmailAddress, send, senderOf } from './email';

export function currentSettings(store: Store): Settings {
  return store.read().settings;
}

/**
 * Merges `patch` over the settings (the seller field by field, as a bundle does) after
 * checking it; refuses the whole patch, naming each wrong field, if any is wrong.
 */
export async function updateSettings(
  store: Store,
  patch: unknown,
  origin: ChangeOrigin = {},
): Promise<Settings> {
  return store.update((draft, book) => {
    const checked = checkedPatch(patch, draft);
    const before = draft.settings;
    const after = mergeSettings(before, checked);
    const changed = changedKeys(before, after);
    if (changed.length === 0) return after;
    draft.settings = after;
    recordActivity(book, origin, {
      action: 'settings.update',
      subject: 'settings',
      summary: `Changed the settings: ${changed.join(', ')}.`,
    });
    return after;
  });
}

/**
 * One setting by its dotted name (`seller.name`, `payment_terms_days`, `smtp.port`), as
 * the command line gives it: the value is read as JSON when it is JSON (a number, true,
 * null, a list) and as text otherwise.
 */
export function settingPatch(key: string, value: string): SettingsPatch {
  const path = key.split('.');
  if (path.some((part) => !/^[a-z_]+$/.test(part))) {
    throw new UserError(
      `'${key}' is not a setting name; names look like seller.name or payment_terms_days.`,
    );
  }
  let parsed: unknown = value;
  try {
    parsed = JSON.parse(value);
  } catch {
    // Not JSON: the value is the text itself (a name, an address).
  }
  return path.reduceRight<unknown>((inner, part) => ({ [part]: inner }), parsed) as SettingsPatch;
}

/** The backups of the data folder, newest first. */
export function backups(store: Store): Promise<BackupInfo[]> {
  return store.listBackups();
}

/** A backup the desk asked for, before a change it may want to undo. */
export function backUpNow(store: Store): Promise<BackupInfo> {
  return store.backup('manual');
}

export interface RestoredBackup {
  restored: string;
  /** The backup of the state just before the restore: restoring it undoes the restore. */
  saved_before: BackupInfo;
}

/**
 * Brings back the backup `name` after saving the current state as a backup, and logs
 * the restore in the restored book, so its log says who went back and when.
 */
export async function restoreBackup(
  store: Store,
  name: string,
  origin: ChangeOrigin = {},
): Promise<RestoredBackup> {
  const saved = await store.restore(name);
  await store.update((_draft, book) => {
    recordActivity(book, origin, {
      action: 'backup.restore',
      subject: name,
      summary: `Restored backup ${name}; the state before it is backup ${saved.name}.`,
    });
  });
  return { restored: name, saved_before: saved };
}

function checkedPatch(patch: unknown, data: Parameters<typeof checkSections>[1]): SettingsPatch {
  const { bundle, problems } = checkSections({ format: BUNDLE_FORMAT, settings: patch }, data);
  if (bundle) return bundle.settings ?? {};
  const lines = problems.map((problem) =>
    problem.path ? `${problem.path}: ${problem.message}` : problem.message,
  );
  const [first] = lines;
  if (lines.length === 1 && first !== undefined) {
    throw new UserError(`${first}; nothing was changed.`);
  }
  throw new UserError(`The settings have ${lines.length} problems; nothing was changed:`, lines);
}

/** The dotted names of the settings that differ, seller fields one by one. */
function changedKeys(before: Settings, after: Settings): string[] {
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  return Object.keys(after).flatMap((key) => {
    const name = key as keyof Settings;
    if (name === 'seller') {
      return Object.keys(after.seller)
        .filter((field) =>
          differs(
            before.seller[field as keyof Settings['seller']],
            after.seller[field as keyof Settings['seller']],
          ),
        )
        .map((field) => `seller.${field}`);
    }
    return differs(before[name], after[name]) ? [name] : [];
  });
}

/**
 * Sends a short message through the SMTP settings, so the desk knows they work before
 * an invoice depends on them. A failure is the server's own words in one sentence.
 */
export async function sendTestEmail(
  store: Store,
  to: string,
  password: string | undefined,
): Promise<{ to: string; message_id: string }> {
  const settings = currentSettings(store);
  if (!settings.smtp) {
    throw new UserError('There is no SMTP server in the settings; set its host first.');
  }
  if (!isEmailAddress(to)) throw new UserError(`'${to}' is not an email address.`);
  const from = senderOf(settings);
  const messageId = `<test-${randomUUID()}@nexus-billing-desk>`;
  const message = await new MailComposer({
    from,
    to,
    subject: `Test email from ${settings.seller.name}`,
    text: `This message was sent by Nexus Billing Desk to check the SMTP settings (${settings.smtp.host}:${settings.smtp.port}). Invoices will be sent the same way.\n`,
    messageId,
  })
    .compile()
    .build();
  try {
    await send(settings, password, { from, to: [to] }, message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`The test email to ${to} was not sent: ${reason}`);
  }
  return { to, message_id: messageId };
}
