import { useEffect } from 'react';
import { Link } from 'react-router';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { useUsageHistory } from './store';

const FORMAT_NAMES: Record<string, string> = {
  csv: 'CSV',
  ndjson: 'NDJSON',
  cloudevents: 'CloudEvents',
  lago: 'Lago events',
  bundle: 'Bundle',
};

const when = (timestamp: string) => timestamp.replace('T', ' ').slice(0, 16);

/** The usage imports, newest first, each with its counts, and a rollback of a whole batch. */
export function UsageScreen() {
  const { batches, error, rollbackErrors, load, rollback } = useUsageHistory();
  useEffect(() => void load(), [load]);
  const importLink = (
    <Link className="button button--primary" to="/usage/import">
      Import usage
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Usage"
        subtitle="Every import is one batch: listed here with what it stored, and rolled back whole."
        actions={importLink}
      />
      <ErrorNote message={error} />
      {batches?.length === 0 && (
        <EmptyState title="No usage imported yet" action={importLink}>
          <p>
            Import the month's usage export from the platform (CSV, NDJSON, CloudEvents or Lago
            events) before the bill run. Rows that cannot be read are listed with their row number;
            nothing is half imported.
          </p>
        </EmptyState>
      )}
      {batches && batches.length > 0 && (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading" className="card__title">
            Import history
          </h2>
          <DataTable
            columns={[
              {
                header: 'File',
                cell: (batch) => (
                  <>
                    {batch.file_name}
                    <div className="field__hint">{batch.id}</div>
                  </>
                ),
              },
              { header: 'Format', cell: (batch) => FORMAT_NAMES[batch.format] ?? batch.format },
              { header: 'Imported', cell: (batch) => when(batch.imported_at) },
              { header: 'Accepted', numeric: true, cell: (batch) => batch.accepted },
              { header: 'Duplicates', numeric: true, cell: (batch) => batch.duplicates },
              { header: 'Rejected', numeric: true, cell: (batch) => batch.rejected },
              {
                header: 'Rollback',
                headerHidden: true,
                cell: (batch) => (
                  <>
                    {batch.rolled_back_at ? (
                      <span className="badge badge--void">
                        Rolled back {when(batch.rolled_back_at)}
                      </span>
                    ) : (
                      <ConfirmButton
                        label="Roll back"
                        accessibleName={`Roll back ${batch.file_name} (${batch.id})`}
                        title={`Roll back ${batch.file_name}?`}
                        confirmLabel="Roll back the batch"
                        onConfirm={() => void rollback(batch.id)}
                      >
                        <p>
                          Its {batch.accepted} events leave the book; drafts that billed them change
                          at the next bill run. The batch stays listed, marked rolled back.
                        </p>
                      </ConfirmButton>
                    )}
                    <ErrorNote message={rollbackErrors[batch.id]} />
                  </>
                ),
              },
            ]}
            rows={[...batches].reverse()}
            rowKey={(batch) => batch.id}
          />
        </section>
      )}
    </>
  );
}
