import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isValidDate } from '../../../src-main/domain/dates';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { AGING_BUCKETS } from '../../format/aging';
import { RemindOverdue } from '../reminders/RemindOverdue';
import { PaymentsTabs } from './PaymentsScreen';
import { useAging, type AgingReport } from './store';

// recharts is the biggest part of the bundle: loaded when a chart is shown.
const AgingChart = lazy(() => import('../dashboard/AgingChart'));

type CurrencyAging = AgingReport['currencies'][number];
type CustomerAging = CurrencyAging['customers'][number];

function CustomerTable({ aging }: { aging: CurrencyAging }) {
  const money = (amount: string) => <Money amount={amount} currency={aging.currency} />;
  return (
    <DataTable
      scrolls="short"
      caption={`What each customer owed in ${aging.currency}, by days past due`}
      captionHidden
      modifiers={['compact']}
      columns={[
        { header: 'Customer', rowHeader: true, cell: (customer) => customer.name },
        ...AGING_BUCKETS.map((bucket) => ({
          header: bucket.label,
          numeric: true,
          cell: (customer: CustomerAging) => money(customer[bucket.key]),
        })),
        {
          header: 'Total',
          numeric: true,
          cell: (customer) => <strong>{money(customer.total)}</strong>,
        },
        {
          header: 'Invoices',
          cell: (customer) =>
            customer.invoices.map((invoice, index) => (
              <span key={invoice}>
                {index > 0 && ', '}
                <Link to={`/invoices/${encodeURIComponent(invoice)}`}>{invoice}</Link>
              </span>
            )),
        },
      ]}
      rows={aging.customers}
      rowKey={(customer) => customer.customer}
    />
  );
}

/** Receivables aging as of any day: the book as it stood then, per currency and customer. */
export function AgingScreen() {
  const id = useId();
  const today = useSession((session) => session.overview?.today ?? null);
  const [params, setParams] = useSearchParams();
  const asked = params.get('as_of') ?? '';
  const asOf = isValidDate(asked) ? asked : today;
  const { report, error, show } = useAging();
  const [reminding, setReminding] = useState(false);

  useEffect(() => {
    if (asOf) void show(asOf);
  }, [show, asOf]);

  return (
    <>
      <PageHeader
        title="Payments"
        subtitle="What customers owed on a day, by how late it was."
        actions={
          <>
            <button
              type="button"
              className="button"
              disabled={!asOf || reminding}
              onClick={() => setReminding(true)}
            >
              Remind overdue customers
            </button>
            <Link className="button" to="/payments/import">
              Import a bank file
            </Link>
          </>
        }
      />
      <PaymentsTabs />
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-as-of`}>As of</label>
          <input
            id={`${id}-as-of`}
            type="date"
            value={asOf ?? ''}
            aria-describedby={`${id}-as-of-hint`}
            onChange={(event) => setParams(event.target.value ? { as_of: event.target.value } : {})}
          />
        </div>
        <p id={`${id}-as-of-hint`} className="muted">
          Only invoices issued, payments received and credit notes issued by then count.
        </p>
      </div>
      {reminding && asOf && <RemindOverdue asOf={asOf} onClose={() => setReminding(false)} />}
      <ErrorNote message={error} />
      {report && report.currencies.length === 0 && (
        <EmptyState title={`Nothing was owed on ${report.as_of}`}>
          <p>
            Every invoice issued by then was paid or credited. Finalized invoices appear here once
            they are issued; <Link to="/invoices">see the invoices</Link>.
          </p>
        </EmptyState>
      )}
      {report &&
        report.currencies.map((aging) => (
          <section
            key={aging.currency}
            className="card stack"
            aria-labelledby={`${id}-${aging.currency}`}
          >
            <h2 id={`${id}-${aging.currency}`} className="card__title">
              Owed in {aging.currency} on {report.as_of}:{' '}
              <Money amount={aging.total} currency={aging.currency} />
            </h2>
            <Suspense fallback={<p className="muted">Drawing the chart…</p>}>
              <AgingChart currencies={[aging]} />
            </Suspense>
            <CustomerTable aging={aging} />
          </section>
        ))}
    </>
  );
}
