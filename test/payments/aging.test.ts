import { describe, expect, it } from 'vitest';
import { agingBucket } from '../../src-main/domain/aging';
import { receivablesAging } from '../../src-main/services/aging';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { recordPayment } from '../../src-main/services/payments';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bill, useStore } from '../support/billing-store';
import { cli } from '../support/cli';
import { openInvoicesFolder, withOpenInvoices } from '../support/payment-books';

const zero = { current: '0.00', d1_30: '0.00', d31_60: '0.00', d61_90: '0.00', over_90: '0.00' };
const yen = { current: '0', d1_30: '0', d31_60: '0', d61_90: '0', over_90: '0' };

describe('accounts-receivable aging', () => {
  const store = useStore();

  /**
   * October (due 2026-12-02) and November (due 2026-12-31) finalized for acme (USD) and
   * kyoto (JPY); payments, a credit note and a void spread over the following months.
   */
  async function history(): Promise<void> {
    await withOpenInvoices(store());
    await bill(store(), { period: '2026-11', asOf: '2026-12-01', finalize: true });
    const pay = (invoice: string, amount: string, date: string) =>
      recordPayment(store(), { invoice, amount, date, method: 'wire' });
    await pay('INV-2026-00001', '40.00', '2026-11-10');
    await issueCreditNote(store(), {
      invoice: 'INV-2026-00001',
      amount: '12.50',
      reason: 'Outage',
      asOf: '2026-12-20',
    });
    await pay('INV-2026-00002', '1250', '2027-01-05');
    await voidInvoice(store(), 'INV-2026-00004', { asOf: '2027-01-10' });
  }

  it('puts each balance in its bucket as the book stood on three dates', async () => {
    await history();
    expect(receivablesAging(store(), '2026-11-01')).toEqual({
      as_of: '2026-11-01',
      currencies: [],
    });

    expect(receivablesAging(store(), '2026-12-15')).toEqual({
      as_of: '2026-12-15',
      currencies: [
        {
          currency: 'JPY',
          ...yen,
          current: '1000',
          d1_30: '1250',
          total: '2250',
          customers: [
            {
              customer: 'kyoto',
              name: 'Kyōto Systems',
              ...yen,
              current: '1000',
              d1_30: '1250',
              total: '2250',
              invoices: ['INV-2026-00002', 'INV-2026-00004'],
            },
          ],
        },
        {
          currency: 'USD',
          ...zero,
          current: '100.00',
          d1_30: '62.50',
          total: '162.50',
          customers: [
            {
              customer: 'acme',
              name: 'Acme Corp',
              ...zero,
              current: '100.00',
              d1_30: '62.50',
              total: '162.50',
              invoices: ['INV-2026-00001', 'INV-2026-00003'],
            },
          ],
        },
      ],
    });

    // The credit note of 2026-12-20 now counts; kyoto paid October and November was voided.
    expect(receivablesAging(store(), '2027-03-15')).toEqual({
      as_of: '2027-03-15',
      currencies: [
        {
          currency: 'USD',
          ...zero,
          d61_90: '100.00',
          over_90: '50.00',
          total: '150.00',
          customers: [
            {
              customer: 'acme',
              name: 'Acme Corp',
              ...zero,
              d61_90: '100.00',
              over_90: '50.00',
              total: '150.00',
              invoices: ['INV-2026-00001', 'INV-2026-00003'],
            },
          ],
        },
      ],
    });
  });

  it('buckets by days past due: current up to the due date, then 30-day steps', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual([
      'current',
      'current',
      'd1_30',
      'd1_30',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'over_90',
    ]);
  });

  it('refuses a date that is no date', () => {
    expect(() => receivablesAging(store(), '2026-13-01')).toThrow(
      "The date '2026-13-01' is not a valid date YYYY-MM-DD.",
    );
  });
});

describe('aging command', () => {
  it('prints a table per currency, and the report as JSON', async () => {
    const data = await openInvoicesFolder();
    const table = await cli(['aging', '--as-of', '2026-12-15', '--data', data]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(
      [
        'Receivables as of 2026-12-15 (days past due)',
        '',
        'JPY',
        'CUSTOMER  NAME           CURRENT  1-30  31-60  61-90  OVER 90  TOTAL',
        'kyoto     Kyōto Systems        0  1250      0      0        0   1250',
        'Total                          0  1250      0      0        0   1250',
        '',
        'USD',
        'CUSTOMER  NAME       CURRENT    1-30  31-60  61-90  OVER 90   TOTAL',
        'acme      Acme Corp     0.00  102.50   0.00   0.00     0.00  102.50',
        'Total                   0.00  102.50   0.00   0.00     0.00  102.50',
        '',
      ].join('\n'),
    );
    const json = await cli(['aging', '--as-of', '2026-11-01', '--json', '--data', data]);
    expect(JSON.parse(json.stdout)).toEqual({ as_of: '2026-11-01', currencies: [] });
    const none = await cli(['aging', '--as-of', '2026-11-01', '--data', data]);
    expect(none.stdout).toBe('Nothing was owed on 2026-11-01.\n');
  });
});
