import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { Fact, Facts } from '../../ui/Facts';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { StatementAction } from '../statement/StatementAction';
import { Section } from '../../ui/Section';
import { contractState } from '../contracts/contractState';
import { CreditBalances } from '../credits/CreditBalances';
import { INVOICE_COLUMNS, invoicePath } from '../invoices/columns';
import { ContractForm } from './ContractForm';
import { CustomerForm } from './CustomerForm';
import { useCustomerPage, type CustomerPageData } from './store';
import { taxLineLabel } from '../../../src-main/domain/tax-label';

const UsageChart = lazy(() => import('./UsageChart'));

function Contracts({ page, today }: { page: CustomerPageData; today: string }) {
  return (
    <DataTable
      caption="Contracts"
      captionHidden
      empty="No contract yet: start one to bill this customer."
      columns={[
        {
          header: 'Contract',
          className: 'nowrap',
          cell: (contract) => (
            <Link
              to={`/contracts/${encodeURIComponent(contract.id)}`}
              aria-label={`Contract ${contract.id}`}
            >
              {contract.id}
            </Link>
          ),
        },
        { header: 'Plan', cell: (contract) => contract.plan },
        { header: 'Starts', className: 'nowrap', cell: (contract) => contract.start_date },
        {
          header: 'Ends (exclusive)',
          className: 'nowrap',
          cell: (contract) => contract.end_date ?? <span className="muted">open-ended</span>,
        },
        { header: 'Payment', cell: (contract) => contract.payment_method },
        { header: 'State', cell: (contract) => contractState(contract, today) },
      ]}
      rows={page.contracts}
      rowKey={(contract) => contract.id}
    />
  );
}

function Invoices({ page }: { page: CustomerPageData }) {
  if (page.invoices.length === 0) return <p className="muted">No invoice yet.</p>;
  return (
    <DataTable
      scrolls="short"
      caption="Invoices, newest first"
      captionHidden
      columns={[
        {
          header: 'Invoice',
          cell: (invoice) => <Link to={invoicePath(invoice)}>{invoice.number ?? 'Draft'}</Link>,
        },
        INVOICE_COLUMNS.period,
        INVOICE_COLUMNS.status,
        INVOICE_COLUMNS.due,
        INVOICE_COLUMNS.total,
        INVOICE_COLUMNS.balanceDue,
      ]}
      rows={page.invoices}
      rowKey={(invoice) => invoice.id}
    />
  );
}

function Payments({ page }: { page: CustomerPageData }) {
  return (
    <DataTable
      caption="Payments"
      captionHidden
      empty="No payment received yet."
      columns={[
        { header: 'Date', cell: (payment) => payment.date },
        { header: 'Invoice', cell: (payment) => payment.invoice_number },
        { header: 'Method', cell: (payment) => payment.method },
        { header: 'Reference', cell: (payment) => payment.reference },
        {
          header: 'Amount',
          numeric: true,
          cell: (payment) => <Money amount={payment.amount} currency={payment.currency} />,
        },
      ]}
      rows={page.payments}
      rowKey={(payment) => payment.id}
    />
  );
}

function Activity({ page }: { page: CustomerPageData }) {
  const locale = useSession((session) => session.locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (page.activity.length === 0) return <p className="muted">No change recorded yet.</p>;
  return (
    <DataTable
      scrolls="short"
      caption="Activity, newest first"
      captionHidden
      columns={[
        {
          header: 'When',
          className: 'nowrap',
          cell: (entry) => when.format(new Date(entry.at)),
        },
        { header: 'From', cell: (entry) => (entry.door === 'app' ? 'App' : 'Command line') },
        { header: 'What', cell: (entry) => entry.summary },
      ]}
      rows={page.activity}
      rowKey={(entry) => entry.id}
    />
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
            <Facts narrow>
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
                <Fact key={term} term={term}>
                  {value || <span className="muted">none</span>}
                </Fact>
              ))}
            </Facts>
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
