/** Granting credits (billing.md §6) by hand: promotional, goodwill, prepaid money… */
import { compareText, firstFreeId, groupBy } from '../domain/collections';
import { CreditLedger, isUnexpiredOn } from '../domain/credits';
import { UserError } from '../domain/errors';
import { isCurrencyCode } from '../domain/currency';
import { addMonths, isValidDate, periodOfDate } from '../domain/dates';
import { CREDIT_KINDS, type Credit, type CreditKind } from '../domain/model';
import { formatMoney, ZERO } from '../domain/money';
import type { Store } from '../store/store';
import { Book } from './book';
import { parseAmount } from './amount';
import { resolveRunDate } from './runDate';
import { recordActivity, type ChangeOrigin } from './activity';

export interface GrantCreditInput extends ChangeOrigin {
  customer: string;
  kind: string;
  amount: string;
  /** The customer's currency when absent. */
  currency?: string;
  /** The run date when absent. */
  granted_on?: string;
  /** Exclusive: the credit is no longer usable on that day. */
  expires_on?: string | null;
  note?: string;
  asOf?: string;
}

/** Where a credit will first be used, so the desk can tell the customer. */
export interface CreditReach {
  /** The first period whose invoice can still take the credit. */
  period: string;
  /** That period's draft, when one is computed already: the next bill run applies the credit to it. */
  draft: string | null;
}

/**
 * The first invoice a credit can reach: the customer's invoices in its currency, from
 * the month it is granted on (billing.md §6: a credit applies to periods ending on or
 * after its grant), skipping periods already finalized.
 */
export function creditReach(store: Pick<Store, 'period'>, credit: Credit): CreditReach {
  // One period's document at a time, from the grant's month on: a book with years of
  // history reads the few months a credit can reach, not every invoice.
  const reachable = (period: string) =>
    store
      .period(period)
      .invoices.filter(
        (invoice) =>
          invoice.customer === credit.customer &&
          invoice.currency === credit.currency &&
          invoice.status !== 'void' &&
          invoice.status !== 'marketplace',
      );
  let period = periodOfDate(credit.granted_on);
  let invoices = reachable(period);
  while (invoices.length > 0 && invoices.every((invoice) => invoice.number !== null)) {
    period = addMonths(period, 1);
    invoices = reachable(period);
  }
  const draft = invoices.find((invoice) => invoice.number === null);
  return { period, draft: draft?.id ?? null };
}

function isCreditKind(kind: string): kind is CreditKind {
  return (CREDIT_KINDS as readonly string[]).includes(kind);
}

export async function grantCredit(store: Store, input: GrantCreditInput): Promise<Credit> {
  const { kind } = input;
  if (!isCreditKind(kind)) {
    throw new UserError(`'${kind}' is not a credit kind; use one of ${CREDIT_KINDS.join(', ')}.`);
  }
  for (const date of [input.granted_on, input.expires_on]) {
    if (typeof date === 'string' && !isValidDate(date)) {
      throw new UserError(`The date '${date}' is not a valid date YYYY-MM-DD.`);
    }
  }
  return store.update((data, access) => {
    const customer = new Book(data).customer(input.customer);
    const currency = input.currency ?? customer.currency;
    if (!isCurrencyCode(currency))
      throw new UserError(`'${currency}' is not an ISO 4217 currency code.`);
    const grantedOn = input.granted_on ?? resolveRunDate(data.settings, input.asOf);
    const expiresOn = input.expires_on ?? null;
    if (expiresOn !== null && expiresOn <= grantedOn) {
      throw new UserError(
        `The credit would expire on ${expiresOn}, before it is granted on ${grantedOn}.`,
      );
    }
    const taken = new Set(data.credits.map((credit) => credit.id));
    const credit: Credit = {
      id: firstFreeId(taken, (n) => `${kind}-${n}`, data.credits.length + 1),
      customer: customer.id,
      kind,
      amount: formatMoney(parseAmount(input.amount, currency), currency),
      currency,
      granted_on: grantedOn,
      expires_on: expiresOn,
      note: input.note ?? '',
    };
    data.credits.push(credit);
    recordActivity(access, input, {
      action: 'credit.grant',
      customer: credit.customer,
      subject: credit.id,
      summary: `Granted ${credit.kind} credit ${credit.id} of ${credit.amount} ${credit.currency}.`,
    });
    return credit;
  });
}

export interface CreditBalance extends Credit {
  /** What is left of the grant after every non-void invoice's use of it. */
  remaining: string;
  /** Whether it can still be used on the date asked about. */
  usable: boolean;
}

export interface CustomerCreditBalance {
  customer: string;
  currency: string;
  /** The sum of the usable grants' remaining amounts. */
  usable: string;
  credits: CreditBalance[];
}

/**
 * Each customer's credits with what is left of them on a date, by customer and
 * currency, optionally of one customer.
 */
export function creditBalances(
  store: Store,
  filter: { customer?: string; asOf?: string } = {},
): CustomerCreditBalance[] {
  const data = store.read();
  if (filter.customer !== undefined) new Book(data).customer(filter.customer);
  const onDate = resolveRunDate(data.settings, filter.asOf);
  const ledger = new CreditLedger(data.credits, data.invoices);
  const groups = groupBy(
    data.credits.filter(
      (credit) => filter.customer === undefined || credit.customer === filter.customer,
    ),
    (credit) => `${credit.customer} ${credit.currency}`,
  );
  return [...groups.values()]
    .map((credits) => {
      const balances = credits.map((credit) => ({
        ...credit,
        remaining: formatMoney(ledger.remainingOf(credit.id), credit.currency),
        usable: isUnexpiredOn(credit, onDate) && ledger.remainingOf(credit.id).gt(0),
      }));
      const [{ customer, currency }] = credits as [Credit, ...Credit[]];
      const usable = balances
        .filter((balance) => balance.usable)
        .reduce((sum, balance) => sum.plus(balance.remaining), ZERO);
      return { customer, currency, usable: formatMoney(usable, currency), credits: balances };
    })
    .sort((a, b) => compareText(a.customer, b.customer) || compareText(a.currency, b.currency));
}

/** One credit by id, with what is left of it. */
export function showCredit(store: Store, id: string, asOf?: string): CreditBalance {
  const balance = creditBalances(store, { asOf })
    .flatMap((group) => group.credits)
    .find((candidate) => candidate.id === id);
  if (!balance) throw new UserError(`There is no credit '${id}'.`);
  return balance;
}
