import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmailRecord } from '../../src-main/domain/email-record';
import { openStore } from '../../src-main/store/store';
import { cli, tempDir } from '../support/cli';
import { documentBookFolder } from '../support/document-store';
import { attachmentText, Inbox, smtpTo } from '../support/smtp-inbox';

let inbox: Inbox;
afterEach(async () => {
  await inbox.stop();
  delete process.env.NEXUS_SMTP_PASSWORD;
});

async function records(data: string): Promise<EmailRecord[]> {
  const run = await cli(['show', 'INV-2026-00001', '--json', '--data', data]);
  return (JSON.parse(run.stdout) as { email_records: EmailRecord[] }).email_records;
}

describe('email', () => {
  it("sends an invoice to the customer's address with its PDF attached, and records it", async () => {
    inbox = new Inbox();
    await inbox.start();
    const data = await documentBookFolder(smtpTo(inbox.port));
    const run = await cli(['email', '--invoice', 'INV-2026-00001', '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sent INV-2026-00001 to ap@zoe\.example \(<INV-2026-00001\./);

    expect(inbox.deliveries).toHaveLength(1);
    const [delivery] = inbox.deliveries;
    expect(delivery?.to).toEqual(['ap@zoe.example']);
    expect(delivery?.from).toBe('billing@nexus.example');
    const mail = delivery?.mail as ParsedMail;
    expect(mail.subject).toBe('Invoice INV-2026-00001 from Nexus Engine GmbH');
    expect(mail.from?.text).toBe('"Nexus Engine GmbH" <billing@nexus.example>');
    expect(mail.text).toContain('Hello Zoë Müller GmbH,');
    expect(mail.text).toContain('Total: €1,469.06');
    expect(mail.text).toContain('Balance due: €1,369.06');
    expect(mail.text).toContain('Due date: Dec 1, 2026');
    expect(mail.html).toContain('<strong>€1,369.06</strong>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['INV-2026-00001.pdf', 'application/pdf'],
    ]);
    const pdf = await attachmentText(mail);
    expect(pdf).toContain('Zoë Müller GmbH');
    expect(pdf).toMatch(/Balance due\s+€1,369\.06/);

    expect(await records(data)).toMatchObject([
      { status: 'sent', to: ['ap@zoe.example'], message_id: mail.messageId, error: null },
    ]);
    const shown = await cli(['show', 'INV-2026-00001', '--data', data]);
    expect(shown.stdout).toMatch(
      /Emails:\nAT\s+KIND\s+STATUS\s+TO\s+MESSAGE ID\s+ERROR\n\S+\s+invoice\s+sent\s+ap@zoe\.example/,
    );
  });

  it('keeps the message in the outbox while the server is down, and --send-outbox delivers it later', async () => {
    inbox = new Inbox();
    await inbox.start();
    const port = inbox.port;
    await inbox.stop();
    const data = await documentBookFolder(smtpTo(port));

    const down = await cli([
      'email',
      '--invoice',
      'INV-2026-00001',
      '--to',
      'ap2@zoe.example',
      '--data',
      data,
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(
      /^Could not send INV-2026-00001: .*ECONNREFUSED.*; it waits in the outbox\.\n$/,
    );
    const waiting = await readdir(join(data, 'outbox'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatch(/^INV-2026-00001-.*\.eml$/);
    expect(await records(data)).toMatchObject([
      { status: 'failed', to: ['ap2@zoe.example'], outbox_file: join('outbox', waiting[0] ?? '') },
    ]);

    const stillDown = await cli(['email', '--send-outbox', '--data', data]);
    expect(stillDown.code).toBe(1);
    expect(stillDown.stdout).toContain('Could not send INV-2026-00001');
    expect(await readdir(join(data, 'outbox'))).toContain(waiting[0]);

    await inbox.start({}, port);
    const later = await cli(['email', '--send-outbox', '--data', data]);
    expect(later).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Sent INV-2026-00001 to ap2@zoe.example.\n',
    });
    expect(inbox.deliveries.map((d) => d.to)).toEqual([['ap2@zoe.example']]);
    const mail = inbox.deliveries[0]?.mail as ParsedMail;
    expect(await attachmentText(mail)).toContain('INV-2026-00001');
    expect((await readdir(join(data, 'outbox'))).filter((name) => name.endsWith('.eml'))).toEqual(
      [],
    );
    expect(await readdir(join(data, 'outbox', 'sent'))).toEqual(waiting);
    const history = await records(data);
    expect(history.map((record) => record.status)).toEqual(['failed', 'failed', 'sent']);
    expect(new Set(history.map((record) => record.message_id)).size).toBe(1);

    const empty = await cli(['email', '--send-outbox', '--data', data]);
    expect(empty.stdout).toBe('The outbox is empty.\n');
  });

  it('without SMTP writes an .eml any mail client opens, into the outbox or a chosen folder', async () => {
    inbox = new Inbox();
    const data = await documentBookFolder();
    const queued = await cli(['email', '--invoice', 'INV-2026-00004', '--data', data]);
    expect(queued.code).toBe(0);
    expect(queued.stdout).toMatch(
      /^Queued INV-2026-00004 for ap@fuji\.example in .*outbox\/INV-2026-00004-.*\.eml\.\n$/,
    );
    const [name = ''] = await readdir(join(data, 'outbox'));
    const mail = await simpleParser(await readFile(join(data, 'outbox', name)));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ap@fuji.example');
    expect(mail.text).toContain('Balance due: ¥1,235');
    expect(await attachmentText(mail)).toContain('¥1,235');
    expect(await records(data)).toEqual([]);

    const folder = await tempDir();
    const chosen = await cli([
      'email',
      '--invoice',
      'INV-2026-00001',
      '--outbox',
      folder,
      '--json',
      '--data',
      data,
    ]);
    const record = JSON.parse(chosen.stdout) as EmailRecord;
    expect(record).toMatchObject({ status: 'queued', to: ['ap@zoe.example'] });
    expect(record.outbox_file?.startsWith(folder)).toBe(true);
    expect(await readdir(folder)).toHaveLength(1);

    const refused = await cli(['email', '--send-outbox', '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^No SMTP server is set \(settings\.smtp\); the messages wait in .*outbox\.\n$/,
    );
  });

  it('keeps the email history through a dump and a load', async () => {
    inbox = new Inbox();
    const data = await documentBookFolder();
    await cli(['email', '--invoice', 'INV-2026-00001', '--data', data]);
    const bundle = join(await tempDir(), 'book.json');
    expect((await cli(['dump', '--out', bundle, '--data', data])).code).toBe(0);
    const restored = await tempDir();
    expect((await cli(['load', bundle, '--data', restored])).code).toBe(0);
    expect(await records(restored)).toEqual(await records(data));
    expect(await records(restored)).toMatchObject([{ status: 'queued' }]);
  });

  it('logs in with the password from the environment and never stores it', async () => {
    inbox = new Inbox();
    await inbox.start({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => {
        if (auth.username === 'desk' && auth.password === 's3cret-ø')
          callback(null, { user: 'desk' });
        else callback(new Error('Invalid username or password'));
      },
    });
    const data = await documentBookFolder(smtpTo(inbox.port, 'desk'));
    process.env.NEXUS_SMTP_PASSWORD = 'wrong';
    const refused = await cli(['email', '--invoice', 'INV-2026-00001', '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Invalid username or password');
    process.env.NEXUS_SMTP_PASSWORD = 's3cret-ø';
    const sent = await cli(['email', '--send-outbox', '--data', data]);
    expect(sent.code).toBe(0);
    expect(inbox.deliveries).toHaveLength(1);
    for (const file of [
      'store.json',
      ...(await readdir(join(data, 'outbox', 'sent'))).map((n) => `outbox/sent/${n}`),
    ]) {
      expect(await readFile(join(data, file), 'utf8')).not.toContain('s3cret');
    }
  });

  it('refuses what cannot be emailed with one sentence', async () => {
    inbox = new Inbox();
    const data = await documentBookFolder((book) => {
      const fuji = book.customers.find((customer) => customer.id === 'fuji');
      if (fuji) fuji.email = [];
    });
    const cases: [string[], string][] = [
      [
        ['--invoice', 'INV-2026-00003'],
        'Invoice INV-2026-00003 is void; there is nothing to send.\n',
      ],
      [
        ['--invoice', 'inv_zoe-main_2026-11_1'],
        'inv_zoe-main_2026-11_1 is a draft; only a finalized invoice is emailed.\n',
      ],
      [
        ['--invoice', 'INV-2026-00004'],
        'Customer fuji has no email address; give one with --to.\n',
      ],
      [
        ['--invoice', 'INV-2026-00001', '--to', 'not an address'],
        "'not an address' is not an email address.\n",
      ],
    ];
    for (const [args, message] of cases) {
      expect(await cli(['email', ...args, '--data', data])).toMatchObject({
        code: 1,
        stderr: message,
      });
    }
    expect(await cli(['email', '--data', data])).toMatchObject({ code: 2 });
    const store = await openStore(data);
    try {
      expect(store.read().email_records).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
