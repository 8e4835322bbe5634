import type { CreditBalanceGroup } from '../../../src-main/api/contract';
import { useCustomerName } from '../../app/session';
import { Money } from '../../ui/Money';

export const CREDIT_KIND_LABELS: Record<string, string> = {
  sla: 'SLA',
  promotional: 'Promotional',
  goodwill: 'Goodwill',
  prepaid: 'Prepaid',
  overpayment: 'Overpayment',
};

/**
 * Credits with what is left of them, one group per customer and currency (money never
 * adds across currencies), the usable total in the group's heading row.
 */
export function CreditBalances({
  groups,
  showCustomer,
}: {
  groups: readonly CreditBalanceGroup[];
  showCustomer: boolean;
}) {
  const nameOf = useCustomerName();
  return (
    <table className="table">
      <caption className="visually-hidden">Credits and what is left of them</caption>
      <thead>
        <tr>
          <th scope="col">Credit</th>
          <th scope="col">Granted</th>
          <th scope="col" className="num">
            Remaining
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={`${group.customer} ${group.currency}`}>
          <tr className="group-row">
            <th scope="rowgroup" colSpan={2}>
              {showCustomer ? `${nameOf(group.customer)} · ` : ''}
              {group.currency} usable now
            </th>
            <td className="num">
              <strong>
                <Money amount={group.usable} currency={group.currency} />
              </strong>
            </td>
          </tr>
          {group.credits.map((credit) => (
            <tr key={credit.id} className={credit.usable ? undefined : 'row--spent'}>
              <td>
                {CREDIT_KIND_LABELS[credit.kind] ?? credit.kind} <code>{credit.id}</code>
                {credit.note && <div className="muted">{credit.note}</div>}
              </td>
              <td className="nowrap">
                {credit.granted_on}
                <div className="muted">
                  {credit.expires_on ? `expires ${credit.expires_on}` : 'no expiry'}
                </div>
              </td>
              <td className="num nowrap">
                <Money amount={credit.remaining} currency={credit.currency} />
                <div className="muted">
                  of <Money amount={credit.amount} currency={credit.currency} />
                </div>
                {!credit.usable && <div className="muted">not usable</div>}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
