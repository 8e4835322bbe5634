import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpBundle } from '../../src-main/bundle/dump';
import { loadBundle } from '../../src-main/bundle/load';
import { openStore } from '../../src-main/store/store';
import { importPayments } from '../../src-main/services/importPayments';
import { exportMarketplaceRecords } from '../../src-main/services/marketplaceExport';
import { listInvoices } from '../../src-main/services/present';
import { bill } from '../support/billing-store';
import { cli, tempDir } from '../support/cli';
import { manyAwsCustomers, marketplaceBook } from '../support/marketplace-book';
import { useTempStore } from '../support/temp-store';

const EXPECTED = join(import.meta.dirname, '../fixtures/marketplace');
const FILES = [
  'aws/usage-2026-10-001.json',
  'azure/usage-2026-10-001.json',
  'gcp/usage-2026-10-001.json',
];

describe('marketplace export', () => {
  const temp = useTempStore();
  const store = temp.store;

  async function billed(book = marketplaceBook()): Promise<void> {
    await loadBundle(store(), book);
    await bill(store(), { period: '2026-10', asOf: '2026-11-02' });
  }

  it('writes the AWS, Azure and Google Cloud request files, the same ones when run twice', async () => {
    await billed();
    const out = await tempDir();
    const result = exportMarketplaceRecords(store(), { period: '2026-10', out });
    expect(result).toEqual({
      files: FILES.map((file) => join(out, file)),
      records: 4,
      roundings: [
        { contract: 'aws-co', dimension: 'api_calls', quantity: '1500.5', reported: '1501' },
        { contract: 'gcp-co', dimension: 'engine_nodes', quantity: '2.5', reported: '3' },
      ],
    });
    for (const file of FILES) {
      expect(JSON.parse(readFileSync(join(out, file), 'utf8'))).toEqual(
        JSON.parse(readFileSync(join(EXPECTED, file), 'utf8')),
      );
    }
    const first = FILES.map((file) => readFileSync(join(out, file), 'utf8'));
    expect(exportMarketplaceRecords(store(), { period: '2026-10', out }).files).toHaveLength(3);
    expect(FILES.map((file) => readFileSync(join(out, file), 'utf8'))).toEqual(first);
  });

  it('puts at most 25 records in a request file', async () => {
    await billed(marketplaceBook(manyAwsCustomers(13)));
    const out = await tempDir();
    const { files, records } = exportMarketplaceRecords(store(), { period: '2026-10', out });
    expect(records).toBe(26);
    const aws = files.filter((file) => file.includes('/aws/'));
    expect(aws.map((file) => file.slice(out.length))).toEqual([
      '/aws/usage-2026-10-001.json',
      '/aws/usage-2026-10-002.json',
    ]);
    const counts = aws.map(
      (file) =>
        (JSON.parse(readFileSync(file, 'utf8')) as { UsageRecords: unknown[] }).UsageRecords.length,
    );
    expect(counts).toEqual([25, 1]);
  });

  it('never writes over a different file, and refuses without the settings a marketplace needs', async () => {
    await billed();
    const out = await tempDir();
    exportMarketplaceRecords(store(), { period: '2026-10', out });
    writeFileSync(join(out, FILES[0] ?? ''), 'edited by hand');
    expect(() => exportMarketplaceRecords(store(), { period: '2026-10', out })).toThrow(
      `Refusing to write ${join(out, FILES[0] ?? '')}: a different file is already there (1 in all); choose another folder, or replace them on purpose (--force).`,
    );
    expect(readFileSync(join(out, FILES[0] ?? ''), 'utf8')).toBe('edited by hand');

    await store().update((data) => {
      data.settings.marketplace = { aws_product_code: '', gcp_service_name: 'x' };
    });
    expect(() =>
      exportMarketplaceRecords(store(), { period: '2026-10', out: join(out, 'x') }),
    ).toThrow(
      "The period has AWS statements but settings.marketplace.aws_product_code is empty; set it (a bundle's settings) before exporting.",
    );
  });

  it('marks statements paid from an imported disbursement report', async () => {
    await billed();
    const statements = listInvoices(store(), { status: 'marketplace' });
    expect(statements.map((s) => [s.id, s.balance_due])).toEqual([
      ['inv_aws-co_2026-10_1', '1151.50'],
      ['inv_azure-co_2026-10_1', '700.20'],
      ['inv_gcp-co_2026-10_1', '1075.00'],
    ]);
    const report = temp.file(
      'disbursement.csv',
      'Disbursement Date,Customer Account,Billing Period,Net Amount,Disbursement ID\n' +
        '2026-11-15,111122223333,2026-10,1151.50,D-1\n' +
        '2026-11-15,sub-5f2c-0001,,700.20,D-2\n' +
        '2026-11-15,999999999999,2026-10,10.00,D-3\n',
    );
    const map = {
      date: 'Disbursement Date',
      account: 'Customer Account',
      period: 'Billing Period',
      amount: 'Net Amount',
      reference: 'Disbursement ID',
    };
    const result = await importPayments(store(), report, { map, method: 'marketplace' });
    expect(result).toMatchObject({
      recorded: 2,
      duplicates: 0,
      unmatched: [
        { row: 4, reason: 'there is no marketplace statement of account 999999999999 for 2026-10' },
      ],
      payments: [
        { row: 2, invoice: 'inv_aws-co_2026-10_1', amount: '1151.50' },
        { row: 3, invoice: 'inv_azure-co_2026-10_1', amount: '700.20' },
      ],
    });
    expect(
      listInvoices(store()).map((s) => [s.id, s.status, s.amount_paid, s.balance_due]),
    ).toEqual([
      ['inv_aws-co_2026-10_1', 'paid', '1151.50', '0.00'],
      ['inv_azure-co_2026-10_1', 'paid', '700.20', '0.00'],
      ['inv_gcp-co_2026-10_1', 'marketplace', '0.00', '1075.00'],
    ]);
    expect(
      store()
        .read()
        .payments.map((p) => p.method),
    ).toEqual(['marketplace', 'marketplace']);

    // A dump of the book restores with its disbursements.
    const restored = await openStore(join(temp.dir(), 'restored'));
    try {
      await loadBundle(restored, await dumpBundle(store()));
      expect(restored.read().payments).toEqual(store().read().payments);
    } finally {
      await restored.close();
    }

    // Billing the period again recomputes the statements; the disbursements stay with them.
    await bill(store(), { period: '2026-10', asOf: '2026-11-20' });
    expect(
      store()
        .read()
        .invoices.map((s) => [s.id, s.amount_paid, s.balance_due]),
    ).toEqual([
      ['inv_aws-co_2026-10_1', '1151.50', '0.00'],
      ['inv_azure-co_2026-10_1', '700.20', '0.00'],
      ['inv_gcp-co_2026-10_1', '0.00', '1075.00'],
    ]);
  });
});

