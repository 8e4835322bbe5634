/**
 * Chasing what is overdue, in a real browser against `serve` on the demo book: its last
 * month finalized and the desk's today moved past the due dates, a clerk sends one
 * reminder from an overdue invoice's page (it is listed with the emails), then on the
 * Aging screen sees which invoices would be reminded and which skipped, and why, before
 * sending the rest. axe finds no serious or critical violation; the screens are
 * photographed into docs/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src-main/domain/dates';
import {
  callDesk,
  checkAndPhotograph,
  lastMonth,
  openOnDashboard,
  useBrowserAndDesk,
} from '../support/desk-in-browser';

const desk = useBrowserAndDesk();

const call = <T>(procedure: string, input: unknown) => callDesk<T>(desk.app, procedure, input);

/** Bills and finalizes last month, then moves the desk's today 45 days on: past the due dates. */
async function overdueBook(): Promise<string> {
  const { job } = await call<{ job: string }>('startBillRun', { period: lastMonth() });
  const billed = () => call<{ state: string }>('jobStatus', { job }).then((status) => status.state);
  await expect.poll(billed, { timeout: 60_000 }).toBe('done');
  const { invoices } = await call<{ invoices: { id: string }[] }>('listInvoices', {
    status: 'draft',
    limit: 1000,
  });
  await call('finalizeInvoices', { invoices: invoices.map((invoice) => invoice.id) });
  const later = addDays(todayUtc(), 45);
  await call('updateSettings', { patch: { today: later } });
  return later;
}

describe('reminders', () => {
  it('sends a reminder from the invoice page, then previews and sends the rest', async () => {
    const asOf = await overdueBook();
    const overdue = await call<{ invoices: { number: string }[]; total: number }>('listInvoices', {
      status: 'overdue',
      limit: 1000,
    });
    expect(overdue.total).toBeGreaterThan(2);
    const first = overdue.invoices[0]?.number ?? '';

    const { page, problems } = await openOnDashboard(desk.browser, desk.app);
    const axe: string[] = [];
    await page.goto(`${desk.app.origin}/#/invoices/${encodeURIComponent(first)}`);
    const reminder = page.getByRole('group', { name: 'Payment reminder' });
    await expect.poll(() => reminder.getByText('Not reminded yet.').count()).toBe(1);
    await reminder.getByRole('button', { name: 'Send reminder' }).click();
    await expect
      .poll(() => reminder.getByRole('status').textContent())
      .toMatch(/^Reminder to .+@.+: waiting in the outbox\.$/);
    const today = todayUtc();
    await expect.poll(() => reminder.getByText(/^Last reminded on /).count()).toBe(1);
    const emails = page.getByRole('table', { name: 'Emails of the invoice' });
    await expect.poll(() => emails.getByRole('cell', { name: 'Payment reminder' }).count()).toBe(1);
    await reminder.getByRole('button', { name: 'Send reminder' }).click();
    await expect
      .poll(() => reminder.getByRole('status').textContent())
      .toBe(
        `Not sent: last reminded on ${today}; reminders are 7 days apart, so the next is due on ${addDays(today, 7)}.`,
      );
    await checkAndPhotograph(page, 'invoice-reminder', axe);

    await page.goto(`${desk.app.origin}/#/payments/aging`);
    await page.getByRole('button', { name: 'Remind overdue customers' }).click();
    const card = page.getByRole('region', { name: `Remind overdue customers as of ${asOf}` });
    const toRemind = card.getByRole('table', { name: /^To remind: / });
    await expect.poll(() => toRemind.count()).toBe(1);
    const skipped = card.getByRole('table', { name: 'Skipped: 1 invoice' });
    await expect
      .poll(() => skipped.getByRole('row', { name: new RegExp(first) }).textContent())
      .toContain(`last reminded on ${today}`);
    const due = overdue.total - 1;
    expect(await toRemind.getByRole('row').count()).toBe(due + 1);
    await checkAndPhotograph(page, 'reminders', axe);
    // Nothing is sent before the clerk says so.
    expect(
      await call<unknown[]>('invoiceEmails', { invoice: overdue.invoices[1]?.number }),
    ).toEqual([]);

    await card.getByRole('button', { name: `Send ${due} reminders` }).click();
    await expect
      .poll(() => card.getByRole('status').textContent(), { timeout: 60_000 })
      .toBe(`${due} reminders waiting in the outbox.`);
    const reminded = card.getByRole('table', { name: `Reminded: ${due} invoices` });
    expect(await reminded.getByRole('cell', { name: 'Waiting in the outbox' }).count()).toBe(due);
    expect(await card.getByRole('table', { name: 'Skipped: 1 invoice' }).count()).toBe(1);
    await checkAndPhotograph(page, 'reminders-sent', axe);
    const second = await call<{ kind: string; status: string }[]>('invoiceEmails', {
      invoice: overdue.invoices[1]?.number,
    });
    expect(second).toMatchObject([{ kind: 'reminder', status: 'queued' }]);
    const activity = await call<{ entries: { action: string; door: string }[] }>('listActivity', {
      invoice: first,
    });
    expect(activity.entries.filter((entry) => entry.action === 'invoice.remind')).toEqual([
      expect.objectContaining({ door: 'app' }),
    ]);

    expect(axe).toEqual([]);
    expect(problems).toEqual([]);
  });
});
