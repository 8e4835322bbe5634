/**
 * Payment reminders against a real store in a temp folder and a real SMTP server on
 * loopback: what is reminded and what skipped (and why), the days between reminders,
 * the outbox when the server is down, and email records older than reminders.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { emailRecordSchema } from '../../src-main/domain/email-record';
import { emailInvoice, sendOutbox } from '../../src-main/services/email';
import { previewReminders, sendReminders } from '../../src-main/services/reminders';
import type { StoreData } from '../../src-main/store/data';
import { openStore, type Store } from '../../src-main/store/store';
import { documentBookFolder } from '../support/document-store';
import { attachmentText, Inbox, smtpTo } from '../support/smtp-inbox';

// The document book's invoices were due on 2026-12-01.
const AS_OF = '2026-12-13';
const at = (date: string) => () => new Date(`${date}T09:30:00Z`);

let inbox: Inbox;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await inbox.stop();
});

async function bookWith(...adjust: ((data: StoreData) => void)[]): Promise<Store> {
  const data = await documentBookFolder((book) => adjust.forEach((change) => change(book)));
  store = await openStore(data);
  return store;
}

const withoutEmail = (customer: string) => (data: StoreData) => {
  const found = data.customers.find((candidate) => candidate.id === customer);
  if (found) found.email = [];
};

describe('sendReminders', () => {
  it("emails each overdue invoice's customer a reminder with the PDF, and records it", async () => {
    inbox = new Inbox();
    await inbox.start();
    const book = await bookWith(smtpTo(inbox.port));

    const result = await sendReminders(book, { asOf: AS_OF, now: at(AS_OF) });

    // The void invoice, the draft and the marketplace statement are never overdue.
    expect(result.reminded.map((r) => [r.invoice, r.days_overdue, r.record.status])).toEqual([
      ['INV-2026-00001', 12, 'sent'],
      ['INV-2026-00002', 12, 'sent'],
      ['INV-2026-00004', 12, 'sent'],
    ]);
    expect(result.skipped).toEqual([]);
    const delivery = inbox.deliveries.find((d) => d.mail.subject?.includes('INV-2026-00001'));
    expect(delivery?.to).toEqual(['ap@zoe.example']);
    const mail = delivery?.mail as ParsedMail;
    expect(mail.subject).toBe('Reminder: invoice INV-2026-00001 is 12 days overdue');
    expect(mail.text).toContain('Hello Zoë Müller GmbH,');
    expect(mail.text).toContain('is 12 days overdue (it was due on Dec 1, 2026)');
    expect(mail.text).toContain('Balance due: €1,369.06');
    expect(mail.text).toContain('Due date: Dec 1, 2026');
    expect(mail.text).toContain('Payment by bank transfer\nBeneficiary: Nexus Engine GmbH');
    expect(mail.html).toContain('<strong>€1,369.06</strong>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['INV-2026-00001.pdf', 'application/pdf'],
    ]);
    expect(await attachmentText(mail)).toMatch(/Balance due\s+€1,369\.06/);
    const yen = inbox.deliveries.find((d) => d.mail.subject?.includes('INV-2026-00004'));
    expect(yen?.mail.text).toContain('Balance due: ¥1,235');

    const records = book.read().email_records;
    expect(records.map((record) => [record.invoice, record.kind, record.status])).toEqual([
      ['INV-2026-00001', 'reminder', 'sent'],
      ['INV-2026-00002', 'reminder', 'sent'],
      ['INV-2026-00004', 'reminder', 'sent'],
    ]);
    const logged = book.read().activity.filter((entry) => entry.action === 'invoice.remind');
    expect(logged.map((entry) => entry.summary)).toContain(
      'Emailed a reminder of invoice INV-2026-00001 to ap@zoe.example.',
    );
  });

  it('reminds an invoice again only once the days between reminders have passed', async () => {
    inbox = new Inbox();
    await inbox.start();
    const book = await bookWith(smtpTo(inbox.port));
    const once = await sendReminders(book, {
      asOf: AS_OF,
      invoices: ['INV-2026-00001', 'inv-zoe', 'INV-2026-00001'],
      now: at(AS_OF),
    });
    expect(once.reminded.map((r) => r.invoice)).toEqual(['INV-2026-00001']);
    // An invoice email is no reminder: it does not hold the next one back.
    await emailInvoice(book, { invoice: 'INV-2026-00002', now: at(AS_OF) });

    const sixDaysLater = previewReminders(book, { asOf: '2026-12-19', now: at('2026-12-19') });
    expect(sixDaysLater.due.map((due) => due.invoice)).toEqual([
      'INV-2026-00002',
      'INV-2026-00004',
    ]);
    expect(sixDaysLater.skipped).toMatchObject([
      {
        invoice: 'INV-2026-00001',
        last_reminded: AS_OF,
        days_overdue: 18,
        reason:
          'last reminded on 2026-12-13; reminders are 7 days apart, so the next is due on 2026-12-20',
      },
    ]);
    const sevenDaysLater = previewReminders(book, { asOf: '2026-12-20', now: at('2026-12-20') });
    expect(sevenDaysLater.due.map((due) => due.invoice)).toContain('INV-2026-00001');
    expect(sevenDaysLater.skipped).toEqual([]);
    const sooner = previewReminders(book, {
      asOf: '2026-12-16',
      minDaysBetween: 3,
      now: at('2026-12-16'),
    });
    expect(sooner.skipped).toEqual([]);

    const again = await sendReminders(book, { asOf: '2026-12-19', now: at('2026-12-19') });
    expect(again.reminded.map((r) => r.invoice)).toEqual(['INV-2026-00002', 'INV-2026-00004']);
    expect(inbox.deliveries.map((d) => d.mail.subject)).not.toContain(
      'Reminder: invoice INV-2026-00001 is 18 days overdue',
    );
  });

  it('skips, with the reason, the customers without an email address', async () => {
    inbox = new Inbox();
    await inbox.start();
    const book = await bookWith(smtpTo(inbox.port), withoutEmail('fuji'));
    const result = await sendReminders(book, { asOf: AS_OF, now: at(AS_OF) });
    expect(result.reminded.map((r) => r.invoice)).toEqual(['INV-2026-00001', 'INV-2026-00002']);
    expect(result.skipped).toMatchObject([
      {
        invoice: 'INV-2026-00004',
        customer_name: 'Fuji Mobility KK',
        balance_due: '1235',
        currency: 'JPY',
        reason: 'customer fuji has no email address',
      },
    ]);
    expect(inbox.deliveries).toHaveLength(2);
  });

  it('refuses a named invoice that is not overdue in one sentence, sending nothing', async () => {
    inbox = new Inbox();
    await inbox.start();
    const book = await bookWith(smtpTo(inbox.port));
    const cases: [string[], string, string][] = [
      [
        ['INV-2026-00001'],
        '2026-11-20',
        'Invoice INV-2026-00001 is not overdue on 2026-11-20: it is due on 2026-12-01; only an overdue invoice is reminded.',
      ],
      [
        ['INV-2026-00001', 'INV-2026-00003'],
        AS_OF,
        'Invoice INV-2026-00003 is void; only an overdue invoice is reminded.',
      ],
      [
        ['inv_zoe-main_2026-11_1'],
        AS_OF,
        'Invoice inv_zoe-main_2026-11_1 is a draft; only an overdue invoice is reminded.',
      ],
      [['INV-2026-09999'], AS_OF, "There is no invoice 'INV-2026-09999'."],
    ];
    for (const [invoices, asOf, sentence] of cases) {
      await expect(sendReminders(book, { asOf, invoices })).rejects.toThrow(sentence);
    }
    await expect(sendReminders(book, { asOf: AS_OF, minDaysBetween: -1 })).rejects.toThrow(
      'The days between reminders must be a whole number of days, 0 or more, not -1.',
    );
    expect(inbox.deliveries).toEqual([]);
    expect(book.read().email_records).toEqual([]);
  });

  it('keeps a reminder in the outbox while the server is down; sendOutbox delivers it later', async () => {
    inbox = new Inbox();
    await inbox.start();
    const port = inbox.port;
    await inbox.stop();
    const book = await bookWith(smtpTo(port));

    const down = await sendReminders(book, {
      asOf: AS_OF,
      invoices: ['INV-2026-00002'],
      now: at(AS_OF),
    });
    expect(down.reminded).toMatchObject([
      { invoice: 'INV-2026-00002', record: { kind: 'reminder', status: 'failed' } },
    ]);
    expect(down.reminded[0]?.record.error).toContain('ECONNREFUSED');
    const waiting = await readdir(join(book.dir, 'outbox'));
    expect(waiting).toEqual([expect.stringMatching(/^INV-2026-00002-.*\.eml$/)]);
    // Waiting in the outbox counts as reminded: a second run does not queue it twice.
    expect(
      previewReminders(book, { asOf: AS_OF, now: at(AS_OF) }).skipped.map((s) => s.invoice),
    ).toEqual(['INV-2026-00002']);

    await inbox.start({}, port);
    const later = await sendOutbox(book);
    expect(later.sent).toMatchObject([{ invoice: 'INV-2026-00002', kind: 'reminder' }]);
    expect(inbox.deliveries.map((d) => d.mail.subject)).toEqual([
      'Reminder: invoice INV-2026-00002 is 12 days overdue',
    ]);
    expect(book.read().email_records.map((record) => [record.kind, record.status])).toEqual([
      ['reminder', 'failed'],
      ['reminder', 'sent'],
    ]);
  });

  it('reads email records stored before reminders existed as invoice emails', async () => {
    inbox = new Inbox();
    const book = await bookWith();
    const queued = await emailInvoice(book, { invoice: 'INV-2026-00001' });
    const dir = book.dir;
    await book.close();
    store = undefined;
    // Strip `kind` from the stored record, as a book written by an older desk holds it.
    const periods = join(dir, 'periods');
    for (const name of await readdir(periods)) {
      const path = join(periods, name);
      const text = await readFile(path, 'utf8');
      if (!text.includes(queued.id)) continue;
      const document = JSON.parse(text) as { email_records: Record<string, unknown>[] };
      for (const record of document.email_records) delete record.kind;
      await writeFile(path, JSON.stringify(document));
    }
    const { kind: _kind, ...older } = queued;
    expect(emailRecordSchema.parse(older).kind).toBe('invoice');

    store = await openStore(dir);
    expect(store.read().email_records).toEqual([{ ...queued, kind: 'invoice' }]);
    expect(previewReminders(store, { asOf: AS_OF }).due.map((due) => due.invoice)).toContain(
      'INV-2026-00001',
    );
  });
});
