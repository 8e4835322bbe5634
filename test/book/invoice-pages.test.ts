import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { demoBundle } from '../../src-main/demo/book';
import type { InvoiceStatus } from '../../src-main/domain/invoice';
import { finalizeInvoices } from '../../src-main/services/finalize';
import { invoicePage } from '../../src-main/services/invoicePages';
import { recordPayment } from '../../src-main/services/payments';
import { listInvoices, type InvoiceFilter } from '../../src-main/services/present';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import type { Store } from '../../src-main/store/store';
import { bill, useStore } from '../support/billing-store';

const AS_OF = '2026-12-20';
const wire = { method: 'wire', date: '2026-12-10' } as const;

/**
 * The demo book: September and October finalized (overdue by AS_OF), one October
 * invoice paid, one void; November in drafts, five of them finalized, one partly paid.
 */
async function billedDemoBook(store: Store): Promise<void> {
  await loadBundle(store, demoBundle({ year: 2026, month: 11 }), 'The demo book');
  await bill(store, { period: '2026-09', asOf: '2026-10-02', finalize: true });
  await bill(store, { period: '2026-10', asOf: '2026-11-02', finalize: true });
  const november = await bill(store, { period: '2026-11', asOf: '2026-12-02' });
  const toFinalize = november.invoices.slice(0, 5).map((draft) => draft.id);
  await finalizeInvoices(store, toFinalize, { asOf: '2026-12-02' });
  const october = listInvoices(store, { period: '2026-10', status: 'overdue', asOf: AS_OF });
  const [paid, voided] = october;
  await recordPayment(store, { ...wire, invoice: paid!.number!, amount: paid!.total });
  const partly = listInvoices(store, { period: '2026-11', status: 'open', asOf: AS_OF })[0];
  await recordPayment(store, { ...wire, invoice: partly!.number!, amount: '1' });
  await voidInvoice(store, voided!.number!);
}

/** Every page of `size` rows, one after the other. */
function allPages(store: Store, filter: InvoiceFilter, size: number) {
  const rows: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += size) {
    const page = invoicePage(store, { ...filter, asOf: AS_OF, offset, limit: size });
    totals.add(page.total);
    rows.push(...page.invoices.map((row) => `${row.id} ${row.status}`));
    if (page.invoices.length < size) return { rows, totals: [...totals] };
  }
}

describe('the invoice list, a page at a time', () => {
  const store = useStore();

  it('pages through exactly the invoices the list holds, in its order, for any filter', async () => {
    await billedDemoBook(store());
    const statuses = new Set(listInvoices(store(), { asOf: AS_OF }).map((view) => view.status));
    // The filters below meet invoices in every state a desk sees.
    expect(statuses).toEqual(
      new Set<InvoiceStatus>([
        ...['draft', 'open', 'overdue', 'paid', 'partially_paid', 'void', 'marketplace'],
      ] as InvoiceStatus[]),
    );
    const customer = store().read().customers[3]!.id;
    const filters: InvoiceFilter[] = [
      {},
      ...[...statuses].map((status) => ({ status })),
      { customer },
      { period: '2026-10', status: 'overdue' },
      { period: '2026-11' },
    ];
    for (const filter of filters) {
      const expected = listInvoices(store(), { ...filter, asOf: AS_OF });
      const paged = allPages(store(), filter, 7);
      expect(paged.rows, JSON.stringify(filter)).toEqual(
        expected.map((view) => `${view.id} ${view.status}`),
      );
      expect(paged.totals).toEqual([expected.length]);
    }
  });

  it('answers a page past the end with no rows and the true total', async () => {
    await billedDemoBook(store());
    const page = invoicePage(store(), { asOf: AS_OF, offset: 10_000, limit: 50 });
    expect(page.invoices).toEqual([]);
    expect(page.total).toBe(listInvoices(store(), { asOf: AS_OF }).length);
  });
});
