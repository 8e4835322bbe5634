import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { outcomeWords, useReminders, type ReminderPlan } from './store';

type Facts = ReminderPlan['skipped'][number];

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function InvoiceCells({ facts }: { facts: Facts | ReminderPlan['due'][number] }) {
  return (
    <>
      <th scope="row">
        <Link to={`/invoices/${encodeURIComponent(facts.invoice)}`}>{facts.invoice}</Link>
      </th>
      <td>{facts.customer_name}</td>
      <td className="num">{facts.days_overdue}</td>
      <td className="num">
        <Money amount={facts.balance_due} currency={facts.currency} />
      </td>
    </>
  );
}

function InvoiceHeadings() {
  return (
    <>
      <th scope="col">Invoice</th>
      <th scope="col">Customer</th>
      <th scope="col" className="num">
        Days overdue
      </th>
      <th scope="col" className="num">
        Balance due
      </th>
    </>
  );
}

function SkippedTable({ skipped }: { skipped: Facts[] }) {
  if (skipped.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>Skipped: {plural(skipped.length, 'invoice')}</caption>
        <thead>
          <tr>
            <InvoiceHeadings />
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {skipped.map((facts) => (
            <tr key={facts.invoice}>
              <InvoiceCells facts={facts} />
              <td>{facts.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
          {plan.due.length > 0 && (
            <div className="table-scroll">
              <table className="table table--compact">
                <caption>To remind: {plural(plan.due.length, 'invoice')}</caption>
                <thead>
                  <tr>
                    <InvoiceHeadings />
                    <th scope="col">To</th>
                    <th scope="col">Last reminded</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.due.map((due) => (
                    <tr key={due.invoice}>
                      <InvoiceCells facts={due} />
                      <td>{due.to.join(', ')}</td>
                      <td>{due.last_reminded ?? 'Never'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
          {result.reminded.length > 0 && (
            <div className="table-scroll">
              <table className="table table--compact">
                <caption>Reminded: {plural(result.reminded.length, 'invoice')}</caption>
                <thead>
                  <tr>
                    <InvoiceHeadings />
                    <th scope="col">To</th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  {result.reminded.map((reminded) => (
                    <tr key={reminded.invoice}>
                      <InvoiceCells facts={reminded} />
                      <td>{reminded.to.join(', ')}</td>
                      <td>{outcomeWords(reminded.record)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
