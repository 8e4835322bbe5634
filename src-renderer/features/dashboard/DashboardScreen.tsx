import { lazy, Suspense, useEffect, useId } from 'react';
import { Link } from 'react-router';
import { lastClosedPeriod, useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { PeriodField } from '../../ui/PeriodField';
import { useDashboard, type DashboardFigures } from './store';

// recharts is large: the chart loads after the figures are on screen.
const AgingChart = lazy(() => import('./AgingChart'));

const MODEL_NAMES: Record<DashboardFigures['revenue_by_model'][number]['model'], string> = {
  subscription: 'Subscription',
  usage_based: 'Usage-based',
  capacity_based: 'Capacity-based',
  hybrid: 'Hybrid',
};

type PerCurrency = { currency: string; amount: string }[];

function Figure({ title, amounts, hint }: { title: string; amounts: PerCurrency; hint: string }) {
  const id = useId();
  return (
    <section className="card figure" aria-labelledby={id}>
      <h2 id={id} className="figure__title">
        {title}
      </h2>
      {amounts.length === 0 ? (
        <p className="figure__none">None</p>
      ) : (
        <ul className="figure__amounts">
          {amounts.map(({ currency, amount }) => (
            <li key={currency}>
              <Money amount={amount} currency={currency} />
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">{hint}</p>
    </section>
  );
}

function Attention({ figures }: { figures: DashboardFigures }) {
  const { drafts, overdue_invoices } = figures.attention;
  const items = [
    drafts > 0 && (
      <li key="drafts">
        <Link to={`/bill-run?period=${figures.period}`}>
          {drafts} draft{drafts === 1 ? '' : 's'} to review and finalize
        </Link>
      </li>
    ),
    overdue_invoices > 0 && (
      <li key="overdue">
        <Link to="/invoices?status=overdue">
          {overdue_invoices} overdue invoice{overdue_invoices === 1 ? '' : 's'} to chase
        </Link>
      </li>
    ),
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="card__title">
        What needs attention
      </h2>
      {items.length === 0 ? (
        <p className="muted">Nothing waits: every draft is finalized and nothing is overdue.</p>
      ) : (
        <ul className="attention">{items}</ul>
      )}
    </section>
  );
}

function RevenueByModel({ figures }: { figures: DashboardFigures }) {
  return (
    <section className="card" aria-labelledby="revenue-heading">
      <h2 id="revenue-heading" className="card__title">
        Revenue by billing model
      </h2>
      <DataTable
        empty={`Nothing was billed for ${figures.period} yet.`}
        columns={[
          { header: 'Billing model', cell: (row) => MODEL_NAMES[row.model] },
          { header: 'Currency', cell: (row) => row.currency },
          {
            header: 'Billed',
            numeric: true,
            cell: (row) => <Money amount={row.amount} currency={row.currency} />,
          },
        ]}
        rows={figures.revenue_by_model}
        rowKey={(row) => `${row.model}-${row.currency}`}
      />
    </section>
  );
}

function AgingCard({ asOf }: { asOf: string }) {
  const aging = useDashboard((state) => state.aging);
  return (
    <section className="card" aria-labelledby="aging-heading">
      <h2 id="aging-heading" className="card__title">
        Accounts receivable aging, as of {asOf}
      </h2>
      {aging === null ? (
        <p className="muted">Adding up what is owed…</p>
      ) : aging.length === 0 ? (
        <p className="muted">Nobody owes anything: every finalized invoice is settled.</p>
      ) : (
        <Suspense fallback={<p className="muted">Drawing the aging chart…</p>}>
          <AgingChart currencies={aging} />
        </Suspense>
      )}
    </section>
  );
}

function FirstRun() {
  const { loadDemoBook, loadingDemo, error } = useSession();
  return (
    <EmptyState
      title="Your book is empty"
      action={
        <div className="page-header__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void loadDemoBook()}
            disabled={loadingDemo}
          >
            {loadingDemo ? 'Loading the demo book…' : 'Try the demo book'}
          </button>
          <Link className="button" to="/usage/import">
            Start empty: import usage
          </Link>
        </div>
      }
    >
      <p>
        Try the desk on a made-up book of about 25 customers with a few months of usage, or start
        with your own: load your customers and plans with <code>nexus-billing load book.json</code>,
        then import the month's usage.
      </p>
      <ErrorNote message={error} />
    </EmptyState>
  );
}

export function DashboardScreen() {
  const overview = useSession((session) => session.overview);
  const { period, figures, error, show, refresh } = useDashboard();
  const fallback = overview ? lastClosedPeriod(overview.today) : null;
  const shown = period ?? fallback;

  // Afresh each time the screen opens: invoices may have been finalized or paid since.
  useEffect(() => {
    if (fallback !== null) void refresh(fallback);
  }, [fallback, refresh]);

  if (overview?.empty) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <FirstRun />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={figures ? `Invoices of ${figures.period}, as of ${figures.as_of}` : 'Loading…'}
        actions={
          shown && <PeriodField label="Period" value={shown} onChange={(next) => void show(next)} />
        }
      />
      <ErrorNote message={error} />
      {figures && (
        <>
          <div className="figures">
            <Figure
              title="Billed"
              amounts={figures.billed}
              hint="Finalized invoices of the period"
            />
            <Figure title="Collected" amounts={figures.collected} hint="Paid on them so far" />
            <Figure title="Outstanding" amounts={figures.outstanding} hint="Still due on them" />
            <Figure title="Overdue" amounts={figures.overdue} hint="Due and past the due date" />
          </div>
          <div className="grid-2">
            <Attention figures={figures} />
            <RevenueByModel figures={figures} />
          </div>
          <AgingCard asOf={figures.as_of} />
        </>
      )}
    </>
  );
}
