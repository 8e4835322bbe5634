import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Fact, Facts } from '../../ui/Facts';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
import { contractState } from './contractState';
import { UptimeCard } from './UptimeCard';
import { ChangePreview } from './ChangePreview';
import { useContractChange } from './store';

/** Changing the plan or ending: set it up, see the effect on the next invoice, confirm. */
function ChangeCard({
  kind,
  contract,
  plans,
  today,
}: {
  kind: 'change' | 'end';
  contract: string;
  plans: { code: string; name: string }[];
  today: string;
}) {
  const navigate = useNavigate();
  const { request, preview, error, busy, previewChange, apply } = useContractChange();
  const [plan, setPlan] = useState(plans[0]?.code ?? '');
  const [on, setOn] = useState(today);
  const mine = request !== null && (request.plan !== undefined) === (kind === 'change');
  const ask = (event: FormEvent) => {
    event.preventDefault();
    void previewChange(kind === 'change' ? { contract, on, plan } : { contract, on });
  };
  return (
    <Section title={kind === 'change' ? 'Change plan' : 'End contract'}>
      <p className="muted">
        {kind === 'change'
          ? 'The contract ends on the day of the change and a new one on the new plan starts that same day; the month is prorated between them.'
          : 'The contract bills up to the day before this date; fees are prorated.'}
      </p>
      <form className="toolbar" onSubmit={ask}>
        {kind === 'change' && (
          <TextField label="New plan" value={plan} onChange={setPlan}>
            {plans.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name} ({option.code})
              </option>
            ))}
          </TextField>
        )}
        <TextField
          label={kind === 'change' ? 'Change on' : 'Ends on'}
          type="date"
          value={on}
          onChange={setOn}
          hint="The first day the current contract no longer covers."
        />
        <button type="submit" className="button" disabled={busy || (kind === 'change' && !plan)}>
          {kind === 'change' ? 'Preview the change' : 'Preview the end'}
        </button>
      </form>
      {mine && <ErrorNote message={error} />}
      {mine && preview && (
        <>
          <ChangePreview preview={preview} />
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                void apply().then((next) => {
                  if (next !== null) void navigate(`/contracts/${encodeURIComponent(next)}`);
                })
              }
            >
              {kind === 'change' ? `Change to ${plan} on ${on}` : `End on ${on}`}
            </button>
          </div>
        </>
      )}
    </Section>
  );
}

/** A contract: its terms, and changing its plan, ending it or recording its uptime. */
export function ContractPage() {
  const { contract: id = '' } = useParams();
  const overview = useSession((session) => session.overview);
  const { notice, reset } = useContractChange();
  useEffect(() => reset(), [reset, id]);

  if (!overview) return <PageHeader title={`Contract ${id}`} subtitle="Loading…" />;
  const contract = overview.contracts.find((candidate) => candidate.id === id);
  if (!contract) {
    return (
      <>
        <PageHeader title={`Contract ${id}`} />
        <ErrorNote message={`There is no contract '${id}'.`} />
        <p>
          <Link to="/customers">Back to the customers</Link>
        </p>
      </>
    );
  }
  const customer = overview.customers.find((candidate) => candidate.id === contract.customer);
  const plan = overview.plans.find((candidate) => candidate.code === contract.plan);
  const otherPlans = overview.plans.filter(
    (candidate) => candidate.currency === plan?.currency && candidate.code !== contract.plan,
  );
  const ended = contract.end_date !== null && contract.end_date <= overview.today;
  const facts: [string, ReactNode][] = [
    ['Customer', customer?.name ?? contract.customer],
    ['Plan', plan ? `${plan.name} (${plan.code}), ${plan.currency}` : contract.plan],
    ['Starts', contract.start_date],
    ['Ends (exclusive)', contract.end_date ?? 'open-ended'],
    ['Payment method', contract.payment_method],
    [
      'Payment terms',
      contract.payment_terms_days === null
        ? `the desk's ${overview.settings.payment_terms_days} days`
        : `${contract.payment_terms_days} days`,
    ],
    ['Discount', `${contract.discount_percent}%`],
    ['Channel', contract.channel],
  ];
  const customerPath = `/customers/${encodeURIComponent(contract.customer)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link> /{' '}
        <Link to={customerPath}>{customer?.name ?? contract.customer}</Link> / {contract.id}
      </p>
      <PageHeader
        title={`Contract ${contract.id}`}
        subtitle={`${customer?.name ?? contract.customer} · ${plan?.name ?? contract.plan} · ${contractState(contract, overview.today)}`}
      />
      {notice?.contract === contract.id && (
        <p className="notice notice--success" role="status">
          {notice.text}
        </p>
      )}
      <div className="customer-layout">
        <div className="stack">
          {!ended && contract.channel === 'direct' && (
            <>
              {otherPlans.length > 0 && (
                <ChangeCard
                  key={`change-${contract.id}`}
                  kind="change"
                  contract={contract.id}
                  plans={otherPlans}
                  today={overview.today}
                />
              )}
              <ChangeCard
                key={`end-${contract.id}`}
                kind="end"
                contract={contract.id}
                plans={[]}
                today={overview.today}
              />
            </>
          )}
          <UptimeCard contracts={[contract.id]} period={overview.today.slice(0, 7)} />
        </div>
        <div className="stack">
          <Section title="Terms">
            <Facts narrow>
              {facts.map(([term, value]) => (
                <Fact key={term} term={term}>
                  {value}
                </Fact>
              ))}
            </Facts>
          </Section>
        </div>
      </div>
    </>
  );
}
