import { dec } from '../../../src-main/domain/money';
import type { InvoiceRow } from '../../../src-main/api/contract';
import { Money } from '../../ui/Money';

/** A draft's total against the same contract's invoice of the period before. */
export function Change({ total, previous }: { total: string; previous: InvoiceRow | null }) {
  if (previous === null) return <span className="muted">No invoice before</span>;
  const difference = dec(total).minus(previous.total);
  if (difference.isZero()) return <span className="muted">Unchanged</span>;
  const percent = dec(previous.total).isZero()
    ? null
    : difference.dividedBy(previous.total).times(100).toDecimalPlaces(1).toFixed(1);
  const sign = difference.isPositive() ? '+' : '−';
  return (
    <span className={difference.isPositive() ? 'change change--up' : 'change change--down'}>
      {sign}
      <Money amount={difference.abs().toFixed()} currency={previous.currency} />
      {percent !== null && ` (${sign}${percent.replace('-', '')}%)`}
    </span>
  );
}
