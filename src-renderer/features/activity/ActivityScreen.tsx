import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ActivityEntry } from '../../../src-main/domain/activity';
import { api } from '../../api';
import { messageOf } from '../../app/errors';
import { searchParamsOf } from '../../app/searchParams';
import { useCustomerName, useSession } from '../../app/session';
import { CustomerSelect } from '../../ui/CustomerSelect';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';

interface ActivityFilter {
  customer?: string;
  invoice?: string;
}

const DOOR_LABELS: Record<ActivityEntry['door'], string> = {
  app: 'App',
  cli: 'Command line',
};

/** When a change was made, in the person's locale and time zone, to the minute. */
function useWhen(): (at: string) => string {
  const locale = useSession((session) => session.locale);
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  return (at) => format.format(new Date(at));
}

function Filters({
  filter,
  onChange,
}: {
  filter: ActivityFilter;
  onChange: (next: ActivityFilter) => void;
}) {
  const id = useId();
  const [invoice, setInvoice] = useState(filter.invoice ?? '');
  return (
    <form
      className="toolbar"
      role="search"
      aria-label="Filter the activity"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filter, invoice: invoice.trim() || undefined });
      }}
    >
      <CustomerSelect
        value={filter.customer}
        onChange={(customer) => onChange({ ...filter, customer })}
      />
      <div className="field">
        <label htmlFor={`${id}-invoice`}>Invoice</label>
        <input
          id={`${id}-invoice`}
          value={invoice}
          placeholder="INV-2026-00001"
          autoComplete="off"
          onChange={(event) => setInvoice(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Show
      </button>
      {(filter.customer || filter.invoice) && (
        <button type="button" className="button button--quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}

/**
 * Every change to the book, newest first: what was done, when, and whether in the app
 * or on the command line. Filtered by customer or invoice from the address
 * (`#/activity?invoice=INV-2026-00001`), so other screens link to it.
 */
export function ActivityScreen() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<ActivityFilter>(
    () => ({
      customer: params.get('customer') || undefined,
      invoice: params.get('invoice') || undefined,
    }),
    [params],
  );
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const customerName = useCustomerName();
  const when = useWhen();

  useEffect(() => {
    let current = true;
    api.listActivity(filter).then(
      ({ entries: found }) => {
        if (current) {
          setEntries(found);
          setError(null);
        }
      },
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [filter]);

  const filtered = Boolean(filter.customer || filter.invoice);
  return (
    <>
      <PageHeader
        title="Activity"
        subtitle="Every change to the book, newest first: what, when, and from where."
      />
      <Filters
        // A new invoice in the address (a link followed) starts the field afresh.
        key={filter.invoice ?? ''}
        filter={filter}
        onChange={(next) => setParams(searchParamsOf({ ...next }))}
      />
      <ErrorNote message={error} />
      {entries !== null && entries.length === 0 && (
        <EmptyState title={filtered ? 'No change matches' : 'No change yet'}>
          <p>
            Each change to the book (a payment, a bill run, a finalized invoice, a credit…) is
            listed here as it is made, in the app or on the command line.
          </p>
        </EmptyState>
      )}
      {entries !== null && entries.length > 0 && (
        <DataTable
          scrolls="tall"
          caption="Changes to the book, newest first"
          captionHidden
          modifiers={['sticky']}
          columns={[
            {
              header: 'When',
              className: 'cell--nowrap',
              cell: (entry) => <time dateTime={entry.at}>{when(entry.at)}</time>,
            },
            { header: 'What', cell: (entry) => entry.summary },
            {
              header: 'Customer',
              cell: (entry) =>
                entry.customer && (
                  <Link to={`/activity?customer=${encodeURIComponent(entry.customer)}`}>
                    {customerName(entry.customer)}
                  </Link>
                ),
            },
            {
              header: 'Invoice',
              className: 'cell--nowrap',
              cell: (entry) =>
                entry.invoice && (
                  <Link to={`/invoices/${encodeURIComponent(entry.invoice)}`}>{entry.invoice}</Link>
                ),
            },
            {
              header: 'From',
              cell: (entry) => (
                <span className={`badge badge--door-${entry.door}`}>{DOOR_LABELS[entry.door]}</span>
              ),
            },
          ]}
          rows={entries}
          rowKey={(entry) => entry.id}
        />
      )}
    </>
  );
}
