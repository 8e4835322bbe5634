/**
 * Ending a contract and changing its plan (billing.md §2: a plan change ends one
 * contract and starts the next on the same day, each prorated). Both are refused when
 * a finalized invoice already bills the contract past the day it would end: void or
 * credit that invoice first, as Stripe does not rewrite a sent invoice either.
 */
import { firstFreeId } from '../domain/collections';
import { isValidDate, lastDayOfPeriod } from '../domain/dates';
import { UserError } from '../domain/errors';
import type { Contract } from '../domain/model';
import type { StoreData } from '../store/data';
import type { Store } from '../store/store';
import { recordActivity, type ChangeOrigin } from './activity';
import { findEntity } from './catalog';
import { checkedEntity } from './entityCheck';

export interface EndContractInput extends ChangeOrigin {
  contract: string;
  /** The first day the contract no longer covers (end dates are exclusive). */
  on: string;
}

export interface ChangePlanInput extends EndContractInput {
  plan: string;
  /** The new contract's id (default: the old one's with `-2`, `-3`… appended). */
  newId?: string;
}

export interface PlanChange {
  ended: Contract;
  started: Contract;
}

export function endContract(store: Store, input: EndContractInput): Promise<Contract> {
  return store.update((data, access) => {
    const contract = endContractIn(data, input.contract, input.on);
    recordActivity(access, input, {
      action: 'contract.end',
      customer: contract.customer,
      subject: contract.id,
      summary: `Ended contract '${contract.id}' on ${input.on}.`,
    });
    return contract;
  });
}

export function changePlan(store: Store, input: ChangePlanInput): Promise<PlanChange> {
  return store.update((data, access) => {
    const previousPlan = findEntity(data, 'contracts', input.contract).plan;
    const change = changePlanIn(data, input);
    recordActivity(access, input, {
      action: 'contract.change-plan',
      customer: change.ended.customer,
      subject: change.started.id,
      summary: `Changed contract '${change.ended.id}' from plan '${previousPlan}' to '${input.plan}' on ${input.on}: contract '${change.started.id}' follows it.`,
    });
    return change;
  });
}

/**
 * Makes the plan change in `data`, without recording it: the change itself, and the
 * in-memory preview of its effect on the next invoice (contractPreview.ts).
 */
export function changePlanIn(data: StoreData, input: ChangePlanInput): PlanChange {
  const current = findEntity(data, 'contracts', input.contract);
  if (current.plan === input.plan) {
    throw new UserError(`Contract '${current.id}' is already on plan '${input.plan}'.`);
  }
  const endDate = current.end_date;
  const ended = endContractIn(data, input.contract, input.on);
  const taken = new Set(data.contracts.map((contract) => contract.id));
  const newId = input.newId ?? firstFreeId(taken, (n) => `${current.id}-${n}`, 2);
  if (taken.has(newId)) {
    throw new UserError(`There is already a contract '${newId}'; choose another id.`);
  }
  const started = checkedEntity(
    'contracts',
    { ...ended, id: newId, plan: input.plan, start_date: input.on, end_date: endDate },
    data,
  );
  data.contracts.push(started);
  return { ended, started };
}

/**
 * Sets the end date of a contract of `data`, after the checks both changes share,
 * without recording it (the preview makes it on a copy of the book).
 */
export function endContractIn(data: StoreData, id: string, on: string): Contract {
  if (!isValidDate(on)) throw new UserError(`The date '${on}' is not a valid date YYYY-MM-DD.`);
  const contract = findEntity(data, 'contracts', id);
  if (on <= contract.start_date) {
    throw new UserError(
      `Contract '${id}' starts on ${contract.start_date}, so it can end only after that day, not on ${on}.`,
    );
  }
  if (contract.end_date !== null && contract.end_date <= on) {
    throw new UserError(`Contract '${id}' already ends on ${contract.end_date}.`);
  }
  const billed = data.invoices.find(
    (invoice) =>
      invoice.contract === id &&
      invoice.number !== null &&
      invoice.status !== 'void' &&
      lastDayOfPeriod(invoice.period) >= on,
  );
  if (billed) {
    throw new UserError(
      `Contract '${id}' cannot end on ${on}: finalized invoice ${billed.number ?? billed.id} bills it for ${billed.period}; void it or issue a credit note first.`,
    );
  }
  contract.end_date = on;
  return contract;
}
