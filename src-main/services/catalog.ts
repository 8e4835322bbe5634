/**
 * Adding and editing the customers, plans and contracts of the book (docs/billing.md,
 * "Keeping the book"). Each change is checked like a bundle holding it, refused
 * with one sentence when it would break the book, and recorded in the activity log.
 */
import { UserError } from '../domain/errors';
import type { Invoice } from '../domain/invoice';
import type { Contract, Customer, Plan } from '../domain/model';
import type { ReadonlyStoreData, StoreData } from '../store/data';
import type { Store } from '../store/store';
import { recordActivity, type ChangeOrigin } from './activity';
import { checkedEntity, entityName, type EntityOf, type EntitySection } from './entityCheck';

interface SectionRules<S extends EntitySection> {
  key(entity: Readonly<EntityOf<S>>): string;
  keyField: string;
  /** The customer an activity entry about the entity concerns. */
  customer(entity: EntityOf<S>): string | null;
  /** Refuses an edit that the book's history forbids; returns the entities to re-check with it. */
  checkEdit(
    before: EntityOf<S>,
    after: EntityOf<S>,
    data: StoreData,
  ): Partial<Record<EntitySection, unknown[]>>;
}

const RULES: { [S in EntitySection]: SectionRules<S> } = {
  customers: {
    key: (customer: Customer) => customer.id,
    keyField: 'id',
    customer: (customer: Customer) => customer.id,
    checkEdit(before: Customer, after: Customer, data) {
      if (before.currency !== after.currency) {
        const use = customerUse(data, before.id);
        if (use) {
          throw new UserError(
            `Customer '${before.id}' cannot change currency from ${before.currency} to ${after.currency}: ${use}. Create a new customer for the new currency.`,
          );
        }
      }
      return { contracts: data.contracts.filter((contract) => contract.customer === before.id) };
    },
  },
  plans: {
    key: (plan: Plan) => plan.code,
    keyField: 'code',
    customer: () => null,
    checkEdit(before: Plan, after: Plan, data) {
      const contracts = data.contracts.filter((contract) => contract.plan === before.code);
      if (before.currency !== after.currency && contracts.length > 0) {
        throw new UserError(
          `Plan '${before.code}' cannot change currency from ${before.currency} to ${after.currency}: contract '${contracts[0]?.id ?? ''}' uses it. Create a new plan and change the contracts to it.`,
        );
      }
      const invoiced = invoiceOfPlan(data, contracts);
      const locked = PLAN_FIELDS_FIXED_BY_INVOICES.find(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      );
      if (invoiced && locked) {
        throw new UserError(
          `Plan '${before.code}' cannot change its ${locked}: invoice ${invoiced.number ?? invoiced.id} bills by it. Create a new plan and change the contracts to it.`,
        );
      }
      return { contracts };
    },
  },
  contracts: {
    key: (contract: Contract) => contract.id,
    keyField: 'id',
    customer: (contract: Contract) => contract.customer,
    checkEdit: () => ({}),
  },
};

/**
 * Invoice lines name a plan's charges by position and its fees by interval, and late
 * usage of an old period is rated again by them: once a plan has billed, these stay.
 */
const PLAN_FIELDS_FIXED_BY_INVOICES = ['charges', 'interval'] as const;

function invoiceOfPlan(data: StoreData, contracts: readonly Contract[]): Invoice | undefined {
  const ids = new Set(contracts.map((contract) => contract.id));
  return data.invoices.find((invoice) => ids.has(invoice.contract));
}

/** Why a customer's currency is settled, or null when nothing was billed or granted yet. */
function customerUse(data: StoreData, customer: string): string | null {
  const contract = data.contracts.find((candidate) => candidate.customer === customer);
  if (contract) return `contract '${contract.id}' bills in it`;
  const invoice = data.invoices.find((candidate) => candidate.customer === customer);
  if (invoice) return `invoice ${invoice.number ?? invoice.id} is in it`;
  const credit = data.credits.find((candidate) => candidate.customer === customer);
  if (credit) return `credit '${credit.id}' is in it`;
  return null;
}

function collection<S extends EntitySection>(data: StoreData, section: S): EntityOf<S>[] {
  return data[section];
}

/** The entity of `section` with key `key`, or a UserError saying there is none. */
export function findEntity<S extends EntitySection>(
  data: StoreData,
  section: S,
  key: string,
): EntityOf<S>;
export function findEntity<S extends EntitySection>(
  data: ReadonlyStoreData,
  section: S,
  key: string,
): Readonly<EntityOf<S>>;
export function findEntity<S extends EntitySection>(
  data: ReadonlyStoreData,
  section: S,
  key: string,
): Readonly<EntityOf<S>> {
  const rules = RULES[section] as SectionRules<S>;
  const entities = data[section] as readonly Readonly<EntityOf<S>>[];
  const entity = entities.find((candidate) => rules.key(candidate) === key);
  if (!entity) throw new UserError(`There is no ${entityName(section, key)}.`);
  return entity;
}

/** Adds a new entity; its id (a plan's code) must not be taken. */
export function addEntity<S extends EntitySection>(
  store: Store,
  section: S,
  input: unknown,
  origin: ChangeOrigin = {},
): Promise<EntityOf<S>> {
  const rules = RULES[section] as SectionRules<S>;
  return store.update((data, access) => {
    const entity = checkedEntity(section, input, data);
    const key = rules.key(entity);
    if (collection(data, section).some((existing) => rules.key(existing) === key)) {
      throw new UserError(
        `There is already a ${entityName(section, key)}; edit it, or choose another ${rules.keyField}.`,
      );
    }
    collection(data, section).push(entity);
    recordActivity(access, origin, {
      action: `${singular(section)}.add`,
      customer: rules.customer(entity),
      subject: key,
      summary: `Added ${entityName(section, key)}.`,
    });
    return entity;
  });
}

/**
 * Changes the fields `changes` names of the entity `key` (a field set to null is
 * cleared to null); the id cannot change. Returns the entity as it is now.
 */
export function editEntity<S extends EntitySection>(
  store: Store,
  section: S,
  key: string,
  changes: Record<string, unknown>,
  origin: ChangeOrigin = {},
): Promise<EntityOf<S>> {
  const rules = RULES[section] as SectionRules<S>;
  return store.update((data, access) => {
    const before = findEntity(data, section, key);
    const changedKey = changes[rules.keyField];
    if (changedKey !== undefined && changedKey !== key) {
      throw new UserError(
        `The ${rules.keyField} of ${entityName(section, key)} cannot change; add a new one instead.`,
      );
    }
    const others = collection(data, section).filter((existing) => existing !== before);
    const withoutIt = { ...data, [section]: others };
    const candidate = checkedEntity(section, { ...before, ...changes }, withoutIt);
    const after = checkedEntity(
      section,
      candidate,
      withoutIt,
      rules.checkEdit(before, candidate, data),
    );
    const list = collection(data, section);
    list[list.indexOf(before)] = after;
    const fields = Object.keys(changes).filter(
      (field) =>
        JSON.stringify(before[field as keyof typeof before]) !==
        JSON.stringify(after[field as keyof typeof after]),
    );
    recordActivity(access, origin, {
      action: `${singular(section)}.edit`,
      customer: rules.customer(after),
      subject: key,
      summary: `Edited ${entityName(section, key)}: ${fields.length > 0 ? fields.join(', ') : 'no field changed'}.`,
    });
    return after;
  });
}

function singular(section: EntitySection): string {
  return section.slice(0, -1);
}
