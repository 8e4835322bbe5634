import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { Dec } from '../../src-main/domain/money';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { recordPayment } from '../../src-main/services/payments';
import { listInvoices } from '../../src-main/services/present';
import { statementFor, writeStatementPdf } from '../../src-main/services/statement';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import type { Store } from '../../src-main/store/store';
import { bill } from '../support/billing-store';
import { withOpenInvoices } from '../support/payment-books';
import { pdfInfo, pdfText } from '../support/pdf';
import { useTempStore } from '../support/temp-store';
import { openBackend } from '../../src-main/api/backend';

const run = promisify(execFile);
const SCREENSHOT = new URL('../../docs/screenshots/statement', import.meta.url).pathname;

/**
 * Acme: INV-2026-00001 ($102.50, 2 Nov), a $50 credit note (5 Nov), a $60 payment
 * (10 Nov) that overpays by $7.50, then November's invoice ($100.00, 1 Dec) which takes
 * the $7.50 overpayment as prepaid balance and leaves $92.50 due.
 */
async function acmeAccount(store: Store): Promise<string> {
  await withOpenInvoices(store);
  await issueCreditNote(store, {
    invoice: 'INV-2026-00001',
    amount: '50.00',
    reason: 'Outage',
    asOf: '2026-11-05',
  });
  await recordPayment(store, {
    invoice: 'INV-2026-00001',
    amount: '60.00',
    method: 'wire',
    date: '2026-11-10',
  });
  const run = await bill(store, { period: '2026-11', asOf: '2026-12-01', finalize: true });
  const november = run.invoices.find((invoice) => invoice.customer === 'acme');
  return november?.number ?? '';
}

