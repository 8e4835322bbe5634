import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { UserError } from '../../src-main/domain/errors';
import { listActivity } from '../../src-main/services/activity';
import {
  backUpNow,
  backups,
  currentSettings,
  restoreBackup,
  sendTestEmail,
  settingPatch,
  updateSettings,
} from '../../src-main/services/settings';
import { bookOf, ACME } from '../support/scenario-books';
import { useTempStore } from '../support/temp-store';

const PNG_LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the settings service', () => {
  const temp = useTempStore();

  it('keeps the marketplace and bank fields a change leaves out', async () => {
    await updateSettings(temp.store(), {
      marketplace: { aws_product_code: 'prod-abc', gcp_service_name: 'nexus.example' },
      seller: { bank: { name: 'First National', iban: 'DE89370400440532013000' } },
    });
    await updateSettings(temp.store(), {
      marketplace: { aws_product_code: 'prod-xyz' },
      seller: { bank: { account: '12345678' } },
    });
    const settings = currentSettings(temp.store());
    expect(settings.marketplace).toEqual({
      aws_product_code: 'prod-xyz',
      gcp_service_name: 'nexus.example',
    });
    expect(settings.seller.bank).toEqual({
      name: 'First National',
      iban: 'DE89370400440532013000',
      routing: '',
      account: '12345678',
    });
  });

  it('merges a change over the settings, field by field, and logs what changed and from where', async () => {
    const settings = await updateSettings(
      temp.store(),
      {
        seller: {
          name: 'Nordlicht GmbH',
          address: ['Hafenstraße 1', '20457 Hamburg'],
          logo: PNG_LOGO,
        },
        invoice_number_format: 'NL-{YYYY}-{SEQ:4}',
        payment_terms_days: 14,
        locale: 'de-DE',
        page_size: 'Letter',
        smtp: { host: 'smtp.example.com', port: 465, secure: true, user: 'desk' },
      },
      { door: 'app' },
    );
    expect(settings.seller).toMatchObject({ name: 'Nordlicht GmbH', logo: PNG_LOGO, tax_id: '' });
    expect(currentSettings(temp.store())).toEqual(settings);
    expect(settings.smtp).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      user: 'desk',
      from: '',
    });

    await updateSettings(temp.store(), { seller: { tax_id: 'DE123456789' } });
    expect(currentSettings(temp.store()).seller).toMatchObject({
      name: 'Nordlicht GmbH',
      tax_id: 'DE123456789',
    });
    expect(
      listActivity(temp.store()).map((entry) => [entry.action, entry.door, entry.summary]),
    ).toEqual([
      [
        'settings.update',
        'app',
        'Changed the settings: seller.name, seller.address, seller.logo, invoice_number_format, payment_terms_days, smtp, locale, page_size.',
      ],
      ['settings.update', 'cli', 'Changed the settings: seller.tax_id.'],
    ]);
  });

  it('refuses what load refuses, with the same sentence, and changes nothing', async () => {
    const before = currentSettings(temp.store());
    await expect(
      updateSettings(temp.store(), { invoice_number_format: 'INV-{YYYY}' }),
    ).rejects.toThrow(
      new UserError(
        'settings.invoice_number_format: has no {SEQ} or {SEQ:n} part for the sequence number; nothing was changed.',
      ),
    );
    await expect(
      updateSettings(temp.store(), { smtp: { host: 'smtp.example.com', password: 'hunter2' } }),
    ).rejects.toThrow(/^settings\.smtp\.password: is never stored/);
    await expect(
      updateSettings(temp.store(), {
        seller: { logo: 'data:image/gif;base64,R0lGOD' },
        locale: 'xx-NOPE-123',
      }),
    ).rejects.toMatchObject({
      message: 'The settings have 2 problems; nothing was changed:',
      details: [
        expect.stringMatching(/^settings\.seller\.logo: must be a PNG or JPEG image/),
        expect.stringMatching(/^settings\.locale: must be a locale/),
      ],
    });
    expect(currentSettings(temp.store())).toEqual(before);
    expect(listActivity(temp.store())).toEqual([]);
  });

  it('reads one setting from the command line as JSON when it is JSON, else as text', () => {
    expect(settingPatch('seller.name', 'Acme Ltd')).toEqual({ seller: { name: 'Acme Ltd' } });
    expect(settingPatch('payment_terms_days', '14')).toEqual({ payment_terms_days: 14 });
    expect(settingPatch('seller.address', '["1 Main St","Springfield"]')).toEqual({
      seller: { address: ['1 Main St', 'Springfield'] },
    });
    expect(() => settingPatch('seller..name', 'x')).toThrow(
      "'seller..name' is not a setting name; names look like seller.name or payment_terms_days.",
    );
  });

  it('restores a backup after saving the current state, and logs the restore', async () => {
    await updateSettings(temp.store(), { seller: { name: 'Before' } });
    const taken = await backUpNow(temp.store());
    expect(taken.reason).toBe('manual');
    await loadBundle(temp.store(), bookOf({ customers: [ACME] }));
    await updateSettings(temp.store(), { seller: { name: 'After' } });
    expect(temp.store().read().customers).toHaveLength(1);

    const result = await restoreBackup(temp.store(), taken.name, { door: 'app' });
    expect(result.restored).toBe(taken.name);
    expect(result.saved_before.reason).toBe('restore');
    expect(currentSettings(temp.store()).seller.name).toBe('Before');
    expect(temp.store().read().customers).toEqual([]);
    expect((await backups(temp.store())).map((backup) => backup.name)).toContain(
      result.saved_before.name,
    );
    const last = listActivity(temp.store()).at(-1);
    expect(last).toMatchObject({ action: 'backup.restore', door: 'app', subject: taken.name });

    // Restoring the state saved before brings the later book back.
    await restoreBackup(temp.store(), result.saved_before.name);
    expect(currentSettings(temp.store()).seller.name).toBe('After');
    expect(temp.store().read().customers).toHaveLength(1);
  });

  it('refuses a backup that does not exist, in one sentence', async () => {
    await expect(restoreBackup(temp.store(), 'nope.json')).rejects.toThrow(
      /^There is no backup named "nope\.json" in /,
    );
  });

  it('sends a test email through the SMTP settings, logging in with the password given', async () => {
    const received: { user: string; password: string; subject: string; to: string }[] = [];
    const logins: { user: string; password: string }[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
        if (auth.password === 'right') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              user: String(session.user),
              password: '',
              subject: mail.subject ?? '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.server.address() as AddressInfo).port;
    await updateSettings(temp.store(), {
      seller: { name: 'Nordlicht GmbH', email: 'billing@nordlicht.example' },
      smtp: { host: '127.0.0.1', port, user: 'desk' },
    });

    const sent = await sendTestEmail(temp.store(), 'ap@customer.example', 'right');
    expect(sent.to).toBe('ap@customer.example');
    expect(received).toEqual([
      {
        user: 'desk',
        password: '',
        subject: 'Test email from Nordlicht GmbH',
        to: 'ap@customer.example',
      },
    ]);
    await expect(sendTestEmail(temp.store(), 'ap@customer.example', 'wrong')).rejects.toThrow(
      /^The test email to ap@customer\.example was not sent: .*Invalid username or password/,
    );
    expect(logins.map((login) => login.password)).toEqual(['right', 'wrong']);
    await expect(sendTestEmail(temp.store(), 'not an address', 'right')).rejects.toThrow(
      "'not an address' is not an email address.",
    );
  });

  it('keeps no password anywhere in the data folder', async () => {
    await updateSettings(temp.store(), { smtp: { host: 'smtp.example.com', user: 'desk' } });
    await temp.store().backup('check');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const dataDir = temp.store().dir;
    expect(existsSync(dataDir)).toBe(true);
    for (const file of files(dataDir)) {
      expect(await readFile(file, 'utf8')).not.toContain('password');
    }
  });
});
