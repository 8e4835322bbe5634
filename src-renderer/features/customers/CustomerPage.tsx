import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { StatementAction } from '../statement/StatementAction';
import { Section } from '../../ui/Section';
import { StatusBadge } from '../../ui/StatusBadge';
import { contractState } from '../contracts/contractState';
import { CreditBalances } from '../credits/CreditBalances';
import { ContractForm } from './ContractForm';
import { CustomerForm } from './CustomerForm';
import { useCustomerPage, type CustomerPageData } from './store';
import { taxLineLabel } from '../../../src-main/domain/tax-label';

const UsageChart = lazy(() => import('./UsageChart'));

function Contracts({ page, today }: { page: CustomerPageData; today: string }) {
  if (page.contracts.length === 0) {
    return <p className="muted">No contract yet: start one to bill this customer.</p>;
  }
  return (
    <table className="table">
      <caption className="visually-hidden">Contracts</caption>
      <thead>
        <tr>
          <th scope="col">Contract</th>
          <th scope="col">Plan</th>
          <th scope="col">Starts</th>
          <th scope="col">Ends (exclusive)</th>
          <th scope="col">Payment</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {page.contracts.map((contract) => (
          <tr key={contract.id}>
            <td className="nowrap">
              <Link
                to={`/contracts/${encodeURIComponent(contract.id)}`}
                aria-label={`Contract ${contract.id}`}
              >
                {contract.id}
              </Link>
            </td>
            <td>{contract.plan}</td>
            <td className="nowrap">{contract.start_date}</td>
            <td className="nowrap">
              {contract.end_date ?? <span className="muted">open-ended</span>}
            </td>
            <td>{contract.payment_method}</td>
            <td>{contractState(contract, today)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Invoices({ page }: { page: CustomerPageData }) {
  if (page.invoices.length === 0) return <p className="muted">No invoice yet.</p>;
  return (
    // A long history scrolls in place; the keyboard reaches it too.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Invoices, newest first">
      <table className="table">
        <caption className="visually-hidden">Invoices</caption>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Balance due
            </th>
          </tr>
        </thead>
        <tbody>
          {page.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td>
                <Link to={`/invoices/${encodeURIComponent(invoice.number ?? invoice.id)}`}>
                  {invoice.number ?? 'Draft'}
                </Link>
              </td>
              <td>{invoice.period}</td>
              <td>
                <StatusBadge status={invoice.status} />
              </td>
              <td>{invoice.due_date ?? '—'}</td>
              <td className="num">
                <Money amount={invoice.total} currency={invoice.currency} />
              </td>
              <td className="num">
                <Money amount={invoice.balance_due} currency={invoice.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Payments({ page }: { page: CustomerPageData }) {
  if (page.payments.length === 0) return <p className="muted">No payment received yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Payments</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Invoice</th>
          <th scope="col">Method</th>
          <th scope="col">Reference</th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {page.payments.map((payment) => (
          <tr key={payment.id}>
            <td>{payment.date}</td>
            <td>{payment.invoice_number}</td>
            <td>{payment.method}</td>
            <td>{payment.reference}</td>
            <td className="num">
              <Money amount={payment.amount} currency={payment.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Activity({ page }: { page: CustomerPageData }) {
  const locale = useSession((session) => session.locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (page.activity.length === 0) return <p className="muted">No change recorded yet.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Activity, newest first">
      <table className="table">
        <caption className="visually-hidden">Activity, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {page.activity.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{when.format(new Date(entry.at))}</td>
              <td>{entry.door === 'app' ? 'App' : 'Command line'}</td>
              <td>{entry.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A customer: who they are, their contracts and usage, what they owe and paid, what changed. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { page, usage, error, usageError, open, refresh } = useCustomerPage();
  const today = useSession((session) => session.overview?.today ?? '');
  const locale = useSession((session) => session.locale);
  // What is being edited, on whose page: another customer's page opens with nothing open.
  const [opened, setOpened] = useState<{ id: string; what: 'details' | 'contract' } | null>(null);
  const editing = opened?.id === id ? opened.what : null;
  const setEditing = (what: 'details' | 'contract' | null) =>
    setOpened(what === null ? null : { id, what });

  useEffect(() => void open(id), [open, id]);

  if (error) {
    return (
      <>
        <PageHeader title={`Customer ${id}`} />
        <ErrorNote message={error} />
        <p>
          <Link to="/customers">Back to the customers</Link>
        </p>
      </>
    );
  }
  if (!page) return <PageHeader title={`Customer ${id}`} subtitle="Loading…" />;
  const { customer } = page;
  const saved = () => {
    setEditing(null);
    void refresh();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link> / {customer.id}
      </p>
      <PageHeader
        title={customer.name}
        subtitle={
          <>
            <code>{customer.id}</code> · {customer.currency}
            {customer.external_ids.length > 0 &&
              ` · on the platform: ${customer.external_ids.join(', ')}`}
          </>
        }
        actions={
          <button type="button" className="button" onClick={() => setEditing('details')}>
            Edit customer
          </button>
        }
      />
      {editing === 'details' && (
        <CustomerForm customer={customer} onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      <div className="customer-layout">
        <div className="stack">
          <Section
            title="Contracts"
            actions={
              editing !== 'contract' && (
                <button type="button" className="button" onClick={() => setEditing('contract')}>
                  New contract
                </button>
              )
            }
          >
            {editing === 'contract' && (
              <ContractForm
                customer={customer}
                onSaved={(contract) => {
                  saved();
                  void navigate(`/contracts/${encodeURIComponent(contract.id)}`);
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            <Contracts page={page} today={today} />
          </Section>
          <Section title="Usage by meter">
            <ErrorNote message={usageError} />
            {usage === null && !usageError && <p className="muted">Reading usage…</p>}
            {usage !== null && usage.meters.length === 0 && (
              <p className="muted">No plan of this customer charges for usage.</p>
            )}
            {usage !== null && usage.meters.length > 0 && (
              <Suspense fallback={<p className="muted">Drawing…</p>}>
                <UsageChart usage={usage} />
              </Suspense>
            )}
          </Section>
          <Section
            title="Invoices"
            actions={
              <Link to={`/invoices?customer=${encodeURIComponent(customer.id)}`}>
                In the invoices list
              </Link>
            }
          >
            <Invoices page={page} />
          </Section>
          <Section title="Payments">
            <Payments page={page} />
          </Section>
        </div>
        <div className="stack">
          <Section title="Details">
            <dl className="facts facts--narrow">
              {(
                [
                  ['Billing emails', customer.email.join(', ')],
                  ['Address', customer.address.join(', ')],
                  ['Tax id', customer.tax_id],
                  [
                    'Tax',
                    customer.tax_exempt
                      ? `Exempt: ${customer.tax_exempt}`
                      : taxLineLabel(customer.tax_label, customer.tax_rate, locale),
                  ],
                ] as const
              ).map(([term, value]) => (
                <div key={term} className="facts__row">
                  <dt>{term}</dt>
                  <dd>{value || <span className="muted">none</span>}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <section className="card">
            <StatementAction customer={customer.id} />
          </section>
          <Section
            title="Credits and balances"
            actions={<Link to={`/credits?customer=${encodeURIComponent(customer.id)}`}>Grant</Link>}
          >
            {page.credits.length === 0 ? (
              <p className="muted">No credit granted.</p>
            ) : (
              <CreditBalances groups={page.credits} showCustomer={false} />
            )}
          </Section>
          <Section title="Activity">
            <Activity page={page} />
          </Section>
        </div>
      </div>
    </>
  );
}
