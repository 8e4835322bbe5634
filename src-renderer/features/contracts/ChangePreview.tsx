import type { PreviewInvoice } from '../../../src-main/api/contract';
import { Money } from '../../ui/Money';
import type { ChangePreview as Preview } from './store';

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
        <table key={index} className="table table--compact">
          <caption>
            Contract {invoice.contract} on plan {invoice.plan}
            {invoice.trigger === 'usage_threshold' && ' (interim, usage threshold)'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, lineIndex) => (
              <tr key={lineIndex}>
                <td>{line.description}</td>
                <td className="num">
                  <Money amount={line.amount} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {Number(invoice.discount) !== 0 && (
              <tr>
                <th scope="row">Discount</th>
                <td className="num">
                  <Money amount={`-${invoice.discount}`} currency={currency} />
                </td>
              </tr>
            )}
            {Number(invoice.credits) !== 0 && (
              <tr>
                <th scope="row">Credits</th>
                <td className="num">
                  <Money amount={`-${invoice.credits}`} currency={currency} />
                </td>
              </tr>
            )}
            {Number(invoice.tax) !== 0 && (
              <tr>
                <th scope="row">Tax</th>
                <td className="num">
                  <Money amount={invoice.tax} currency={currency} />
                </td>
              </tr>
            )}
            <tr className="totals__row--strong">
              <th scope="row">Total</th>
              <td className="num">
                <Money amount={invoice.total} currency={currency} />
              </td>
            </tr>
          </tfoot>
        </table>
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
