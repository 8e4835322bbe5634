import { Fragment, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { lastClosedPeriod, useCustomerName, useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money, Quantity } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { PeriodField } from '../../ui/PeriodField';
import { Progress } from '../../ui/Progress';
import { Change } from './Change';
import {
  explainedAmountColumns,
  LineExplanationDrawer,
  QUANTITY_COLUMN,
  type ExplainedLine,
} from './LineExplanation';
import { useBillRun, type InvoiceDetail } from './store';
import { DocumentActions } from '../invoices/DocumentActions';

function RunReport() {
  const result = useBillRun((state) => state.result);
  const customerName = useCustomerName();
  if (!result) return null;
  const { unbilled, over_quota, already_finalized } = result.report;
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading" className="card__title">
        Bill run of {result.period}, run on {result.run_date}
      </h2>
      <p className="notice notice--success" role="status">
        {result.invoices} invoice{result.invoices === 1 ? '' : 's'} computed, {result.drafts} of
        them draft{result.drafts === 1 ? '' : 's'} to review.
      </p>
      {already_finalized.length > 0 && (
        <p className="muted">
          Already finalized, left as they are:{' '}
          {already_finalized.map((entry) => entry.invoice).join(', ')}.
        </p>
      )}
      {over_quota.length > 0 && (
        <DataTable
          caption="Usage over a blocked quota: not billed, for you to follow up"
          columns={[
            { header: 'Customer', cell: (row) => customerName(row.customer) },
            { header: 'Meter', cell: (row) => row.meter },
            { header: 'Quota', numeric: true, cell: (row) => <Quantity value={row.quota} /> },
            { header: 'Usage', numeric: true, cell: (row) => <Quantity value={row.usage} /> },
            { header: 'Over by', numeric: true, cell: (row) => <Quantity value={row.excess} /> },
          ]}
          rows={over_quota}
          rowKey={(row) => `${row.contract}-${row.meter}`}
        />
      )}
      {unbilled.length > 0 && (
        <DataTable
          caption="Usage no contract bills: check the customer's contracts or the export"
          columns={[
            {
              header: 'External id',
              cell: (row) => (
                <>
                  {row.external_id}
                  {row.customer && <div className="field__hint">{customerName(row.customer)}</div>}
                </>
              ),
            },
            { header: 'Meter', cell: (row) => row.meter },
            { header: 'Events', numeric: true, cell: (row) => row.events },
            {
              header: 'Quantity',
              numeric: true,
              cell: (row) => <Quantity value={row.quantity} />,
            },
            { header: 'First event', cell: (row) => row.first_event },
          ]}
          rows={unbilled}
          rowKey={(row) => `${row.external_id}-${row.meter}`}
        />
      )}
    </section>
  );
}

function DraftLines({
  detail,
  onExplain,
}: {
  detail: InvoiceDetail;
  onExplain: (explained: ExplainedLine) => void;
}) {
  const { invoice } = detail;
  return (
    <DataTable
      caption={`Lines of the draft for ${detail.customer.name}`}
      captionHidden
      modifiers={['lines']}
      columns={[
        { header: 'Line', cell: (line) => line.description },
        QUANTITY_COLUMN,
        ...explainedAmountColumns(invoice, onExplain),
      ]}
      rows={invoice.lines}
      rowKey={(_line, index) => index}
    />
  );
}

