import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportPayments } from '../../src-main/services/exportPayments';
import { spreadsheetSafeCell } from '../../src-main/files/csv-cell';
import { recordPayment } from '../../src-main/services/payments';
import { useStore } from '../support/billing-store';
import { cli, tempDir } from '../support/cli';
import { openInvoicesFolder, withOpenInvoices } from '../support/payment-books';

describe('export-payments', () => {
  const store = useStore();

  async function paid(): Promise<void> {
    await withOpenInvoices(store());
    const pay = (invoice: string, amount: string, date: string, reference: string) =>
      recordPayment(store(), { invoice, amount, date, method: 'wire', reference });
    await pay('INV-2026-00001', '20.00', '2026-11-20', '=HYPERLINK("http://x","y")');
    await pay('INV-2026-00002', '1250', '2026-11-05', 'Überweisung, "Kyōto"\r\nline two');
    await pay('INV-2026-00001', '10.00', '2026-11-20', '@SUM(A1)');
    await pay('INV-2026-00001', '5.00', '2026-12-01', '-plain text');
  }

  it('writes RFC 4180 CSV, oldest first, with formula-like text cells escaped', async () => {
    await paid();
    const out = join(await tempDir(), 'payments.csv');
    expect(exportPayments(store(), { out })).toEqual({ file: out, payments: 4 });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'payment_id,date,invoice,customer,customer_name,currency,amount,method,reference',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(rows.slice(1)).toEqual([
      [
        'pay_2',
        '2026-11-05',
        'INV-2026-00002',
        'kyoto',
        'Kyōto Systems',
        'JPY',
        '1250',
        'wire',
        'Überweisung, "Kyōto"\r\nline two',
      ],
      [
        'pay_1',
        '2026-11-20',
        'INV-2026-00001',
        'acme',
        'Acme Corp',
        'USD',
        '20.00',
        'wire',
        `'=HYPERLINK("http://x","y")`,
      ],
      [
        'pay_3',
        '2026-11-20',
        'INV-2026-00001',
        'acme',
        'Acme Corp',
        'USD',
        '10.00',
        'wire',
        "'@SUM(A1)",
      ],
      [
        'pay_4',
        '2026-12-01',
        'INV-2026-00001',
        'acme',
        'Acme Corp',
        'USD',
        '5.00',
        'wire',
        "'-plain text",
      ],
    ]);
    // Quotes doubled, the field with a line break quoted.
    expect(text).toContain('"Überweisung, ""Kyōto""\r\nline two"');
  });

  it('limits the rows to --from and --to, both inclusive', async () => {
    await paid();
    const out = join(await tempDir(), 'november.csv');
    expect(exportPayments(store(), { out, from: '2026-11-20', to: '2026-11-30' }).payments).toBe(2);
    expect(readFileSync(out, 'utf8')).toMatch(/^payment_id.*\r\npay_1,.*\r\npay_3,.*\r\n$/s);
  });

  it('escapes every cell that starts like a formula', () => {
    expect(
      ['=1+1', '+49 30', '-x', '@a', '\tx', '\rx', 'plain', ''].map(spreadsheetSafeCell),
    ).toEqual(["'=1+1", "'+49 30", "'-x", "'@a", "'\tx", "'\rx", 'plain', '']);
  });

  it('never writes over an existing file unless asked, and names it in one sentence', async () => {
    const data = await openInvoicesFolder();
    const dir = await tempDir();
    const out = join(dir, 'mine.csv');
    writeFileSync(out, 'precious');
    const refused = await cli(['export-payments', '--out', out, '--data', data]);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `Refusing to write ${out}: the file already exists. Choose another name, or replace it on purpose (with --force).\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('precious');

    const forced = await cli([
      'export-payments',
      '--out',
      out,
      '--force',
      '--json',
      '--data',
      data,
    ]);
    expect(JSON.parse(forced.stdout)).toEqual({ file: out, payments: 0 });
    expect(readFileSync(out, 'utf8')).toBe(
      'payment_id,date,invoice,customer,customer_name,currency,amount,method,reference\r\n',
    );
    const inStore = await cli([
      'export-payments',
      '--out',
      join(data, 'store.json'),
      '--force',
      '--data',
      data,
    ]);
    expect(inStore.stderr).toBe(
      `Refusing to write ${join(data, 'store.json')}: it is inside the data folder (${data}), whose files only the store writes. Choose a file outside it.\n`,
    );
    const missing = await cli([
      'export-payments',
      '--out',
      join(dir, 'no/such.csv'),
      '--data',
      data,
    ]);
    expect(missing.stderr).toBe(
      `Cannot write ${join(dir, 'no/such.csv')}: the folder ${join(dir, 'no')} does not exist.\n`,
    );
  });
});
