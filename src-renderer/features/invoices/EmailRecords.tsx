import type { EmailRecord } from './store';

const STATUS_WORDS: Record<EmailRecord['status'], string> = {
  sent: 'Sent',
  queued: 'Waiting in the outbox',
  failed: 'Failed, waiting in the outbox',
};

const KIND_WORDS: Record<EmailRecord['kind'], string> = {
  invoice: 'Invoice',
  reminder: 'Payment reminder',
};

/** Every email of the invoice: when, to whom, and whether it left or waits in the outbox. */
export function EmailRecords({ emails }: { emails: EmailRecord[] | null }) {
  if (emails === null) return null;
  if (emails.length === 0) return <p className="muted">Not emailed yet.</p>;
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">Emails of the invoice</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">What</th>
          <th scope="col">To</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>{email.at.slice(0, 16).replace('T', ' ')}</td>
            <td>{KIND_WORDS[email.kind]}</td>
            <td>{email.to.join(', ')}</td>
            <td>
              {STATUS_WORDS[email.status]}
              {email.error && <span className="field__hint"> — {email.error}</span>}
              {email.outbox_file && (
                <span className="field__hint"> — in the data folder as {email.outbox_file}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
