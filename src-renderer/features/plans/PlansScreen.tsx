import { Link } from 'react-router';
import { billingModelOf } from '../../../src-main/domain/billing-model';
import type { Plan } from '../../../src-main/domain/model';
import { useSession } from '../../app/session';
import { EmptyState } from '../../ui/EmptyState';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { CHARGE_MODELS } from './planDraft';

const BILLING_MODEL_NAMES = {
  subscription: 'Subscription',
  usage_based: 'Usage-based',
  capacity_based: 'Capacity-based',
  hybrid: 'Hybrid',
} as const;

function chargesOf(plan: Plan, meterName: (code: string) => string): string {
  if (plan.charges.length === 0) return 'Base fee only';
  return plan.charges
    .map((charge) => {
      const model = CHARGE_MODELS.find((entry) => entry.model === charge.model)?.label ?? '';
      return `${meterName(charge.meter)}: ${model.toLowerCase()}`;
    })
    .join(' · ');
}

/** Every plan of the catalog, with what it bills and how many contracts bill by it. */
export function PlansScreen() {
  const overview = useSession((session) => session.overview);
  if (!overview) return null;
  const meterName = (code: string) =>
    overview.meters.find((meter) => meter.code === code)?.name ?? code;
  const contractsOn = (plan: Plan) =>
    overview.contracts.filter(
      (contract) => contract.plan === plan.code && contract.end_date === null,
    ).length;

  return (
    <>
      <PageHeader
        title="Plans"
        subtitle="The price lists contracts bill by. Open a plan to edit its charges, price any usage with the calculator, or re-rate a customer's real usage under a draft."
        actions={
          <Link className="button button--primary" to="/plans/new">
            New plan
          </Link>
        }
      />
      {overview.plans.length === 0 ? (
        <EmptyState title="No plan yet">
          <p>
            A plan holds the base fee and the usage charges a contract bills by.{' '}
            <Link to="/plans/new">Add the first plan</Link>.
          </p>
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table">
            <caption className="visually-hidden">Plans</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Model</th>
                <th scope="col">Charges</th>
                <th scope="col">Billed</th>
                <th scope="col" className="num">
                  Base fee
                </th>
                <th scope="col" className="num">
                  Active contracts
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.plans.map((plan) => (
                <tr key={plan.code}>
                  <th scope="row">
                    <Link to={`/plans/${encodeURIComponent(plan.code)}`}>{plan.name}</Link>
                    <div className="muted">
                      <code>{plan.code}</code> · {plan.currency}
                    </div>
                  </th>
                  <td>{BILLING_MODEL_NAMES[billingModelOf(plan)]}</td>
                  <td>{chargesOf(plan, meterName)}</td>
                  <td>{plan.interval === 'year' ? 'Yearly' : 'Monthly'}</td>
                  <td className="num">
                    {plan.base_fee === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <Money amount={plan.base_fee} currency={plan.currency} />
                    )}
                  </td>
                  <td className="num">{contractsOn(plan)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
