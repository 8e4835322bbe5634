import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { outcomeWords, useReminders, type ReminderPlan } from './store';

type Facts = Omit<ReminderPlan['skipped'][number], 'reason'>;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** The columns every table of the card starts with: which invoice, whose, how late, how much. */
function invoiceColumns<Row extends Facts>(): Column<Row>[] {
  return [
    {
      header: 'Invoice',
      rowHeader: true,
      cell: (facts) => (
        <Link to={`/invoices/${encodeURIComponent(facts.invoice)}`}>{facts.invoice}</Link>
      ),
    },
    { header: 'Customer', cell: (facts) => facts.customer_name },
    { header: 'Days overdue', numeric: true, cell: (facts) => facts.days_overdue },
    {
      header: 'Balance due',
      numeric: true,
      cell: (facts) => <Money amount={facts.balance_due} currency={facts.currency} />,
    },
  ];
}

function RemindersTable<Row extends Facts>({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: readonly Row[];
  columns: Column<Row>[];
}) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      scrolls="short"
      caption={caption}
      modifiers={['compact']}
      columns={[...invoiceColumns<Row>(), ...columns]}
      rows={rows}
      rowKey={(row) => row.invoice}
    />
  );
}

function SkippedTable({ skipped }: { skipped: ReminderPlan['skipped'] }) {
  return (
    <RemindersTable
      caption={`Skipped: ${plural(skipped.length, 'invoice')}`}
      rows={skipped}
      columns={[{ header: 'Why', cell: (row) => row.reason }]}
    />
  );
}

/**
 * "Chase what is overdue": which overdue invoices would be reminded on the date, and
 * which skipped and why, before anything is sent; then what became of each reminder.
 */
export function RemindOverdue({ asOf, onClose }: { asOf: string; onClose: () => void }) {
  const id = useId();
  const { plan, result, busy, error, preview, send, reset } = useReminders();

  useEffect(() => {
    reset();
    void preview({ as_of: asOf });
  }, [reset, preview, asOf]);

  const count = (status: string) =>
    result?.reminded.filter(({ record }) => record.status === status).length ?? 0;

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        Remind overdue customers as of {asOf}
      </h2>
      <ErrorNote message={error} />
      {!plan && !result && !error && <p className="muted">Finding the overdue invoices…</p>}
      {plan && !result && (
        <>
          <p>
            {plan.due.length === 0
              ? 'No invoice is due a reminder.'
              : `${plural(plan.due.length, 'reminder')} will be emailed, each with its invoice’s PDF attached, to the customer’s billing addresses.`}{' '}
            An invoice is reminded at most once every {plan.min_days_between} days.
          </p>
          <RemindersTable
            caption={`To remind: ${plural(plan.due.length, 'invoice')}`}
            rows={plan.due}
            columns={[
              { header: 'To', cell: (due) => due.to.join(', ') },
              { header: 'Last reminded', cell: (due) => due.last_reminded ?? 'Never' },
            ]}
          />
          <SkippedTable skipped={plan.skipped} />
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || plan.due.length === 0}
              onClick={() => void send({ as_of: asOf, invoices: plan.due.map((d) => d.invoice) })}
            >
              {busy ? 'Sending…' : `Send ${plural(plan.due.length, 'reminder')}`}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
      {result && (
        <>
          <p className="notice notice--success" role="status">
            {result.reminded.length === 0
              ? 'No reminder was sent.'
              : [
                  count('sent') > 0 && `${plural(count('sent'), 'reminder')} sent`,
                  count('queued') > 0 &&
                    `${plural(count('queued'), 'reminder')} waiting in the outbox`,
                  count('failed') > 0 &&
                    `${plural(count('failed'), 'reminder')} failed to send and wait in the outbox`,
                ]
                  .filter(Boolean)
                  .join(', ') + '.'}
          </p>
          <RemindersTable
            caption={`Reminded: ${plural(result.reminded.length, 'invoice')}`}
            rows={result.reminded}
            columns={[
              { header: 'To', cell: (reminded) => reminded.to.join(', ') },
              { header: 'Outcome', cell: (reminded) => outcomeWords(reminded.record) },
            ]}
          />
          <SkippedTable skipped={[...result.skipped, ...(plan?.skipped ?? [])]} />
          <div className="toolbar">
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </section>
  );
}
