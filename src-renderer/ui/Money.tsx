import { useSession } from '../app/session';
import { formatAmount, formatQuantity, formatUnitPrice } from '../format/money';

/** An amount as the locale writes it in its currency; tabular figures line up in columns. */
export function Money({ amount, currency }: { amount: string; currency: string }) {
  const locale = useSession((session) => session.locale);
  return <span className="money">{formatAmount(amount, currency, locale)}</span>;
}

/** A unit price with every decimal of the rate. */
export function UnitPrice({ price, currency }: { price: string; currency: string }) {
  const locale = useSession((session) => session.locale);
  return <span className="money">{formatUnitPrice(price, currency, locale)}</span>;
}

/** A quantity with the locale's grouping. */
export function Quantity({ value }: { value: string }) {
  const locale = useSession((session) => session.locale);
  return <span className="money">{formatQuantity(value, locale)}</span>;
}
