import './plans.css';
import { useEffect, useId } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Plan } from '../../../src-main/domain/model';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { Calculator } from './Calculator';
import { ChargeEditor } from './ChargeEditor';
import { Field } from './Field';
import { draftProblems, newCharge, newPlan } from './planDraft';
import { Simulator } from './Simulator';
import { usePlanEditor } from './store';

/** A plan's page: the editor with the calculator beside it, the price simulator below. */
export function PlanEditor() {
  const { code } = useParams();
  const overview = useSession((session) => session.overview);
  const reload = useSession((session) => session.load);
  const open = usePlanEditor((state) => state.open);
  const draft = usePlanEditor((state) => state.draft);
  const editing = usePlanEditor((state) => state.editing);
  const navigate = useNavigate();
  const saved = overview?.plans.find((plan) => plan.code === code) ?? null;

  const loaded = overview !== null;
  // Opened once per plan: a reload of the book after a save must not reset the page.
  useEffect(() => {
    const book = useSession.getState().overview;
    if (!book) return;
    const plan = book.plans.find((candidate) => candidate.code === code);
    if (code === undefined) open(null, newPlan(book.customers[0]?.currency ?? 'USD'));
    else if (plan) open(plan.code, plan);
  }, [loaded, code, open]);

  if (!overview) return null;
  if (code !== undefined && !saved) {
    return (
      <>
        <PageHeader title="Plan not found" />
        <p>
          There is no plan '{code}'. <Link to="/plans">Back to the plans</Link>
        </p>
      </>
    );
  }
  if (!draft || editing !== (saved?.code ?? null)) return null;
  return (
    <EditorForm
      onSaved={async (plan) => {
        await reload();
        if (code === undefined) void navigate(`/plans/${encodeURIComponent(plan.code)}`);
      }}
    />
  );
}

function EditorForm({ onSaved }: { onSaved: (plan: Plan) => Promise<void> }) {
  const meters = useSession((session) => session.overview?.meters ?? []);
  const contracts = useSession((session) => session.overview?.contracts ?? []);
  const draft = usePlanEditor((state) => state.draft) as Plan;
  const editing = usePlanEditor((state) => state.editing);
  const change = usePlanEditor((state) => state.change);
  const save = usePlanEditor((state) => state.save);
  const saving = usePlanEditor((state) => state.saving);
  const saveError = usePlanEditor((state) => state.saveError);
  const justSaved = usePlanEditor((state) => state.saved);
  const intervalId = useId();
  const problems = draftProblems(draft, meters);
  const set = (fields: Partial<Plan>) => change((plan) => ({ ...plan, ...fields }));
  const optional = (value: string) => (value === '' ? null : value);
  const users = contracts.filter((contract) => contract.plan === editing).length;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/plans">Plans</Link> / {editing ?? 'New plan'}
      </nav>
      <PageHeader
        title={editing === null ? 'New plan' : draft.name || editing}
        subtitle={
          editing === null
            ? 'A plan is the price list contracts bill by.'
            : `${users === 1 ? '1 contract bills' : `${users} contracts bill`} by this plan. Once a plan has billed, its charges and interval stay as they are: make a new plan instead.`
        }
        actions={
          <button
            type="button"
            className="button button--primary"
            disabled={saving || problems.size > 0}
            onClick={() => void save().then((plan) => (plan ? onSaved(plan) : undefined))}
          >
            {saving ? 'Saving…' : editing === null ? 'Add plan' : 'Save plan'}
          </button>
        }
      />
      <ErrorNote message={saveError} />
      {justSaved && (
        <p className="notice notice--success" role="status">
          Saved plan {editing}.
        </p>
      )}
      <div className="plan-layout">
        <form
          className="card stack plan-form"
          aria-label="Plan"
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="charge__row">
            <Field
              label="Code"
              value={draft.code}
              readOnly={editing !== null}
              hint={editing !== null ? 'A plan keeps its code.' : 'Contracts name the plan by it.'}
              error={problems.get('code')}
              onChange={(value) => set({ code: value })}
            />
            <Field
              label="Name"
              value={draft.name}
              error={problems.get('name')}
              onChange={(value) => set({ name: value })}
            />
            <Field
              label="Currency"
              value={draft.currency}
              error={problems.get('currency')}
              onChange={(value) => set({ currency: value.toUpperCase() })}
            />
          </div>
          <div className="charge__row">
            <div className="field">
              <label htmlFor={intervalId}>Billed every</label>
              <select
                id={intervalId}
                value={draft.interval}
                onChange={(event) => set({ interval: event.target.value as Plan['interval'] })}
              >
                <option value="month">Month</option>
                <option value="year">Year (fees in advance)</option>
              </select>
            </div>
            <Field
              label="Base fee"
              numeric
              value={draft.base_fee ?? ''}
              placeholder="None"
              hint="Billed each period, prorated by the days a contract covers."
              error={problems.get('base_fee')}
              onChange={(value) => set({ base_fee: optional(value) })}
            />
            <Field
              label="Minimum commitment"
              numeric
              value={draft.minimum_commitment ?? ''}
              placeholder="None"
              hint="Monthly plans: a true-up line makes up any shortfall."
              error={problems.get('minimum_commitment')}
              onChange={(value) => set({ minimum_commitment: optional(value) })}
            />
          </div>
          {draft.sla.length > 0 && (
            <p className="field__hint">
              SLA credits:{' '}
              {draft.sla.map((step) => `${step.credit_percent}% below ${step.below}%`).join(', ')}.
            </p>
          )}
          <h2>Charges</h2>
          {draft.charges.length === 0 && (
            <p className="muted">No usage charge: the plan bills its base fee alone.</p>
          )}
          {draft.charges.map((charge, index) => (
            <ChargeEditor
              key={index}
              charge={charge}
              index={index}
              currency={draft.currency}
              meters={meters}
              problems={problems}
              onChange={(updated) =>
                set({ charges: draft.charges.map((each, at) => (at === index ? updated : each)) })
              }
              onRemove={() => set({ charges: draft.charges.filter((_, at) => at !== index) })}
            />
          ))}
          <div>
            <button
              type="button"
              className="button"
              disabled={meters.length === 0}
              onClick={() => set({ charges: [...draft.charges, newCharge(meters[0]?.code ?? '')] })}
            >
              Add charge
            </button>
          </div>
        </form>
        <Calculator plan={draft} meters={meters} problems={problems} />
      </div>
      <Simulator canRun={problems.size === 0} />
    </>
  );
}
