import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvoiceNumberFinder,
  parseBankAmount,
  parseBankDate,
} from '../../src-main/domain/bank-rows';
import { importPayments } from '../../src-main/services/importPayments';
import { listInvoices } from '../../src-main/services/present';
import { useTempStore } from '../support/temp-store';
import { cli } from '../support/cli';
import { openInvoicesFolder, payableBook, withOpenInvoices } from '../support/payment-books';
import { GROWTH, contractOf, calls } from '../support/scenario-books';

const SPARKASSE = join(import.meta.dirname, '../fixtures/payments/sparkasse-umsaetze-2026-11.csv');
const SPARKASSE_MAP = {
  date: 'Buchungstag',
  amount: 'Betrag',
  reference: 'Verwendungszweck',
  currency: 'Währung',
};

/** The debit, the rent and the unknown invoice of the fixture. */
const SPARKASSE_UNMATCHED = [
  { row: 4, reason: 'amount -1234.56 is no money received' },
  { row: 5, reason: 'no invoice number was found in the reference' },
  { row: 7, reason: 'no invoice number was found in the reference' },
];

/** Two German customers billed in EUR: INV-2026-00001 Jörg (100.00), INV-2026-00002 Zoë (102.50). */
const germanBook = () =>
  payableBook({
    plans: [{ ...GROWTH, code: 'growth-eur', currency: 'EUR' }],
    customers: [
      { id: 'jorg', name: 'Jörg Bäcker KG', external_ids: ['org_jorg'], currency: 'EUR' },
      { id: 'zoe', name: 'Zoë Müller GmbH', external_ids: ['org_zoe'], currency: 'EUR' },
    ],
    contracts: [
      contractOf({ id: 'c-jorg', customer: 'jorg', plan: 'growth-eur', payment_method: 'wire' }),
      contractOf({ id: 'c-zoe', customer: 'zoe', plan: 'growth-eur', payment_method: 'wire' }),
    ],
    usage: [calls('250', '2026-10-03T00:00:00Z', { customer: 'org_zoe' })],
  });

