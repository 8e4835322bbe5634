import { useEffect, useId } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { CustomerForm } from './CustomerForm';
import { CUSTOMERS_PAGE_SIZE, useCustomerList } from './store';

/** The customers, a page at a time, found by name, id or the id on the platform. */
export function CustomersScreen() {
  const searchId = useId();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const offset = Number(params.get('from') ?? '0') || 0;
  const { rows, total, error, show } = useCustomerList();

  useEffect(() => void show(search, offset), [show, search, offset]);

  const go = (next: { q?: string; from?: number }) => {
    const q = next.q ?? search;
    const from = next.from ?? 0;
    setParams(
      { ...(q ? { q } : {}), ...(from > 0 ? { from: String(from) } : {}) },
      {
        replace: true,
      },
    );
  };
  const last = total === null ? 0 : Math.min(offset + CUSTOMERS_PAGE_SIZE, total);

  return (
    <>
      <PageHeader
        title="Customers"
        subtitle={
          total === null
            ? 'Loading…'
            : `${total} ${total === 1 ? 'customer' : 'customers'}${search ? ` matching “${search}”` : ''}`
        }
        actions={
          <Link className="button button--primary" to="/customers/new">
            Add customer
          </Link>
        }
      />
      <div className="toolbar">
        <div className="field field--wide">
          <label htmlFor={searchId}>Search</label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder="Name, id or external id"
            onChange={(event) => go({ q: event.target.value })}
          />
        </div>
      </div>
      <ErrorNote message={error} />
      <section className="card card--flush" aria-label="Customers">
        <DataTable
          caption="Customers"
          captionHidden
          columns={[
            {
              header: 'Name',
              cell: (customer) => (
                <Link to={`/customers/${encodeURIComponent(customer.id)}`}>{customer.name}</Link>
              ),
            },
            { header: 'Id', cell: (customer) => <code>{customer.id}</code> },
            { header: 'Currency', cell: (customer) => customer.currency },
            {
              header: 'External ids',
              cell: (customer) =>
                customer.external_ids.join(', ') || <span className="muted">none</span>,
            },
            {
              header: 'Active plans',
              cell: (customer) =>
                customer.active_plans.join(', ') || <span className="muted">no contract</span>,
            },
            {
              header: 'Billing email',
              cell: (customer) => customer.email[0] ?? <span className="muted">none</span>,
            },
          ]}
          rows={rows}
          rowKey={(customer) => customer.id}
        />
        {total === 0 && (
          <p className="table-empty">
            {search
              ? `No customer's name, id or external id contains “${search}”.`
              : 'No customers yet: add the first one.'}
          </p>
        )}
      </section>
      {total !== null && total > CUSTOMERS_PAGE_SIZE && (
        <nav className="pager" aria-label="Pages of customers">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => go({ from: Math.max(0, offset - CUSTOMERS_PAGE_SIZE) })}
          >
            Previous
          </button>
          <span>
            {offset + 1}–{last} of {total}
          </span>
          <button
            type="button"
            className="button"
            disabled={last >= total}
            onClick={() => go({ from: offset + CUSTOMERS_PAGE_SIZE })}
          >
            Next
          </button>
        </nav>
      )}
    </>
  );
}

/** Adding a customer: the form, then their page. */
export function NewCustomerScreen() {
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link> / New
      </p>
      <PageHeader
        title="Add customer"
        subtitle="Checked as the command line and a bundle check it."
      />
      <CustomerForm
        onSaved={(customer) => {
          void useSession.getState().load();
          void navigate(`/customers/${encodeURIComponent(customer.id)}`);
        }}
        onCancel={() => void navigate('/customers')}
      />
    </>
  );
}
