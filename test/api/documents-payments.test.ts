/**
 * Documents and payments through the browser mode's door, as the invoice page and the
 * bill run drive them: the PDF of an invoice, an export of several into a folder, an
 * email into the outbox and its record, a payment logged as made in the app, and the
 * aging report moving with it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src-main/domain/money';
import type { JobStatus, Outcome, ProcedureOutput } from '../../src-main/api/contract';
import { useTestServer } from '../support/app-server';

function value<T>(outcome: Outcome): T {
  if (!outcome.ok) throw new Error(`call failed: ${outcome.error.message}`);
  return outcome.value as T;
}

describe('documents and payments over HTTP', () => {
  const t = useTestServer({ newFolder: true });

  async function finished(job: string): Promise<JobStatus> {
    for (;;) {
      const status = value<JobStatus>(await t.outcome('jobStatus', { job }));
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Bills last month on the demo book and finalizes two of its drafts. */
  async function twoInvoices(): Promise<{ numbers: string[]; today: string }> {
    const { today } = value<{ today: string }>(await t.outcome('bookOverview'));
    const [year, month] = today.split('-').map(Number) as [number, number];
    const period = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    await finished(value<{ job: string }>(await t.outcome('startBillRun', { period })).job);
    const drafts = value<{ invoices: { id: string; currency: string }[] }>(
      await t.outcome('listInvoices', { period, status: 'draft', limit: 20 }),
    ).invoices.filter((row) => row.currency === 'USD');
    const finalized = value<{ number: string }[]>(
      await t.outcome('finalizeInvoices', { invoices: drafts.slice(0, 2).map((row) => row.id) }),
    );
    return { numbers: finalized.map((row) => row.number), today };
  }

  it('renders an invoice as a PDF and exports the selected ones into a folder', async () => {
    const { numbers } = await twoInvoices();
    const [first] = numbers as [string];
    const pdf = value<ProcedureOutput<'invoicePdf'>>(
      await t.outcome('invoicePdf', { invoice: first }),
    );
    expect(pdf.file_name).toBe(`${first}.pdf`);
    expect(Buffer.from(pdf.pdf_base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const folder = join(t.dir(), 'pdfs');
    const { job } = value<{ job: string }>(
      await t.outcome('startPdfExport', { invoices: numbers, folder }),
    );
    const status = await finished(job);
    expect(status).toMatchObject({
      state: 'done',
      kind: 'pdf_export',
      progress: { done: 2, total: 2 },
      result: { folder },
    });
    expect(readdirSync(folder).sort()).toEqual(numbers.map((number) => `${number}.pdf`).sort());
    const text = execFileSync('pdftotext', [join(folder, `${first}.pdf`), '-']).toString();
    expect(text).toContain(first);

    const missing = await t.outcome('invoicePdf', { invoice: 'INV-NOPE' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'refused', message: "There is no invoice 'INV-NOPE'." },
    });
  });

  it('leaves the files as they were when the same invoices are exported again', async () => {
    const { numbers } = await twoInvoices();
    const folder = join(t.dir(), 'pdfs');
    await finished(
      value<{ job: string }>(
        await t.outcome('startPdfExport', { invoices: [numbers[0], numbers[1]], folder }),
      ).job,
    );
    const again = await finished(
      value<{ job: string }>(await t.outcome('startPdfExport', { invoices: numbers, folder })).job,
    );
    expect(again).toMatchObject({
      state: 'done',
      result: { files: [{ outcome: 'unchanged' }, { outcome: 'unchanged' }] },
    });
  });

  it('queues an invoice email in the outbox and lists its record', async () => {
    const { numbers } = await twoInvoices();
    const [first] = numbers as [string];
    const status = await finished(
      value<{ job: string }>(
        await t.outcome('startInvoiceEmails', { invoices: [first, 'INV-NOPE'] }),
      ).job,
    );
    expect(status).toMatchObject({
      state: 'done',
      kind: 'invoice_email',
      result: {
        records: [{ invoice: first, status: 'queued' }],
        refused: [{ invoice: 'INV-NOPE', reason: "There is no invoice 'INV-NOPE'." }],
      },
    });
    const records = value<{ status: string; outbox_file: string }[]>(
      await t.outcome('invoiceEmails', { invoice: first }),
    );
    expect(records).toHaveLength(1);
    expect(existsSync(join(t.dataDir(), records[0]!.outbox_file))).toBe(true);
  });

  it('records a payment as made in the app, and the aging report moves', async () => {
    const { numbers, today } = await twoInvoices();
    const [first] = numbers as [string];
    const before = value<ProcedureOutput<'aging'>>(await t.outcome('aging', {}));
    const detail = value<ProcedureOutput<'invoiceDetail'>>(
      await t.outcome('invoiceDetail', { invoice: first }),
    );
    const paid = value<ProcedureOutput<'recordPayment'>>(
      await t.outcome('recordPayment', {
        invoice: first,
        amount: detail.invoice.balance_due,
        method: 'wire',
        date: today,
        reference: 'W-1',
      }),
    );
    expect(paid).toMatchObject({ invoice: { number: first, status: 'paid', balance_due: '0.00' } });

    const logged = readdirSync(join(t.dataDir(), 'periods'))
      .filter((name) => name.endsWith('.json'))
      .flatMap(
        (name) =>
          (
            JSON.parse(readFileSync(join(t.dataDir(), 'periods', name), 'utf8')) as {
              activity?: { action: string; door: string; invoice: string }[];
            }
          ).activity ?? [],
      );
    expect(logged).toContainEqual(
      expect.objectContaining({ action: 'payment.record', door: 'app', invoice: first }),
    );

    const after = value<ProcedureOutput<'aging'>>(await t.outcome('aging', {}));
    const usd = (report: typeof after) => report.currencies.find((c) => c.currency === 'USD');
    expect(new Dec(usd(before)!.total).minus(usd(after)!.total).toFixed(2)).toBe(
      detail.invoice.balance_due,
    );

    const refused = await t.outcome('recordPayment', {
      invoice: first,
      amount: '10.00',
      method: 'wire',
      date: today,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!refused.ok && refused.error.message).toMatch(/already paid/);
  });
});