describe('importing a bank file', () => {
  const temp = useTempStore();
  const store = temp.store;

  it('reads a German bank export (Windows-1252, semicolons, decimal comma) and lists what it cannot match', async () => {
    await withOpenInvoices(store(), germanBook());
    const options = { map: SPARKASSE_MAP, decimalComma: true, encoding: 'windows-1252' };
    const result = await importPayments(store(), SPARKASSE, options);
    expect(result).toMatchObject({
      dry_run: false,
      recorded: 3,
      duplicates: 0,
      unmatched: SPARKASSE_UNMATCHED,
      payments: [
        { row: 2, invoice: 'INV-2026-00002', customer: 'zoe', amount: '102.50' },
        { row: 3, invoice: 'INV-2026-00001', customer: 'jorg', amount: '40.00' },
        {
          row: 6,
          invoice: 'INV-2026-00001',
          customer: 'jorg',
          currency: 'EUR',
          amount: '65.00',
          date: '2026-11-20',
          overpayment_credit: '5.00',
        },
      ],
      already_recorded: [],
    });
    expect(
      store()
        .read()
        .payments.map((p) => [p.date, p.reference, p.method]),
    ).toEqual([
      ['2026-11-05', 'Rechnung INV-2026-00002 Zoë Müller', 'wire'],
      ['2026-11-06', 'Re. INV 2026 00001 Teilzahlung', 'wire'],
      ['2026-11-20', 'Restzahlung INV-2026-00001 Jörg Bäcker', 'wire'],
    ]);
    expect(store().read().credits).toMatchObject([
      {
        id: 'overpayment-pay_3',
        customer: 'jorg',
        amount: '5.00',
        currency: 'EUR',
        granted_on: '2026-11-20',
      },
    ]);
    expect(listInvoices(store()).map((i) => [i.number, i.status])).toEqual([
      ['INV-2026-00001', 'paid'],
      ['INV-2026-00002', 'paid'],
    ]);

    expect((await store().listBackups()).map((backup) => backup.reason)).toContain(
      'before-payment-import',
    );
    const again = await importPayments(store(), SPARKASSE, options);
    expect(again).toMatchObject({ recorded: 0, duplicates: 3, payments: [] });
    expect(store().read().payments).toHaveLength(3);
  });

  it('refuses a file that is not UTF-8 unless told its encoding, naming the row', async () => {
    await withOpenInvoices(store(), germanBook());
    await expect(
      importPayments(store(), SPARKASSE, { map: SPARKASSE_MAP, decimalComma: true }),
    ).rejects.toThrow(
      `${basename(SPARKASSE)} is not UTF-8 text (row 1); if the bank exports Windows-1252, choose that text encoding (--encoding windows-1252 on the command line).`,
    );
    expect(store().read().payments).toEqual([]);
    // The encoding's other names (WHATWG labels) are read as well.
    const latin = { map: SPARKASSE_MAP, decimalComma: true, encoding: 'latin1' };
    expect((await importPayments(store(), SPARKASSE, latin)).recorded).toBe(3);
  });

  it('reads a processor export: BOM, commas, quotes, an invoice and a method column', async () => {
    await withOpenInvoices(store());
    const file = temp.file(
      'stripe.csv',
      '\ufeffdate,amount,reference,invoice,method\r\n' +
        '2026-11-20 10:15:00,"1,250",ch_1,INV-2026-00002,card\r\n' +
        '2026-11-21,10.00,"ch_2, ""retry""",INV-2026-00001,\r\n' +
        '2026-11-21,10.00,ch_3,INV-2026-00007,card\r\n' +
        '2026-11-22,10.001,ch_4,INV-2026-00001,card\r\n' +
        '2026-11-22,5.00,ch_5,INV-2026-00001,paypal\r\n' +
        '2026-11-22,5.00,ch_6\r\n' +
        '11/22/2026,5.00,ch_7,INV-2026-00001,card\r\n' +
        '2026-11-23,"12,50",ch_8,INV-2026-00001,card\r\n' +
        '2026-10-01,5.00,ch_9,INV-2026-00001,card\r\n',
    );
    const result = await importPayments(store(), file, { method: 'ach' });
    expect(result.payments).toMatchObject([
      { row: 2, invoice: 'INV-2026-00002', amount: '1250' },
      { row: 3, invoice: 'INV-2026-00001', amount: '10.00' },
    ]);
    expect(result.unmatched).toEqual([
      { row: 4, reason: "There is no invoice 'INV-2026-00007'." },
      { row: 5, reason: "The amount '10.001' has more decimals than USD allows (2)." },
      {
        row: 6,
        reason:
          "'paypal' is not a payment method; use one of card, ach, wire, check, cash, marketplace, other.",
      },
      { row: 7, reason: 'expected 5 fields, found 3' },
      { row: 8, reason: "date '11/22/2026' is not a date such as 2026-11-20 or 20.11.2026" },
      {
        row: 9,
        reason: "amount '12,50' has a decimal comma; import the file with --decimal-comma",
      },
      {
        row: 10,
        reason:
          'The payment date 2026-10-01 is before its issue date 2026-11-02; invoice INV-2026-00001 could not be paid then.',
      },
    ]);
    expect(
      store()
        .read()
        .payments.map((p) => [p.method, p.reference]),
    ).toEqual([
      ['card', 'ch_1'],
      ['ach', 'ch_2, "retry"'],
    ]);
  });

  it('records payments without a reference once per import of the same file', async () => {
    await withOpenInvoices(store());
    const file = temp.file(
      'cash.csv',
      'date;amount;reference;invoice\n2026-11-20;10.00;;INV-2026-00001\n2026-11-20;10.00;;INV-2026-00001\n',
    );
    expect((await importPayments(store(), file)).recorded).toBe(2);
    expect(await importPayments(store(), file)).toMatchObject({ recorded: 0, duplicates: 2 });
    expect(store().read().payments).toHaveLength(2);
  });

  it('refuses with one sentence a header without a needed column, and an unknown --map field', async () => {
    await withOpenInvoices(store());
    const file = temp.file('bad.csv', 'Datum;Betrag\n01.11.2026;1,00\n');
    await expect(importPayments(store(), file)).rejects.toThrow(
      "The CSV header has no column 'date' (for date); it has: Datum, Betrag. Name it so, or use --map date=COLUMN.",
    );
    await expect(importPayments(store(), file, { map: { datum: 'Datum' } })).rejects.toThrow(
      "--map names 'datum', which is no field; the fields are date, amount, reference, invoice, method, currency, account, period.",
    );
    await expect(importPayments(store(), file, { encoding: 'latin9' })).rejects.toThrow(
      "'latin9' is not an encoding the import reads; use utf-8 or windows-1252.",
    );
  });
});

