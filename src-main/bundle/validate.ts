/**
 * The checks of a bundle that span fields and sections: unique ids, references that
 * must resolve (in the bundle or in the store it is loaded into), tier order, money
 * precision, currencies, and the plan rules of billing.md §4. Pure: it returns every
 * problem found, each with the JSON path it is about.
 */
import type { Contract, Plan } from '../domain/model';
import { checkMoney, checkPlan } from '../domain/plan-rules';
import type { ReadonlyStoreData } from '../store/data';
import { jsonPath } from '../domain/json-path';
import type { Bundle } from './schema';

export interface BundleProblem {
  path: string;
  message: string;
}

type Path = (string | number)[];

class Problems {
  readonly list: BundleProblem[] = [];
  add(path: Path, message: string): void {
    this.list.push({ path: jsonPath(path), message });
  }
}

/** Merges the bundle's entities over the store's by id, as `load` will. */
function byId<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string) {
  const map = new Map(existing.map((item) => [key(item), item]));
  for (const item of incoming) map.set(key(item), item);
  return map;
}

export function checkBundle(bundle: Bundle, store: ReadonlyStoreData): BundleProblem[] {
  const problems = new Problems();
  checkUniqueIds(bundle, problems);

  const meters = byId(store.meters, bundle.meters, (m) => m.code);
  const plans = byId(store.plans, bundle.plans, (p) => p.code);
  const customers = byId(store.customers, bundle.customers, (c) => c.id);
  const contracts = byId(store.contracts, bundle.contracts, (c) => c.id);

  bundle.plans.forEach((plan, index) => checkPlan(plan, ['plans', index], meters, problems));
  checkExternalIds(bundle, store, problems);
  bundle.contracts.forEach((contract, index) =>
    checkContract(contract, ['contracts', index], plans, customers, problems),
  );

  bundle.credits.forEach((credit, index) => {
    const path: Path = ['credits', index];
    if (!customers.has(credit.customer)) {
      problems.add([...path, 'customer'], `unknown customer '${credit.customer}'`);
    }
    checkMoney(credit.amount, credit.currency, [...path, 'amount'], problems);
    if (credit.expires_on !== null && credit.expires_on <= credit.granted_on) {
      problems.add([...path, 'expires_on'], 'must be after granted_on');
    }
  });

  bundle.uptime.forEach((uptime, index) => {
    if (!contracts.has(uptime.contract)) {
      problems.add(['uptime', index, 'contract'], `unknown contract '${uptime.contract}'`);
    }
  });

  checkInvoicesAndPayments(bundle, store, problems);
  return problems.list;
}

function checkUniqueIds(bundle: Bundle, problems: Problems): void {
  const sections: [section: string, field: string, ids: string[]][] = [
    ['meters', 'code', bundle.meters.map((m) => m.code)],
    ['plans', 'code', bundle.plans.map((p) => p.code)],
    ['customers', 'id', bundle.customers.map((c) => c.id)],
    ['contracts', 'id', bundle.contracts.map((c) => c.id)],
    ['credits', 'id', bundle.credits.map((c) => c.id)],
    ['payments', 'id', bundle.payments.map((p) => p.id)],
    ['invoices', 'id', bundle.invoices.map((i) => i.id)],
    ['credit_notes', 'id', bundle.credit_notes.map((n) => n.id)],
    ['uptime', 'period', bundle.uptime.map((u) => `${u.contract} ${u.period}`)],
  ];
  for (const [section, field, ids] of sections) {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id))
        problems.add([section, index, field], `repeats ${field} '${id}' of an earlier entry`);
      seen.add(id);
    });
  }
}

function checkExternalIds(bundle: Bundle, store: ReadonlyStoreData, problems: Problems): void {
  const incoming = new Set(bundle.customers.map((c) => c.id));
  const owner = new Map<string, string>();
  for (const customer of store.customers) {
    if (incoming.has(customer.id)) continue;
    for (const externalId of customer.external_ids) owner.set(externalId, customer.id);
  }
  bundle.customers.forEach((customer, index) => {
    customer.external_ids.forEach((externalId, idIndex) => {
      const other = owner.get(externalId);
      if (other !== undefined && other !== customer.id) {
        problems.add(
          ['customers', index, 'external_ids', idIndex],
          `'${externalId}' already belongs to customer '${other}'`,
        );
      }
      owner.set(externalId, customer.id);
    });
  });
}