describe('a customer statement', () => {
  const temp = useTempStore();

  it('runs from the opening to the closing balance through invoices, credit notes and payments', async () => {
    const november = await acmeAccount(temp.store());
    const statement = statementFor(temp.store(), {
      customer: 'acme',
      from: '2026-11-01',
      to: '2026-12-31',
    });
    expect(statement.currencies).toHaveLength(1);
    const [usd] = statement.currencies;
    expect(usd).toMatchObject({
      currency: 'USD',
      opening_balance: '0.00',
      invoiced: '202.50',
      paid: '60.00',
      credited: '50.00',
      voided: '0.00',
      closing_balance: '92.50',
    });
    expect(
      usd?.entries.map(({ date, kind, reference, charge, credit, balance }) => [
        date,
        kind,
        reference,
        charge,
        credit,
        balance,
      ]),
    ).toEqual([
      ['2026-11-02', 'invoice', 'INV-2026-00001', '102.50', '0.00', '102.50'],
      ['2026-11-05', 'credit_note', 'CN-2026-00001', '0.00', '50.00', '52.50'],
      ['2026-11-10', 'payment', 'pay_1', '0.00', '60.00', '-7.50'],
      // The overpayment it took already lowered the balance: the charge is the whole total.
      ['2026-12-01', 'invoice', november, '100.00', '0.00', '92.50'],
    ]);
  });

  it('closes on what the open invoices still owe, and opens where the day before closed', async () => {
    await acmeAccount(temp.store());
    const december = statementFor(temp.store(), {
      customer: 'acme',
      from: '2026-12-01',
      to: '2026-12-31',
    });
    const november = statementFor(temp.store(), {
      customer: 'acme',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(november.currencies[0]?.closing_balance).toBe('-7.50');
    expect(december.currencies[0]?.opening_balance).toBe('-7.50');
    const owed = listInvoices(temp.store(), { customer: 'acme', asOf: '2026-12-31' }).reduce(
      (total, invoice) => total.plus(invoice.balance_due),
      new Dec(0),
    );
    expect(december.currencies[0]?.closing_balance).toBe(owed.toFixed(2));
  });

  it('keeps each currency apart and reverses a voided invoice on the day it was voided', async () => {
    await withOpenInvoices(temp.store());
    await voidInvoice(temp.store(), 'INV-2026-00002', { asOf: '2026-11-20' });
    const statement = statementFor(temp.store(), {
      customer: 'kyoto',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(statement.currencies.map((section) => section.currency)).toEqual(['JPY']);
    expect(statement.currencies[0]).toMatchObject({
      invoiced: '1250',
      voided: '1250',
      closing_balance: '0',
    });
    expect(statement.currencies[0]?.entries.map((entry) => entry.kind)).toEqual([
      'invoice',
      'void',
    ]);
  });

  it('refuses an unknown customer and a range that ends before it starts, in one sentence', async () => {
    await withOpenInvoices(temp.store());
    expect(() =>
      statementFor(temp.store(), { customer: 'acme', from: '2026-12-01', to: '2026-11-01' }),
    ).toThrow(
      new UserError("The statement's from date 2026-12-01 is after its to date 2026-11-01."),
    );
    expect(() =>
      statementFor(temp.store(), { customer: 'nobody', from: '2026-11-01', to: '2026-11-30' }),
    ).toThrow(/^There is no customer 'nobody'\./);
    expect(() =>
      statementFor(temp.store(), { customer: 'acme', from: '2026-13-01', to: '2026-11-30' }),
    ).toThrow("The statement's from date '2026-13-01' is not a date YYYY-MM-DD.");
  });

  it('prints as a PDF with the invoices’ header, every entry and page N of M, never over a file', async () => {
    const november = await acmeAccount(temp.store());
    const out = join(temp.dir(), 'acme-statement.pdf');
    const result = await writeStatementPdf(temp.store(), {
      customer: 'acme',
      from: '2026-11-01',
      to: '2026-12-31',
      out,
    });
    expect(result.file_name).toBe('statement-acme-2026-11-01-2026-12-31.pdf');
    const text = await pdfText(out);
    for (const expected of [
      'STATEMENT',
      'Acme Corp',
      'Customer ID: acme',
      'CHARGES',
      'PAYMENTS & CREDITS',
      'BALANCE',
      'Opening balance on Nov 1, 2026',
      'Nov 2, 2026 · Invoice INV-2026-00001',
      'Nov 5, 2026 · Credit note CN-2026-00001',
      'Nov 10, 2026 · Payment pay_1',
      `Dec 1, 2026 · Invoice ${november}`,
      'Closing balance on Dec 31, 2026',
      'Balance due: $92.50',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Payments received\s+-\$60\.00/);
    expect(text).toMatch(/Closing balance\s+\$92\.50/);
    expect((await pdfInfo(out)).Title).toBe('Statement Nov 1, 2026 – Dec 31, 2026');

    // The page as a reader sees it, for docs/screenshots/.
    await run('pdftoppm', ['-png', '-r', '80', '-singlefile', out, SCREENSHOT]);

    await writeFile(out, 'mine');
    await expect(
      writeStatementPdf(temp.store(), {
        customer: 'acme',
        from: '2026-11-01',
        to: '2026-12-31',
        out,
      }),
    ).rejects.toThrow(UserError);
  });

  it('is answered by the API with its figures and the PDF, for the customer page', async () => {
    await acmeAccount(temp.store());
    await temp.store().close();
    const backend = await openBackend(join(temp.dir(), 'data'));
    try {
      const outcome = await backend.call('customerStatement', {
        customer: 'acme',
        from: '2026-12-01',
        to: '2026-12-31',
      });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const answer = outcome.value as {
        file_name: string;
        pdf_base64: string;
        currencies: { opening_balance: string; closing_balance: string; entries: number }[];
      };
      expect(answer.file_name).toBe('statement-acme-2026-12-01-2026-12-31.pdf');
      expect(answer.currencies).toEqual([
        expect.objectContaining({ opening_balance: '-7.50', closing_balance: '92.50', entries: 1 }),
      ]);
      const pdf = join(temp.dir(), answer.file_name);
      await writeFile(pdf, Buffer.from(answer.pdf_base64, 'base64'));
      expect(await pdfText(pdf)).toContain('Opening balance on Dec 1, 2026');
      const refused = await backend.call('customerStatement', {
        customer: 'acme',
        from: '2026-12-31',
        to: '2026-12-01',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    } finally {
      await backend.close();
    }
  });
});
