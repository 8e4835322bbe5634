import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InvoiceRow } from '../../src-main/api/contract';

const TOTAL = 50_000;
const pad = (n: number) => String(n).padStart(5, '0');

function row(index: number): InvoiceRow {
  return {
    id: `inv_${index}`,
    number: `INV-2026-${pad(index + 1)}`,
    status: 'open',
    trigger: 'period_end',
    customer: 'acme',
    customer_name: 'Acme Corp',
    contract: 'acme-growth',
    period: '2026-11',
    currency: 'USD',
    issue_date: '2026-12-01',
    due_date: '2026-12-31',
    total: '1104.50',
    balance_due: '1104.50',
  };
}

// A desk with 50,000 invoices, answering pages as the real one does.
const listInvoices = vi.fn(({ offset = 0, limit = 100 }: { offset?: number; limit?: number }) =>
  Promise.resolve({
    total: TOTAL,
    offset,
    invoices: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => row(offset + i)),
  }),
);
vi.mock('../../src-renderer/api', () => ({
  api: { listInvoices },
  ApiError: class extends Error {},
}));

const { InvoicesScreen } = await import('../../src-renderer/features/invoices/InvoicesScreen');

// jsdom lays nothing out: the list's scroll area is given the size of a window.
const inList = (element: HTMLElement) => element.classList.contains('virtual-scroll');
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')!;
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return inList(this) ? 820 : (clientHeight.get!.call(this) as number);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return inList(this) ? 1000 : (clientWidth.get!.call(this) as number);
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function renderList(path = '/invoices') {
  const router = createMemoryRouter([{ path: '/invoices', element: <InvoicesScreen /> }], {
    initialEntries: [path],
  });
  render(<RouterProvider router={router} />);
}

describe('the invoice list', () => {
  it('puts only the rows in view into the page, under real column headers', async () => {
    renderList();
    await screen.findByRole('link', { name: 'INV-2026-00001' }, { timeout: 10_000 });
    expect(screen.getByText('50,000 invoices')).toBeInTheDocument();

    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Number', 'Customer', 'Period', 'Status', 'Issued', 'Due', 'Total', 'Balance due']);
    const drawn = within(table).getAllByRole('link');
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(60);
    // One page of rows was asked for, not the whole book.
    expect(listInvoices).toHaveBeenCalledTimes(1);
    expect(listInvoices).toHaveBeenLastCalledWith({ offset: 0, limit: 200 });
    expect(screen.getAllByText('Acme Corp')).toHaveLength(drawn.length);
  }, 30_000);

  it('fetches the page a scroll reaches, and draws its rows', async () => {
    listInvoices.mockClear();
    renderList('/invoices?status=open&period=2026-11');
    await screen.findByRole('link', { name: 'INV-2026-00001' }, { timeout: 10_000 });
    const scroller = screen.getByTestId('invoice-scroll');
    scroller.scrollTop = 41 * 30_050;
    fireEvent.scroll(scroller);

    await screen.findByRole('link', { name: 'INV-2026-30051' }, { timeout: 10_000 });
    expect(screen.queryByRole('link', { name: 'INV-2026-00001' })).not.toBeInTheDocument();
    expect(listInvoices).toHaveBeenCalledWith({
      status: 'open',
      period: '2026-11',
      offset: 30_000,
      limit: 200,
    });
    // The page just above the view (rows 29,800 to 29,999) is fetched too, before a
    // scroll back up reaches it.
    expect(listInvoices).toHaveBeenCalledWith({
      status: 'open',
      period: '2026-11',
      offset: 29_800,
      limit: 200,
    });
    const row = screen.getByRole('link', { name: 'INV-2026-30051' }).closest('tr');
    expect(row).toHaveAttribute('aria-rowindex', String(30_050 + 2));
  }, 30_000);
});
