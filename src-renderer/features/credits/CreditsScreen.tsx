import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { CREDIT_KINDS, type CreditKind } from '../../../src-main/domain/model';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { MoneyInput } from '../../ui/MoneyInput';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
import { UptimeCard } from '../contracts/UptimeCard';
import { CREDIT_KIND_LABELS, CreditBalances } from './CreditBalances';
import { useCredits } from './store';

const KIND_HINTS: Record<CreditKind, string> = {
  sla: 'A service credit; uptime below the SLA grants these by itself.',
  promotional: 'Reduces the price of usage and fees, before tax.',
  goodwill: 'Reduces the price, before tax: an apology, a concession.',
  prepaid: 'Money received in advance: pays invoices after tax.',
  overpayment: 'Money paid beyond an invoice: pays invoices after tax.',
};

function GrantForm({
  customer,
  onCustomer,
}: {
  customer: string;
  onCustomer: (id: string) => void;
}) {
  const overview = useSession((session) => session.overview);
  const locale = useSession((session) => session.locale);
  const { grant, busy, granted, grantError } = useCredits();
  const customers = overview?.customers ?? [];
  const chosen = customers.find((candidate) => candidate.id === customer) ?? customers[0];
  const [kind, setKind] = useState<CreditKind>('goodwill');
  const [amount, setAmount] = useState<string | null>(null);
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const [formKey, setFormKey] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || amount === null) return;
    void grant(
      { customer: chosen.id, kind, amount, expires_on: expires || null, note },
      chosen.name,
    ).then((done) => {
      if (!done) return;
      setAmount(null);
      setNote('');
      setExpires('');
      setFormKey((key) => key + 1);
    });
  };

  return (
    <Section title="Grant a credit">
      <form onSubmit={submit} key={formKey}>
        <div className="form-grid">
          <TextField label="Customer" value={chosen?.id ?? ''} onChange={onCustomer}>
            {customers.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.currency})
              </option>
            ))}
          </TextField>
          <TextField
            label="Kind"
            value={kind}
            onChange={(value) => setKind(value as CreditKind)}
            hint={KIND_HINTS[kind]}
          >
            {CREDIT_KINDS.map((option) => (
              <option key={option} value={option}>
                {CREDIT_KIND_LABELS[option]}
              </option>
            ))}
          </TextField>
          {chosen && (
            <MoneyInput
              key={chosen.currency}
              label="Amount"
              currency={chosen.currency}
              locale={locale}
              onChange={setAmount}
            />
          )}
          <TextField
            label="Expires on"
            type="date"
            value={expires}
            onChange={setExpires}
            hint="Optional: the first day it can no longer be used."
          />
          <TextField
            label="Note"
            value={note}
            onChange={setNote}
            className="field field--wide"
            hint="Kept with the credit: why it was granted."
          />
        </div>
        <ErrorNote message={grantError} />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || amount === null}
          >
            Grant credit
          </button>
        </div>
      </form>
      {granted && (
        <p className="notice notice--success" role="status">
          {granted}
        </p>
      )}
    </Section>
  );
}

/** Granting credits, what is left of every grant by customer, and SLA credits from uptime. */
export function CreditsScreen() {
  const [params, setParams] = useSearchParams();
  const customer = params.get('customer') ?? '';
  const overview = useSession((session) => session.overview);
  const { balances, error, show } = useCredits();

  useEffect(() => void show(customer || null), [show, customer]);
  const choose = (id: string) => setParams(id ? { customer: id } : {}, { replace: true });
  const contracts = (overview?.contracts ?? [])
    .filter(
      (contract) =>
        (customer === '' || contract.customer === customer) &&
        (contract.end_date === null || contract.end_date > (overview?.today ?? '')),
    )
    .map((contract) => contract.id);

  return (
    <>
      <PageHeader
        title="Credits"
        subtitle="Credits reduce the next invoices: price credits before tax, prepaid money after it."
      />
      <div className="customer-layout">
        <div className="stack">
          <GrantForm customer={customer} onCustomer={choose} />
          <Section
            title="Balances"
            actions={
              <TextField
                label="Show"
                value={customer}
                onChange={choose}
                className="field field--inline"
              >
                <option value="">All customers</option>
                {(overview?.customers ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </TextField>
            }
          >
            <ErrorNote message={error} />
            {balances !== null && balances.length === 0 && (
              <p className="muted">No credit granted{customer ? ' to this customer' : ''} yet.</p>
            )}
            {balances !== null && balances.length > 0 && (
              <CreditBalances groups={balances} showCustomer={customer === ''} />
            )}
          </Section>
        </div>
        <div className="stack">
          {contracts.length > 0 && (
            <UptimeCard
              key={customer}
              contracts={contracts}
              period={(overview?.today ?? '').slice(0, 7)}
            />
          )}
        </div>
      </div>
    </>
  );
}
