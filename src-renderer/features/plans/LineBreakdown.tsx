import type { InvoiceLine } from '../../../src-main/domain/invoice';
import { Money, Quantity, UnitPrice } from '../../ui/Money';

/**
 * How a line reached its amount, in a sentence a clerk can check by hand: the usage,
 * what was included or blocked, the packages, and each tier's units and price.
 */
export function LineBreakdown({ line, currency }: { line: InvoiceLine; currency: string }) {
  const why = line.explanation;
  const facts: React.ReactNode[] = [];
  if (why.included !== undefined || why.reserved !== undefined) {
    facts.push(
      <li key="quota">
        <Quantity value={why.included ?? why.reserved ?? '0'} />{' '}
        {why.reserved !== undefined ? 'reserved' : 'included'},{' '}
        <Quantity value={why.priced_quantity ?? '0'} /> priced
      </li>,
    );
  }
  if (why.blocked_quantity !== undefined) {
    facts.push(
      <li key="blocked">
        <Quantity value={why.blocked_quantity} /> over the quota, blocked (not billed)
      </li>,
    );
  }
  if (why.packages !== undefined) {
    facts.push(
      <li key="packages">
        <Quantity value={why.packages} /> packages
      </li>,
    );
  }
  if (line.detail.length === 0 && line.unit_price !== null && line.kind !== 'base_fee') {
    facts.push(
      <li key="unit">
        <Quantity value={why.priced_quantity ?? line.quantity ?? '0'} /> ×{' '}
        <UnitPrice price={line.unit_price} currency={currency} />
      </li>,
    );
  }
  for (const tier of line.detail) {
    facts.push(
      <li key={`tier-${tier.tier}`}>
        Tier {tier.tier}: <Quantity value={tier.quantity} /> ×{' '}
        <UnitPrice price={tier.unit_price} currency={currency} />
        {tier.flat_fee !== '0' && (
          <>
            {' '}
            + <Money amount={tier.flat_fee} currency={currency} /> flat
          </>
        )}{' '}
        = <Money amount={tier.amount} currency={currency} />
      </li>,
    );
  }
  if (facts.length === 0) return null;
  return <ul className="line-breakdown">{facts}</ul>;
}
