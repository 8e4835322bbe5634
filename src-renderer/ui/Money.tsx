import { useSession } from '../app/session';
import { formatMoney } from '../format/money';

/** An amount as the locale writes it in its currency; tabular figures line up in columns. */
export function Money({ amount, currency }: { amount: string; currency: string }) {
  const locale = useSession((session) => session.locale);
  return <span className="money">{formatMoney(amount, currency, locale)}</span>;
}
