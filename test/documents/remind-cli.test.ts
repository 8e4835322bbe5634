/**
 * `nexus-billing remind` on a real data folder and a real SMTP server on loopback. The
 * invoices fall due 12 days before today, so the days between reminders are counted
 * from the day the reminders are really sent.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src-main/domain/dates';
import type { StoreData } from '../../src-main/store/data';
import { cli } from '../support/cli';
import { documentBookFolder } from '../support/document-store';
import { Inbox, smtpTo } from '../support/smtp-inbox';

let inbox: Inbox;
afterEach(() => inbox.stop());

const today = todayUtc();

function dueTwelveDaysAgo(data: StoreData): void {
  for (const invoice of data.invoices) {
    if (invoice.due_date !== null) invoice.due_date = addDays(today, -12);
  }
  const fuji = data.customers.find((customer) => customer.id === 'fuji');
  if (fuji) fuji.email = [];
}

/** A data folder whose invoices are overdue, sending through a new loopback SMTP server. */
async function overdueBookWithMailServer(): Promise<string> {
  inbox = new Inbox();
  await inbox.start();
  const port = inbox.port;
  return documentBookFolder((book) => {
    smtpTo(port)(book);
    dueTwelveDaysAgo(book);
  });
}

describe('remind', () => {
  it('reminds each overdue invoice once, says why others are skipped, and sums up', async () => {
    const data = await overdueBookWithMailServer();

    const first = await cli(['remind', '--data', data]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'INV-2026-00001: reminder sent to ap@zoe.example (12 days overdue, €1,369.06 due).',
        'INV-2026-00002: reminder sent to ap@zoe.example (12 days overdue, €136.00 due).',
        'INV-2026-00004: skipped, customer fuji has no email address.',
        `2 reminded (2 sent, 0 queued, 0 failed), 1 skipped, as of ${today}.`,
        '',
      ].join('\n'),
    );
    expect(inbox.deliveries.map((d) => [d.to, d.mail.subject])).toEqual([
      [['ap@zoe.example'], 'Reminder: invoice INV-2026-00001 is 12 days overdue'],
      [['ap@zoe.example'], 'Reminder: invoice INV-2026-00002 is 12 days overdue'],
    ]);

    const again = await cli(['remind', '--invoice', 'INV-2026-00002', '--data', data]);
    expect(again.stdout).toBe(
      [
        `INV-2026-00002: skipped, last reminded on ${today}; reminders are 7 days apart, so the next is due on ${addDays(today, 7)}.`,
        `0 reminded (0 sent, 0 queued, 0 failed), 1 skipped, as of ${today}.`,
        '',
      ].join('\n'),
    );
    const json = await cli(['remind', '--min-days', '0', '--json', '--data', data]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      as_of: today,
      min_days_between: 0,
      reminded: [
        { invoice: 'INV-2026-00001', record: { kind: 'reminder', status: 'sent' } },
        { invoice: 'INV-2026-00002', record: { kind: 'reminder', status: 'sent' } },
      ],
      skipped: [{ invoice: 'INV-2026-00004', reason: 'customer fuji has no email address' }],
    });
    expect(inbox.deliveries).toHaveLength(4);

    const shown = await cli(['show', 'INV-2026-00001', '--json', '--data', data]);
    const records = (JSON.parse(shown.stdout) as { email_records: { kind: string }[] })
      .email_records;
    expect(records.map((record) => record.kind)).toEqual(['reminder', 'reminder']);
    const text = await cli(['show', 'INV-2026-00001', '--data', data]);
    expect(text.stdout).toMatch(
      /Emails:\nAT\s+KIND\s+STATUS.*\n\S+\s+reminder\s+sent\s+ap@zoe\.example/,
    );
  });

  it('queues with --queue; email --send-outbox sends the reminder like any queued email', async () => {
    const data = await overdueBookWithMailServer();
    const queued = await cli(['remind', '--invoice', 'INV-2026-00001', '--queue', '--data', data]);
    expect(queued.stdout).toBe(
      [
        'INV-2026-00001: reminder queued for ap@zoe.example in the outbox (12 days overdue, €1,369.06 due).',
        `1 reminded (0 sent, 1 queued, 0 failed), 0 skipped, as of ${today}.`,
        '',
      ].join('\n'),
    );
    expect(inbox.deliveries).toEqual([]);
    expect(await readdir(join(data, 'outbox'))).toEqual([
      expect.stringMatching(/^INV-2026-00001-.*\.eml$/),
    ]);
    const sent = await cli(['email', '--send-outbox', '--data', data]);
    expect(sent).toMatchObject({ code: 0, stdout: 'Sent INV-2026-00001 to ap@zoe.example.\n' });
    expect(inbox.deliveries.map((d) => d.mail.subject)).toEqual([
      'Reminder: invoice INV-2026-00001 is 12 days overdue',
    ]);
  });

  it('refuses in one sentence what it cannot remind, and a bad --min-days', async () => {
    inbox = new Inbox();
    const data = await documentBookFolder(dueTwelveDaysAgo);
    const voided = await cli(['remind', '--invoice', 'INV-2026-00003', '--data', data]);
    expect(voided).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Invoice INV-2026-00003 is void; only an overdue invoice is reminded.\n',
    });
    const early = await cli(['remind', '--as-of', addDays(today, -30), '--data', data]);
    expect(early).toMatchObject({
      code: 0,
      stdout: `No invoice is overdue on ${addDays(today, -30)}.\n`,
    });
    const bad = await cli(['remind', '--min-days', 'a week', '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--min-days takes a whole number of days, not 'a week'.");
  });
});
