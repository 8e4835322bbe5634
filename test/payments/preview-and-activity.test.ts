/**
 * The import's dry run (the app's matching preview) and the activity the payment and
 * email services log: what a preview shows is what the import then records, and every
 * payment and email is found in the log with its door.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailInvoice } from '../../src-main/services/email';
import { listActivity } from '../../src-main/services/activity';
import { importPayments } from '../../src-main/services/importPayments';
import { recordPayment } from '../../src-main/services/payments';
import { seedDocumentBook } from '../support/document-book';
import { useTempStore } from '../support/temp-store';
import { withOpenInvoices } from '../support/payment-books';

const BANK_FILE =
  'date,amount,reference\n' +
  '2026-11-20,40.00,Payment INV-2026-00001 part\n' +
  '2026-11-21,rent,Office rent\n' +
  '2026-11-22,1250,INV-2026-00002 Kyoto\n' +
  '2026-11-23,70.00,Rest INV-2026-00001\n';

describe("the import's dry run", () => {
  const temp = useTempStore();
  const store = temp.store;

  it('reports what the import then records, and records nothing itself', async () => {
    await withOpenInvoices(store());
    const file = temp.file('bank.csv', BANK_FILE);
    const before = store().read();
    const backups = await store().listBackups();

    const preview = await importPayments(store(), file, { dryRun: true });
    expect(preview).toEqual({
      dry_run: true,
      recorded: 3,
      duplicates: 0,
      unmatched: [{ row: 3, reason: "amount 'rent' is not an amount" }],
      payments: [
        {
          row: 2,
          invoice: 'INV-2026-00001',
          customer: 'acme',
          currency: 'USD',
          amount: '40.00',
          date: '2026-11-20',
          method: 'wire',
          reference: 'Payment INV-2026-00001 part',
          overpayment_credit: null,
        },
        {
          row: 4,
          invoice: 'INV-2026-00002',
          customer: 'kyoto',
          currency: 'JPY',
          amount: '1250',
          date: '2026-11-22',
          method: 'wire',
          reference: 'INV-2026-00002 Kyoto',
          overpayment_credit: null,
        },
        {
          row: 5,
          invoice: 'INV-2026-00001',
          customer: 'acme',
          currency: 'USD',
          amount: '70.00',
          date: '2026-11-23',
          method: 'wire',
          reference: 'Rest INV-2026-00001',
          // 102.50 owed, 40.00 paid before it in the same file.
          overpayment_credit: '7.50',
        },
      ],
      already_recorded: [],
    });
    expect(store().read()).toEqual(before);
    expect(await store().listBackups()).toEqual(backups);

    const imported = await importPayments(store(), file);
    expect(imported).toEqual({ ...preview, dry_run: false });

    const again = await importPayments(store(), file, { dryRun: true });
    expect(again).toMatchObject({
      recorded: 0,
      duplicates: 3,
      payments: [],
      already_recorded: [
        { row: 2, invoice: 'INV-2026-00001', amount: '40.00', date: '2026-11-20' },
        { row: 4, invoice: 'INV-2026-00002', amount: '1250' },
        { row: 5, invoice: 'INV-2026-00001', amount: '70.00' },
      ],
    });
  });

  it('refuses a file it cannot read in a dry run as in an import', async () => {
    await withOpenInvoices(store());
    const file = temp.file('bank.csv', 'Datum,Betrag\n2026-11-20,40.00\n');
    await expect(importPayments(store(), file, { dryRun: true })).rejects.toThrow(
      "The CSV header has no column 'date' (for date); it has: Datum, Betrag. Name it so, or use --map date=COLUMN.",
    );
  });
});

describe('the activity of payments', () => {
  const temp = useTempStore();
  const store = temp.store;

  it('logs each payment with its customer, invoice and door, and a duplicate not again', async () => {
    await withOpenInvoices(store());
    const payment = {
      invoice: 'INV-2026-00001',
      amount: '110.00',
      method: 'wire',
      date: '2026-11-20',
      reference: 'W-77',
    };
    await recordPayment(store(), payment);
    await recordPayment(store(), payment);
    await recordPayment(store(), {
      ...payment,
      invoice: 'INV-2026-00002',
      amount: '5',
      door: 'app',
    });

    const log = listActivity(store()).filter((entry) => entry.action === 'payment.record');
    expect(log).toMatchObject([
      {
        door: 'cli',
        customer: 'acme',
        invoice: 'INV-2026-00001',
        subject: 'pay_1',
        summary:
          'Recorded payment pay_1 of 110.00 USD by wire on 2026-11-20. 7.50 USD beyond the balance became credit overpayment-pay_1.',
      },
      { door: 'app', customer: 'kyoto', invoice: 'INV-2026-00002', subject: 'pay_2' },
    ]);
    const kyoto = listActivity(store(), { customer: 'kyoto' });
    expect(kyoto.map((entry) => [entry.action, entry.subject])).toEqual([
      ['invoice.finalize', 'inv_c2_2026-10_1'],
      ['payment.record', 'pay_2'],
    ]);
  });

  it('logs each payment of an imported file with its row, and nothing for a dry run', async () => {
    await withOpenInvoices(store());
    const file = temp.file('bank.csv', BANK_FILE);
    const logged = () => listActivity(store()).filter((e) => e.action === 'payment.record');

    await importPayments(store(), file, { dryRun: true, door: 'app' });
    expect(logged()).toEqual([]);

    await importPayments(store(), file, { door: 'app' });
    expect(logged().map((entry) => [entry.door, entry.invoice, entry.summary])).toEqual([
      [
        'app',
        'INV-2026-00001',
        'Recorded payment pay_1 of 40.00 USD by wire on 2026-11-20 (row 2 of bank.csv).',
      ],
      [
        'app',
        'INV-2026-00002',
        'Recorded payment pay_2 of 1250 JPY by wire on 2026-11-22 (row 4 of bank.csv).',
      ],
      [
        'app',
        'INV-2026-00001',
        'Recorded payment pay_3 of 70.00 USD by wire on 2026-11-23 (row 5 of bank.csv). 7.50 USD beyond the balance became credit overpayment-pay_3.',
      ],
    ]);
  });
});

describe('the activity of emails', () => {
  const temp = useTempStore(seedDocumentBook);
  const store = temp.store;

  it('logs an invoice queued for its customer, by the door that asked', async () => {
    await emailInvoice(store(), { invoice: 'INV-2026-00004', outbox: join(temp.dir(), 'out') });
    await emailInvoice(store(), {
      invoice: 'INV-2026-00004',
      outbox: join(temp.dir(), 'out'),
      door: 'app',
    });
    expect(listActivity(store(), { invoice: 'INV-2026-00004' })).toMatchObject([
      {
        door: 'cli',
        action: 'invoice.email',
        customer: 'fuji',
        summary: 'Queued invoice INV-2026-00004 for ap@fuji.example in the outbox.',
      },
      { door: 'app', action: 'invoice.email', customer: 'fuji' },
    ]);
  });
});
