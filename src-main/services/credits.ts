/** Granting credits (billing.md §6) by hand: promotional, goodwill, prepaid money… */
import { firstFreeId } from '../domain/collections';
import { UserError } from '../domain/errors';
import { isCurrencyCode } from '../domain/currency';
import { isValidDate } from '../domain/dates';
import { CREDIT_KINDS, type Credit, type CreditKind } from '../domain/model';
import { formatMoney } from '../domain/money';
import type { Store } from '../store/store';
import { Book } from './book';
import { parseAmount } from './amount';
import { resolveRunDate } from './runDate';

export interface GrantCreditInput {
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
  return store.update((data) => {
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
    return credit;
  });
}
