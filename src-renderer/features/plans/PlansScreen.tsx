import { Link } from 'react-router';
import { billingModelOf } from '../../../src-main/domain/billing-model';
import type { Plan } from '../../../src-main/domain/model';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
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
          <DataTable
            caption="Plans"
            captionHidden
            columns={[
              {
                header: 'Plan',
                rowHeader: true,
                cell: (plan) => (
                  <>
                    <Link to={`/plans/${encodeURIComponent(plan.code)}`}>{plan.name}</Link>
                    <div className="muted">
                      <code>{plan.code}</code> · {plan.currency}
                    </div>
                  </>
                ),
              },
              { header: 'Model', cell: (plan) => BILLING_MODEL_NAMES[billingModelOf(plan)] },
              { header: 'Charges', cell: (plan) => chargesOf(plan, meterName) },
              {
                header: 'Billed',
                cell: (plan) => (plan.interval === 'year' ? 'Yearly' : 'Monthly'),
              },
              {
                header: 'Base fee',
                numeric: true,
                cell: (plan) =>
                  plan.base_fee === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <Money amount={plan.base_fee} currency={plan.currency} />
                  ),
              },
              { header: 'Active contracts', numeric: true, cell: (plan) => contractsOn(plan) },
            ]}
            rows={overview.plans}
            rowKey={(plan) => plan.code}
          />
        </div>
      )}
    </>
  );
}