describe('marketplace-export command', () => {
  it('prints the files and the roundings, and the JSON of the spec', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    const bundle = join(dir, 'book.json');
    writeFileSync(bundle, JSON.stringify(marketplaceBook()));
    expect((await cli(['load', bundle, '--data', data])).code).toBe(0);
    const out = join(dir, 'records');
    const exportArgs = ['marketplace-export', '--period', '2026-10', '--out', out, '--data', data];
    const empty = await cli(exportArgs);
    expect(empty.stdout).toBe(
      'No marketplace statement of 2026-10 reports usage (has the period been billed?).\n',
    );
    expect(
      (await cli(['bill', '--period', '2026-10', '--as-of', '2026-11-02', '--data', data])).code,
    ).toBe(0);
    const run = await cli(exportArgs);
    expect(run.stdout).toBe(
      [
        'Wrote 4 records of 2026-10 in 3 files:',
        ...FILES.map((file) => `  ${join(out, file)}`),
        'Rounded up: aws-co api_calls 1500.5 reported as 1501.',
        'Rounded up: gcp-co engine_nodes 2.5 reported as 3.',
        '',
      ].join('\n'),
    );
    const intoStore = await cli([...exportArgs.slice(0, 4), join(data, 'usage'), '--data', data]);
    expect(intoStore.stderr).toMatch(/^Refusing to write .*: it is inside the data folder/);
    expect(existsSync(join(data, 'usage', 'aws'))).toBe(false);
    const json = await cli([...exportArgs, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      files: FILES.map((file) => join(out, file)),
      records: 4,
    });
  });
});
