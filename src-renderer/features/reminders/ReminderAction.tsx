import { useEffect, useId } from 'react';
import { formatDate } from '../../../src-main/domain/locale-format';
import { lastReminded } from '../../../src-main/domain/reminders';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { outcomeWords, useReminders } from './store';

/** "Send reminder" on an overdue invoice's page, with the day of its last reminder. */
export function ReminderAction({
  invoice,
  emails,
  onSent,
}: {
  invoice: string;
  emails: ProcedureOutput<'invoiceEmails'> | null;
  onSent: () => void;
}) {
  const id = useId();
  const locale = useSession((session) => session.locale);
  const { result, busy, error, send, reset } = useReminders();
  useEffect(() => reset(), [reset, invoice]);
  const last = emails === null ? null : lastReminded(emails);
  const reminded = result?.reminded[0];
  const skipped = result?.skipped[0];
  return (
    <div
      className="inline-form inline-form--separate"
      role="group"
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>Payment reminder</h3>
      <p>{last ? `Last reminded on ${formatDate(last, locale)}.` : 'Not reminded yet.'}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onClick={() => void send({ invoices: [invoice] }).then(onSent)}
        >
          Send reminder
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        Emails the customer that the invoice is overdue, with its balance, due date and PDF. An
        invoice is reminded at most once every 7 days.
      </p>
      <ErrorNote message={error} />
      {reminded && (
        <p className="notice notice--success" role="status">
          Reminder to {reminded.to.join(', ')}: {outcomeWords(reminded.record).toLowerCase()}.
        </p>
      )}
      {skipped && (
        <p className="notice" role="status">
          Not sent: {skipped.reason}.
        </p>
      )}
    </div>
  );
}
