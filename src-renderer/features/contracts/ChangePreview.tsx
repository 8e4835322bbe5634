import type { PreviewInvoice } from '../../../src-main/api/contract';
import { dec } from '../../../src-main/domain/money';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import type { ChangePreview as Preview } from './store';

/** What comes between the lines and the total, each only when the invoice has it. */
function adjustments(invoice: PreviewInvoice): [string, string][] {
  const all: [string, string][] = [
    ['Discount', `-${invoice.discount}`],
    ['Credits', `-${invoice.credits}`],
    ['Tax', invoice.tax],
  ];
  return all.filter(([, amount]) => !dec(amount).isZero());
}

function PreviewSide({
  title,
  invoices,
  currency,
}: {
  title: string;
  invoices: readonly PreviewInvoice[];
  currency: string;
}) {
  return (
    <section className="preview-side" aria-label={title}>
      <h3>{title}</h3>
      {invoices.length === 0 && <p className="muted">No invoice for this period.</p>}
      {invoices.map((invoice, index) => (
        <DataTable
          key={index}
          caption={
            <>
              Contract {invoice.contract} on plan {invoice.plan}
              {invoice.trigger === 'usage_threshold' && ' (interim, usage threshold)'}
            </>
          }
          modifiers={['compact']}
          columns={[
            { header: 'Line', cell: (line) => line.description },
            {
              header: 'Amount',
              numeric: true,
              cell: (line) => <Money amount={line.amount} currency={currency} />,
            },
          ]}
          rows={invoice.lines}
          rowKey={(_line, lineIndex) => lineIndex}
          footer={[
            ...adjustments(invoice).map(([header, amount]) => ({
              header,
              cells: [<Money key={header} amount={amount} currency={currency} />],
            })),
            {
              header: 'Total',
              className: 'totals__row--strong',
              cells: [<Money key="total" amount={invoice.total} currency={currency} />],
            },
          ]}
        />
      ))}
    </section>
  );
}

/**
 * The next invoice as the book stands and after the change, side by side, and the
 * difference: what the clerk reads before confirming.
 */
export function ChangePreview({ preview }: { preview: Preview }) {
  const { currency } = preview;
  const negative = preview.difference.startsWith('-');
  const unchanged = Number(preview.difference) === 0;
  return (
    <section className="change-preview" aria-label={`Effect on the invoice for ${preview.period}`}>
      <p className="notice" role="status">
        Effect on the invoice for {preview.period}:{' '}
        <strong>
          {negative ? '' : '+'}
          <Money amount={preview.difference} currency={currency} />
        </strong>{' '}
        {unchanged
          ? '(the same as the book bills now).'
          : `(${negative ? 'less' : 'more'} than the book bills now).`}{' '}
        Nothing is changed until you confirm.
      </p>
      <div className="preview-sides">
        <PreviewSide title="As the book stands" invoices={preview.before} currency={currency} />
        <PreviewSide title="After the change" invoices={preview.after} currency={currency} />
      </div>
    </section>
  );
}