function checkContract(
  contract: Contract,
  path: Path,
  plans: Map<string, Plan>,
  customers: Map<string, { currency: string }>,
  problems: Problems,
): void {
  const plan = plans.get(contract.plan);
  const customer = customers.get(contract.customer);
  if (!plan) problems.add([...path, 'plan'], `unknown plan '${contract.plan}'`);
  if (!customer) problems.add([...path, 'customer'], `unknown customer '${contract.customer}'`);
  if (plan && customer && plan.currency !== customer.currency) {
    problems.add(
      [...path, 'plan'],
      `plan '${plan.code}' is in ${plan.currency} but customer '${contract.customer}' pays in ${customer.currency}`,
    );
  }
  if (contract.end_date !== null && contract.end_date <= contract.start_date) {
    problems.add([...path, 'end_date'], 'must be after start_date');
  }
  if (contract.channel !== 'direct' && contract.marketplace_account === null) {
    problems.add(
      [...path, 'marketplace_account'],
      `is required for a ${contract.channel} contract`,
    );
  }
  if (contract.channel === 'direct' && contract.payment_method === 'marketplace') {
    problems.add([...path, 'payment_method'], 'marketplace payment needs a marketplace channel');
  }
  if (plan) {
    const capacityMeters = new Set(
      plan.charges.filter((c) => c.model === 'capacity').map((c) => c.meter),
    );
    for (const meter of Object.keys(contract.reserved)) {
      if (!capacityMeters.has(meter)) {
        problems.add(
          [...path, 'reserved', meter],
          `plan '${plan.code}' has no capacity charge on '${meter}'`,
        );
      }
    }
    if (contract.usage_threshold !== null) {
      checkMoney(contract.usage_threshold, plan.currency, [...path, 'usage_threshold'], problems);
    }
  }
}

function checkInvoicesAndPayments(
  bundle: Bundle,
  store: ReadonlyStoreData,
  problems: Problems,
): void {
  const restoring = bundle.invoices.length > 0 || bundle.credit_notes.length > 0;
  if (restoring && !isEmptyBook(store)) {
    problems.add(
      ['invoices'],
      'can be loaded only into an empty store (a restore); this store already has data',
    );
  }
  // A payment names a finalized invoice by number, a marketplace statement by id.
  const payable = (invoice: Bundle['invoices'][number]) =>
    invoice.number ?? (invoice.status === 'marketplace' ? invoice.id : null);
  const invoiceNumbers = new Set(
    [...store.invoices, ...bundle.invoices].flatMap((invoice) => payable(invoice) ?? []),
  );
  const currencyOf = new Map(
    [...store.invoices, ...bundle.invoices].map((invoice) => [payable(invoice), invoice.currency]),
  );
  const existingPayments = new Set(store.payments.map((p) => p.id));
  bundle.payments.forEach((payment, index) => {
    const path: Path = ['payments', index];
    if (existingPayments.has(payment.id)) {
      problems.add([...path, 'id'], `payment '${payment.id}' is already recorded`);
    }
    if (!invoiceNumbers.has(payment.invoice)) {
      problems.add([...path, 'invoice'], `no finalized invoice is numbered '${payment.invoice}'`);
      return;
    }
    checkMoney(
      payment.amount,
      currencyOf.get(payment.invoice) ?? 'USD',
      [...path, 'amount'],
      problems,
    );
  });
  bundle.credit_notes.forEach((note, index) => {
    if (!invoiceNumbers.has(note.invoice)) {
      problems.add(
        ['credit_notes', index, 'invoice'],
        `no finalized invoice is numbered '${note.invoice}'`,
      );
    }
  });
}

export function isEmptyBook(store: ReadonlyStoreData): boolean {
  return (
    store.meters.length === 0 &&
    store.plans.length === 0 &&
    store.customers.length === 0 &&
    store.contracts.length === 0 &&
    store.invoices.length === 0 &&
    store.usage_batches.length === 0
  );
}
