/**
 * The payments and activity procedures through the backend's dispatch (validation in
 * and out) on a real store: the preview records nothing and agrees with the import,
 * lists are newest first, the export is the CLI's CSV, and changes are logged as the app's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src-main/api/backend';
import type { Outcome } from '../../src-main/api/contract';
import { openStore } from '../../src-main/store/store';
import { withOpenInvoices } from '../support/payment-books';

const SPARKASSE = join(import.meta.dirname, '../fixtures/payments/sparkasse-umsaetze-2026-11.csv');
const BANK_FILE =
  'date,amount,reference\n' +
  '2026-11-20,40.00,=HYPERLINK("x") INV-2026-00001\n' +
  '2026-11-21,5.00,Office rent\n';

describe('the payments procedures', () => {
  let dir = '';
  let backend: Backend;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexus-billing-payments-api-'));
    const store = await openStore(join(dir, 'data'));
    await withOpenInvoices(store);
    await store.close();
    backend = await openBackend(join(dir, 'data'));
  });
  afterEach(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function value<T>(name: string, payload: unknown = {}): Promise<T> {
    const outcome = await backend.call(name, payload);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value as T;
  }

  it('previews a bank file without recording it, then records exactly that', async () => {
    await writeFile(join(dir, 'bank.csv'), BANK_FILE);
    const { file } = await backend.addFile(join(dir, 'bank.csv'), 'bank.csv');

    const preview = await value<{ dry_run: boolean }>('previewPaymentImport', { file });
    expect(preview).toMatchObject({
      dry_run: true,
      recorded: 1,
      payments: [{ row: 2, invoice: 'INV-2026-00001', customer: 'acme', amount: '40.00' }],
      unmatched: [{ row: 3, reason: 'no invoice number was found in the reference' }],
    });
    expect(await value('listPayments')).toEqual({ payments: [] });

    const imported = await value('importPayments', { file });
    expect(imported).toEqual({ ...preview, dry_run: false });
    await value('recordPayment', {
      invoice: 'INV-2026-00002',
      amount: '1250',
      method: 'card',
      date: '2026-11-22',
    });

    const { payments } = await value<{ payments: { payment_id: string }[] }>('listPayments');
    expect(payments.map((payment) => payment.payment_id)).toEqual(['pay_2', 'pay_1']);
    const { entries } = await value<{ entries: { action: string; door: string }[] }>(
      'listActivity',
      { customer: 'acme' },
    );
    expect(entries[0]).toMatchObject({ action: 'payment.record', door: 'app', subject: 'pay_1' });

    const exported = await value<{ csv: string; payments: number }>('exportPayments', {
      customer: 'acme',
    });
    expect(exported.payments).toBe(1);
    expect(exported.csv).toBe(
      'payment_id,date,invoice,customer,customer_name,currency,amount,method,reference\r\n' +
        `pay_1,2026-11-20,INV-2026-00001,acme,Acme Corp,USD,40.00,wire,"'=HYPERLINK(""x"") INV-2026-00001"\r\n`,
    );
  });

  it('offers the columns of a bank file as the import reads them, in its encoding', async () => {
    const { file } = await backend.addFile(SPARKASSE, 'umsaetze.csv');
    const columns = (encoding: string) => value('bankFileColumns', { file, encoding });

    expect(await columns('windows-1252')).toEqual({
      columns: [
        'Auftragskonto',
        'Buchungstag',
        'Valutadatum',
        'Buchungstext',
        'Verwendungszweck',
        'Begünstigter/Zahlungspflichtiger',
        'Kontonummer/IBAN',
        'Betrag',
        'Währung',
        'Info',
      ],
    });
    // The header is read as the rows are: the columns chosen for the fields are found.
    const preview = await value('previewPaymentImport', {
      file,
      encoding: 'windows-1252',
      decimal_comma: true,
      map: {
        date: 'Buchungstag',
        amount: 'Betrag',
        reference: 'Verwendungszweck',
        currency: 'Währung',
      },
    });
    // This book bills acme in USD and JPY: the Währung column's EUR is what refuses the rows.
    expect(preview).toMatchObject({
      recorded: 0,
      unmatched: [
        { row: 2, reason: 'the amount is in EUR, invoice INV-2026-00002 in JPY' },
        { row: 3, reason: 'the amount is in EUR, invoice INV-2026-00001 in USD' },
        { row: 4, reason: 'amount -1234.56 is no money received' },
        { row: 5, reason: 'no invoice number was found in the reference' },
        { row: 6, reason: 'the amount is in EUR, invoice INV-2026-00001 in USD' },
        { row: 7, reason: 'no invoice number was found in the reference' },
      ],
    });
    await expect(columns('utf-8')).rejects.toThrow(/is not UTF-8 text \(row 1\)/);
  });

  it("refuses a payment in the service's own sentence", async () => {
    const outcome: Outcome = await backend.call('recordPayment', {
      invoice: 'INV-2026-00002',
      amount: '10.5',
      method: 'wire',
      date: '2026-11-22',
    });
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: "The amount '10.5' has more decimals than JPY allows (0).",
        details: [],
      },
    });
  });

  it('reports the aging as of a date, per currency and customer', async () => {
    expect(await value('aging', { as_of: '2026-12-15' })).toMatchObject({
      as_of: '2026-12-15',
      currencies: [
        { currency: 'JPY', d1_30: '1250', customers: [{ customer: 'kyoto' }] },
        { currency: 'USD', d1_30: '102.50', customers: [{ customer: 'acme' }] },
      ],
    });
  });
});
