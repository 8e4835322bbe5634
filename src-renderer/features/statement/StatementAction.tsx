import { useId, useState, type FormEvent } from 'react';
import type { ProcedureOutput } from '../../../src-main/api/contract';
import { formatAmount } from '../../../src-main/domain/locale-format';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';

type StatementAnswer = ProcedureOutput<'customerStatement'>;

/** The first day of the month of `today`, where a statement usually starts. */
function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** Hands the PDF to the user as a download (the browser's, or the window's save dialog). */
function download(answer: StatementAnswer): void {
  const bytes = Uint8Array.from(atob(answer.pdf_base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = answer.file_name;
  link.click();
  // The click has started the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A customer's account statement as a PDF, for a date range: opening balance, invoices,
 * payments, credit notes and closing balance, per currency. Mounted by the customer's
 * page; after the download it says what the statement found.
 */
export function StatementAction({ customer }: { customer: string }) {
  const today = useSession(
    (session) => session.overview?.today ?? new Date().toISOString().slice(0, 10),
  );
  const locale = useSession((session) => session.overview?.settings.locale ?? session.locale);
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<StatementAnswer | null>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const statement = await api.customerStatement({ customer, from, to });
      setAnswer(statement);
      download(statement);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-title`} className="card__title">
        Statement
      </h3>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy || from === '' || to === ''}>
          Download the statement (PDF)
        </button>
      </div>
      <ErrorNote message={error} />
      {answer && (
        <p className="notice" role="status">
          {answer.file_name}: {statementSummary(answer, locale)}
        </p>
      )}
    </form>
  );
}

function statementSummary(answer: StatementAnswer, locale: string): string {
  if (answer.currencies.length === 0) return 'no invoices up to that day.';
  const balances = answer.currencies.map(
    (section) =>
      `opening ${formatAmount(section.opening_balance, section.currency, locale)}, closing ${formatAmount(section.closing_balance, section.currency, locale)}`,
  );
  return `${balances.join('; ')}.`;
}