function Review() {
  const { drafts, details, selected, toggle, selectAll, finalizing, finalizeSelected, period } =
    useBillRun();
  const justFinalized = useBillRun((state) => state.finalized.length > 0);
  const error = useBillRun((state) => (state.errorAt === 'finalize' ? state.error : null));
  const errorDetails = useBillRun((state) => state.errorDetails);
  const customerName = useCustomerName();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [explained, setExplained] = useState<ExplainedLine | null>(null);
  if (drafts === null) return null;
  if (drafts.length === 0) {
    if (justFinalized) return null;
    return (
      <EmptyState title={`No drafts for ${period}`}>
        <p>
          Compute the drafts of the period to review them here. Drafts already finalized are on the{' '}
          <Link to={`/invoices?period=${period}`}>Invoices</Link> screen.
        </p>
      </EmptyState>
    );
  }
  const allSelected = selected.size === drafts.length;
  const expand = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  return (
    <section className="card" aria-labelledby="review-heading">
      <div className="card__header">
        <h2 id="review-heading">
          Review {drafts.length} draft{drafts.length === 1 ? '' : 's'}
        </h2>
        <div className="page-header__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={finalizing || selected.size === 0}
            onClick={() => void finalizeSelected()}
          >
            {finalizing ? 'Finalizing…' : `Finalize ${selected.size} selected`}
          </button>
        </div>
      </div>
      <ErrorNote message={error} />
      {error && errorDetails.length > 0 && (
        <ul className="details-list">
          {errorDetails.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every draft"
                checked={allSelected}
                onChange={(event) => selectAll(event.target.checked)}
              />
            </th>
            <th scope="col">Customer</th>
            <th scope="col">Contract</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Previous period
            </th>
            <th scope="col" className="num">
              Change
            </th>
            <th scope="col">
              <span className="visually-hidden">Lines</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => {
            const detail = details[draft.id];
            const isExpanded = expanded.has(draft.id);
            const name = customerName(draft.customer);
            return (
              <Fragment key={draft.id}>
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select the draft of ${name} (${draft.contract})`}
                      checked={selected.has(draft.id)}
                      onChange={() => toggle(draft.id)}
                    />
                  </td>
                  <td>{name}</td>
                  <td>
                    {draft.contract}
                    {draft.trigger === 'usage_threshold' && (
                      <div className="field__hint">Interim</div>
                    )}
                  </td>
                  <td className="num">
                    <Money amount={draft.total} currency={draft.currency} />
                  </td>
                  <td className="num">
                    {detail?.previous ? (
                      <Money amount={detail.previous.total} currency={draft.currency} />
                    ) : (
                      ''
                    )}
                  </td>
                  <td className="num">
                    {detail ? <Change total={draft.total} previous={detail.previous} /> : '…'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-expanded={isExpanded}
                      aria-label={`Lines of ${name} (${draft.contract})`}
                      onClick={() => expand(draft.id)}
                    >
                      {isExpanded ? 'Hide lines' : 'Lines'}
                    </button>
                  </td>
                </tr>
                {isExpanded && (
                  <tr className="row-detail">
                    <td colSpan={7}>
                      {detail ? (
                        <DraftLines detail={detail} onExplain={setExplained} />
                      ) : (
                        <p className="muted">Loading the lines…</p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <LineExplanationDrawer explained={explained} onClose={() => setExplained(null)} />
    </section>
  );
}

function Finalized() {
  const finalized = useBillRun((state) => state.finalized);
  if (finalized.length === 0) return null;
  const numbers = finalized.map((invoice) => invoice.number ?? invoice.id);
  return (
    <section className="card" aria-labelledby="finalized-heading">
      <h2 id="finalized-heading" className="card__title">
        Finalized {finalized.length} invoice{finalized.length === 1 ? '' : 's'}
      </h2>
      <p className="notice notice--success" role="status">
        Numbered {numbers[0]}
        {numbers.length > 1 && ` to ${numbers[numbers.length - 1]}`}. Now send them.
      </p>
      <DocumentActions invoices={finalized} />
    </section>
  );
}

/** The month-end: compute the period's drafts, review each, finalize, then send. */
export function BillRunScreen() {
  const today = useSession((session) => session.overview?.today);
  const [params, setParams] = useSearchParams();
  const { period, running, progress, open, run } = useBillRun();
  const runError = useBillRun((state) =>
    state.errorAt === 'run' || state.errorAt === 'load' ? state.error : null,
  );
  const wanted = params.get('period') ?? period ?? (today ? lastClosedPeriod(today) : null);

  useEffect(() => {
    if (wanted && wanted !== period) void open(wanted);
  }, [wanted, period, open]);

  return (
    <>
      <PageHeader
        title="Bill run"
        subtitle="Compute the period's drafts from the usage, review them line by line, finalize."
      />
      <div className="card">
        <div className="toolbar">
          {period && (
            <PeriodField
              label="Period"
              value={period}
              onChange={(next) => setParams({ period: next })}
            />
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={running || !period}
            onClick={() => void run()}
            aria-describedby={runError ? 'run-error' : undefined}
          >
            {running ? 'Computing…' : 'Compute drafts'}
          </button>
        </div>
        {running && (
          <Progress
            label={progress?.stage ?? 'Starting'}
            value={progress?.done ?? 0}
            total={progress?.total}
          />
        )}
        <ErrorNote id="run-error" message={runError} />
      </div>
      <RunReport />
      <Finalized />
      <Review />
    </>
  );
}
