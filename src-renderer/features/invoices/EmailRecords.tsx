import { DataTable } from '../../ui/DataTable';
import type { EmailRecord } from './store';

const STATUS_WORDS: Record<EmailRecord['status'], string> = {
  sent: 'Sent',
  queued: 'Waiting in the outbox',
  failed: 'Failed, waiting in the outbox',
};

/** Every email of the invoice: when, to whom, and whether it left or waits in the outbox. */
export function EmailRecords({ emails }: { emails: EmailRecord[] | null }) {
  if (emails === null) return null;
  return (
    <DataTable
      caption="Emails of the invoice"
      captionHidden
      empty="Not emailed yet."
      modifiers={['compact']}
      columns={[
        { header: 'When (UTC)', cell: (email) => email.at.slice(0, 16).replace('T', ' ') },
        { header: 'To', cell: (email) => email.to.join(', ') },
        {
          header: 'Status',
          cell: (email) => (
            <>
              {STATUS_WORDS[email.status]}
              {email.error && <span className="field__hint"> — {email.error}</span>}
              {email.outbox_file && (
                <span className="field__hint"> — in the data folder as {email.outbox_file}</span>
              )}
            </>
          ),
        },
      ]}
      rows={emails}
      rowKey={(email) => email.id}
    />
  );
}
