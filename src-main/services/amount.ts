import { UserError } from '../domain/errors';
import { moneyPrecisionIssue } from '../domain/model';
import { Dec } from '../domain/money';

/** A positive money amount with no more decimals than the currency has. */
export function parseAmount(text: string, currency: string): Dec {
  const issue = /^\d+(\.\d+)?$/.test(text)
    ? moneyPrecisionIssue(text, currency)
    : 'is not an amount such as "12.50"';
  const amount = issue === null ? new Dec(text) : null;
  if (amount === null || amount.lte(0)) {
    throw new UserError(`The amount '${text}' ${issue ?? 'must be greater than 0'}.`);
  }
  return amount;
}
