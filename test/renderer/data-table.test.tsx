/**
 * The one static table of the screens: columns declared once as data become real
 * column headers, numeric columns are right-aligned figures, the caption names the
 * table (shown or for screen readers only), footer rows add up, an empty list says so,
 * and a long table scrolls in a region the keyboard reaches.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Column } from '../../src-renderer/ui/DataTable';

vi.mock('../../src-renderer/api', () => ({ api: {}, ApiError: class extends Error {} }));
const { DataTable } = await import('../../src-renderer/ui/DataTable');
const { Money } = await import('../../src-renderer/ui/Money');
const { useSession } = await import('../../src-renderer/app/session');

interface Payment {
  id: string;
  invoice: string;
  reference: string;
  amount: string;
}

const payments: Payment[] = [
  { id: 'pay_1', invoice: 'NX-2026-0001', reference: 'SEPA 1182', amount: '1234.50' },
  { id: 'pay_2', invoice: 'NX-2026-0002', reference: 'Card 77', amount: '99.00' },
];

const columns: Column<Payment>[] = [
  { header: 'Invoice', rowHeader: true, cell: (payment) => payment.invoice },
  { header: 'Reference', className: 'cell--reference', cell: (payment) => payment.reference },
  {
    header: 'Amount',
    numeric: true,
    cell: (payment) => <Money amount={payment.amount} currency="EUR" />,
  },
  { header: 'Action', headerHidden: true, cell: (payment) => <button>Open {payment.id}</button> },
];

const textOf = (cells: HTMLElement[]) => cells.map((cell) => cell.textContent);

type Props = Parameters<typeof DataTable<Payment>>[0];

/** The payments table, with what a test changes of it. */
const table = (props: Partial<Props> = {}) => (
  <DataTable
    caption="Payments"
    columns={columns}
    rows={payments}
    rowKey={(payment) => payment.id}
    {...props}
  />
);

describe('DataTable', () => {
  it('names every column with a real column header, a hidden one included', () => {
    render(table());
    const shown = screen.getByRole('table', { name: 'Payments' });
    const headers = within(shown).getAllByRole('columnheader');
    expect(textOf(headers)).toEqual(['Invoice', 'Reference', 'Amount', 'Action']);
    for (const header of headers) expect(header).toHaveAttribute('scope', 'col');
    expect(
      within(screen.getByRole('columnheader', { name: 'Action' })).getByText('Action'),
    ).toHaveClass('visually-hidden');
    expect(headers[0]).not.toHaveClass('num');
  });

  it('right-aligns numeric columns, header and cells, and formats money in the locale', () => {
    useSession.setState({ locale: 'de-DE' });
    render(table());
    expect(screen.getByRole('columnheader', { name: 'Amount' })).toHaveClass('num');
    const first = screen.getByRole('row', { name: /NX-2026-0001/ });
    const second = screen.getByRole('row', { name: /NX-2026-0002/ });
    const amount = within(first).getAllByRole('cell')[1];
    expect(amount).toHaveClass('num');
    expect(amount).toHaveTextContent('1.234,50 €');
    expect(within(second).getAllByRole('cell')[1]).toHaveTextContent('99,00 €');
    // The column's own class reaches its cells, and a row header names its row.
    expect(within(first).getAllByRole('cell')[0]).toHaveClass('cell--reference');
    expect(within(first).getByRole('rowheader')).toHaveTextContent('NX-2026-0001');
    useSession.setState({ locale: 'en-US' });
  });

  it('shows its caption, or keeps it for screen readers only', () => {
    const { rerender } = render(table({ caption: 'Matched: to be recorded' }));
    expect(screen.getByText('Matched: to be recorded')).not.toHaveClass('visually-hidden');
    rerender(table({ caption: 'Payments, newest first', captionHidden: true }));
    expect(screen.getByRole('table', { name: 'Payments, newest first' })).toBeInTheDocument();
    expect(screen.getByText('Payments, newest first')).toHaveClass('visually-hidden');
  });

  it('adds footer rows under the rows, each named by its header, figures under their columns', () => {
    render(
      table({
        columns: columns.slice(0, 3),
        footer: [
          { header: 'Discount', cells: [null, '-10.00'] },
          {
            header: 'Total',
            className: 'totals__row--strong',
            cells: [null, { content: '1323.50', label: 'Total paid', className: 'strong' }],
          },
        ],
      }),
    );
    const total = screen.getByRole('row', { name: /^Total/ });
    expect(total).toHaveClass('totals__row--strong');
    expect(total.parentElement?.tagName).toBe('TFOOT');
    expect(within(total).getByRole('rowheader')).toHaveTextContent('Total');
    const figure = screen.getByLabelText('Total paid');
    expect(figure).toHaveTextContent('1323.50');
    expect(figure).toHaveClass('num', 'strong');
    const discount = screen.getByRole('row', { name: /^Discount/ });
    expect(within(discount).getByRole('rowheader')).toHaveTextContent('Discount');
    expect(within(discount).getAllByRole('cell')[1]).toHaveClass('num');
    expect(within(discount).getAllByRole('cell')[1]).toHaveTextContent('-10.00');
  });

  it('says what is missing in place of an empty table, or keeps its headers without a text', () => {
    const { rerender } = render(table({ empty: 'No payment received yet.', rows: [] }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No payment received yet.')).toHaveClass('muted');
    rerender(table({ rows: [] }));
    const empty = screen.getByRole('table', { name: 'Payments' });
    expect(within(empty).getAllByRole('columnheader')).toHaveLength(4);
    expect(within(empty).getAllByRole('row')).toHaveLength(1);
  });

  it('carries the theme modifiers and the screen class on the table', () => {
    render(table({ modifiers: ['compact', 'sticky'], className: 'calculator__result' }));
    expect(screen.getByRole('table')).toHaveClass(
      'table',
      'table--compact',
      'table--sticky',
      'calculator__result',
    );
  });

  it('scrolls a long table in a region named by its caption, which the keyboard reaches', () => {
    const { rerender } = render(table({ scrolls: 'tall', captionHidden: true }));
    const region = screen.getByRole('region', { name: 'Payments' });
    expect(region).toHaveClass('table-scroll', 'table-scroll--tall');
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table', { name: 'Payments' })).toBeInTheDocument();
    rerender(table({ scrolls: 'short' }));
    expect(screen.getByRole('region', { name: 'Payments' })).not.toHaveClass('table-scroll--tall');
    rerender(table({}));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
