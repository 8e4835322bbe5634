/**
 * The dashboard's figures for a period, per currency (amounts in different currencies
 * never add up): billed, collected, outstanding and overdue on the period's finalized
 * invoices, and revenue by billing model. Revenue is net of discounts, before credits
 * and tax, as Stripe's revenue reports count it.
 */
import { groupBy } from '../domain/collections';
import { billingModelOf, type BillingModel } from '../domain/billing-model';
import { Dec, formatMoney, ZERO } from '../domain/money';
import type { Store } from '../store/store';
import { invoicePresenter } from './present';
import { resolveRunDate } from './runDate';

type Amounts = { currency: string; amount: string }[];

function totalsByCurrency(entries: { currency: string; amount: string }[]): Amounts {
  const totals = new Map<string, Dec>();
  for (const { currency, amount } of entries) {
    totals.set(currency, (totals.get(currency) ?? ZERO).plus(amount));
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount: formatMoney(amount, currency) }));
}

export function dashboard(store: Store, period: string) {
  const data = store.read();
  const asOf = resolveRunDate(data.settings);
  const present = invoicePresenter(data, asOf);
  const ofPeriod = data.invoices.filter((invoice) => invoice.period === period).map(present);
  const finalized = ofPeriod.filter(
    (invoice) => !['draft', 'void', 'marketplace'].includes(invoice.status),
  );
  const amounts = (pick: (invoice: (typeof finalized)[number]) => string, list = finalized) =>
    totalsByCurrency(
      list.map((invoice) => ({ currency: invoice.currency, amount: pick(invoice) })),
    );

  const plans = new Map(data.plans.map((plan) => [plan.code, plan]));
  const contracts = new Map(data.contracts.map((contract) => [contract.id, contract]));
  const modelOf = (contractId: string): BillingModel | null => {
    const plan = plans.get(contracts.get(contractId)?.plan ?? '');
    return plan ? billingModelOf(plan) : null;
  };
  const byModel = groupBy(finalized, (invoice) => modelOf(invoice.contract) ?? 'unknown');
  const revenue = [...byModel].flatMap(([model, invoices]) =>
    model === 'unknown'
      ? []
      : amounts(
          (invoice) => new Dec(invoice.subtotal).minus(invoice.discount).toString(),
          invoices,
        ).map((entry) => ({ ...entry, model: model as BillingModel })),
  );
  const overdue = finalized.filter((invoice) => invoice.status === 'overdue');

  return {
    period,
    as_of: asOf,
    billed: amounts((invoice) => invoice.total),
    collected: amounts((invoice) => invoice.amount_paid),
    outstanding: amounts((invoice) => invoice.balance_due),
    overdue: amounts((invoice) => invoice.balance_due, overdue),
    revenue_by_model: revenue.sort(
      (a, b) => a.currency.localeCompare(b.currency) || a.model.localeCompare(b.model),
    ),
    attention: {
      drafts: ofPeriod.filter((invoice) => invoice.status === 'draft').length,
      overdue_invoices: data.invoices.map(present).filter((invoice) => invoice.status === 'overdue')
        .length,
    },
  };
}
