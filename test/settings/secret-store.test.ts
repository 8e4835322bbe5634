import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openBackend } from '../../src-main/api/backend';
import {
  EncryptedFileSecrets,
  EnvironmentSecrets,
  secretStatus,
  type StringCipher,
} from '../../src-main/secrets/secret-store';
import { withKeychain } from '../../src-main/secrets/keychain-backend';
import type { Outcome } from '../../src-main/api/contract';
import { tempDir } from '../support/cli';
import { documentBookFolder } from '../support/document-store';
import { Inbox, smtpTo } from '../support/smtp-inbox';

/**
 * Stands for Electron's safeStorage (which only runs inside Electron): a reversible
 * scrambling, so the test can tell that what is written is not the password.
 */
function fakeKeychain(available = true): StringCipher {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => flip(Buffer.from(text, 'utf8')),
    decryptString: (bytes) => {
      if (bytes[0] === 0) throw new Error('Error while decrypting the ciphertext');
      return flip(bytes).toString('utf8');
    },
  };
}

describe('the SMTP password', () => {
  it('is read from NEXUS_SMTP_PASSWORD without the desktop app, which cannot keep one', async () => {
    const secrets = new EnvironmentSecrets({ NEXUS_SMTP_PASSWORD: 's3cret' });
    expect(await secrets.smtpPassword()).toBe('s3cret');
    expect(await secretStatus(secrets)).toEqual({ place: 'environment', smtp_password_set: true });
    expect(await secretStatus(new EnvironmentSecrets({}))).toEqual({
      place: 'environment',
      smtp_password_set: false,
    });
    await expect(secrets.setSmtpPassword()).rejects.toThrow(
      'Without the desktop app there is no keychain to keep the SMTP password in: set NEXUS_SMTP_PASSWORD in the environment of nexus-billing instead.',
    );
  });

  it('is kept encrypted by the keychain in a file only its owner reads, and forgotten when emptied', async () => {
    const file = join(await tempDir(), 'profile', 'smtp-password.bin');
    const secrets = new EncryptedFileSecrets(file, fakeKeychain());
    expect(await secrets.smtpPassword()).toBeUndefined();
    await secrets.setSmtpPassword('correct horse');
    expect(await readFile(file)).not.toContain(Buffer.from('correct horse'));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await new EncryptedFileSecrets(file, fakeKeychain()).smtpPassword()).toBe(
      'correct horse',
    );
    expect(await secretStatus(secrets)).toEqual({ place: 'keychain', smtp_password_set: true });
    await secrets.setSmtpPassword('');
    expect(await secrets.smtpPassword()).toBeUndefined();
  });

  it('is refused, in one sentence, when the keychain is unavailable or cannot decrypt it', async () => {
    const file = join(await tempDir(), 'smtp-password.bin');
    await expect(
      new EncryptedFileSecrets(file, fakeKeychain(false)).setSmtpPassword('x'),
    ).rejects.toThrow(
      'The OS keychain is not available, so the SMTP password cannot be kept safely; set NEXUS_SMTP_PASSWORD in the environment instead.',
    );
    await writeFile(file, Buffer.from([0, 1, 2]));
    await expect(new EncryptedFileSecrets(file, fakeKeychain()).smtpPassword()).rejects.toThrow(
      'The saved SMTP password cannot be decrypted by this account’s keychain; enter it again in Settings.',
    );
  });

  it('is answered by the desktop shell from the keychain, never by the backend of the data folder', async () => {
    const dir = await tempDir();
    const backend = await openBackend(join(dir, 'data'));
    onTestFinished(() => backend.close());
    const secrets = new EncryptedFileSecrets(join(dir, 'profile', 'smtp.bin'), fakeKeychain());
    const desktop = withKeychain(backend, secrets);

    const refused = await backend.call('setSmtpPassword', { password: 'pw' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^Without the desktop app/);
    expect(await desktop.call('setSmtpPassword', { password: 'pw' })).toEqual({
      ok: true,
      value: { place: 'keychain', smtp_password_set: true },
    });
    expect(await secrets.smtpPassword()).toBe('pw');
    const settings = await desktop.call('settings', {});
    expect(settings).toMatchObject({
      ok: true,
      value: { smtp_password: { place: 'keychain', smtp_password_set: true } },
    });
    expect(await desktop.call('setSmtpPassword', { password: 42 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    // The test email goes on to the backend, which checks the settings first.
    expect(await desktop.call('sendTestEmail', { to: 'ap@example.com' })).toMatchObject({
      ok: false,
      error: { message: 'There is no SMTP server in the settings; set its host first.' },
    });
  });

  it('sends invoices and reminders from the desktop with the keychain’s password', async () => {
    // A server that takes mail only from a client that logs in with the password.
    const inbox = new Inbox();
    await inbox.start({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.password === 'pw'
          ? callback(null, { user: auth.username })
          : callback(new Error('Invalid username or password')),
    });
    onTestFinished(() => inbox.stop());
    const data = await documentBookFolder(smtpTo(inbox.port, 'desk'));
    const backend = await openBackend(data);
    onTestFinished(() => backend.close());
    const secrets = new EncryptedFileSecrets(join(await tempDir(), 'smtp.bin'), fakeKeychain());
    await secrets.setSmtpPassword('pw');
    const desktop = withKeychain(backend, secrets);
    const valueOf = <T>(outcome: Outcome): T => {
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value as T;
    };
    const emailed = async (door: typeof backend) => {
      const { job } = valueOf<{ job: string }>(
        await door.call('startInvoiceEmails', { invoices: ['INV-2026-00001'] }),
      );
      for (;;) {
        const status = valueOf<{ state: string; result?: { records: { status: string }[] } }>(
          await door.call('jobStatus', { job }),
        );
        if (status.state !== 'running') return status.result?.records.map((r) => r.status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // The worker's own door has no keychain: the server refuses it, the mail waits.
    expect(await emailed(backend)).toEqual(['failed']);
    expect(await emailed(desktop)).toEqual(['sent']);
    const reminders = valueOf<{ reminded: { invoice: string; record: { status: string } }[] }>(
      await desktop.call('sendReminders', { invoices: ['INV-2026-00001'], as_of: '2026-12-13' }),
    );
    expect(reminders.reminded.map((r) => [r.invoice, r.record.status])).toEqual([
      ['INV-2026-00001', 'sent'],
    ]);
    expect(inbox.deliveries.map((delivery) => delivery.mail.subject)).toEqual([
      expect.stringContaining('INV-2026-00001'),
      'Reminder: invoice INV-2026-00001 is 12 days overdue',
    ]);
  });
});