describe('bank row rules', () => {
  it('reads amounts with and without a decimal comma', () => {
    expect(
      ['1.234,56', '12,5', '-0,99', '+100', '1 234,00'].map((t) => parseBankAmount(t, true)),
    ).toEqual([
      { value: '1234.56' },
      { value: '12.5' },
      { value: '-0.99' },
      { value: '100' },
      { value: '1234.00' },
    ]);
    expect(['1,234.56', '12.50', '12,50', 'EUR 5'].map((t) => parseBankAmount(t, false))).toEqual([
      { value: '1234.56' },
      { value: '12.50' },
      { reason: "amount '12,50' has a decimal comma; import the file with --decimal-comma" },
      { reason: "amount 'EUR 5' is not an amount" },
    ]);
  });

  it('reads ISO and day-first dotted dates, and refuses slashed and impossible ones', () => {
    expect(
      [
        '2026-11-20',
        '2026-11-20T09:00:00Z',
        '20.11.2026',
        '5.1.26',
        '30.02.2026',
        '11/20/2026',
      ].map(parseBankDate),
    ).toEqual([
      { value: '2026-11-20' },
      { value: '2026-11-20' },
      { value: '2026-11-20' },
      { value: '2026-01-05' },
      { reason: "date '30.02.2026' is not a date such as 2026-11-20 or 20.11.2026" },
      { reason: "date '11/20/2026' is not a date such as 2026-11-20 or 20.11.2026" },
    ]);
  });

  it('finds invoice numbers in reference text, whatever the bank did to their separators', () => {
    const finder = new InvoiceNumberFinder(['INV-2026-00001', 'INV-2026-00012', 'INV-2027-00001']);
    expect(finder.find('Rechnung INV-2026-00001, danke')).toEqual(['INV-2026-00001']);
    expect(finder.find('inv 2026 00001')).toEqual(['INV-2026-00001']);
    expect(finder.find('INV202600012/INV-2027-00001')).toEqual([
      'INV-2026-00012',
      'INV-2027-00001',
    ]);
    expect(finder.find('INV-2026-000123 or XINV-2026-00001')).toEqual([]);
  });
});

describe('import-payments command', () => {
  it('prints the recorded and unmatched rows, and the spec JSON', async () => {
    const data = await openInvoicesFolder(germanBook());
    const args = [
      'import-payments',
      SPARKASSE,
      '--map',
      'date=Buchungstag',
      '--map',
      'amount=Betrag',
      '--map',
      'reference=Verwendungszweck',
      '--map',
      'currency=Währung',
      '--decimal-comma',
      '--data',
      data,
    ];
    const refused = await cli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not UTF-8 text \(row 1\)/);

    const run = await cli([...args, '--encoding', 'windows-1252']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `Imported ${SPARKASSE}: 3 payments recorded, 0 duplicates, 3 rows unmatched.`,
        '  row 2: 102.50 on INV-2026-00002',
        '  row 3: 40.00 on INV-2026-00001',
        '  row 6: 65.00 on INV-2026-00001',
        'Unmatched:',
        '  row 4: amount -1234.56 is no money received',
        '  row 5: no invoice number was found in the reference',
        '  row 7: no invoice number was found in the reference',
        '',
      ].join('\n'),
    );
    const again = await cli([...args, '--encoding', 'windows-1252', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({
      recorded: 0,
      duplicates: 3,
      unmatched: SPARKASSE_UNMATCHED,
      payments: [],
    });
  });
});
