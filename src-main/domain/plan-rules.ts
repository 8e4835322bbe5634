/**
 * The rules of a plan that span its fields (billing.md §4): money within the
 * currency's decimals, tiers in order with an open last tier, what each charge model
 * allows. The bundle loader checks them, and so does the plan editor as the desk types.
 */
import { moneyPrecisionIssue, type Charge, type Meter, type Plan, type Tier } from './model';
import { Dec } from './money';

export type ProblemPath = (string | number)[];

/** Where problems are collected: each with the path of the field it is about. */
export interface Problems {
  add(path: ProblemPath, message: string): void;
}

export function checkPlan(
  plan: Plan,
  path: ProblemPath,
  meters: ReadonlyMap<string, Pick<Meter, 'aggregation'>>,
  problems: Problems,
): void {
  if (plan.base_fee !== null)
    checkMoney(plan.base_fee, plan.currency, [...path, 'base_fee'], problems);
  if (plan.minimum_commitment !== null) {
    checkMoney(plan.minimum_commitment, plan.currency, [...path, 'minimum_commitment'], problems);
    if (plan.interval === 'year') {
      problems.add([...path, 'minimum_commitment'], 'is not allowed on a yearly plan');
    }
  }
  plan.charges.forEach((charge, index) => {
    const chargePath = [...path, 'charges', index];
    const meter = meters.get(charge.meter);
    if (!meter) problems.add([...chargePath, 'meter'], `unknown meter '${charge.meter}'`);
    checkCharge(charge, plan, chargePath, meter?.aggregation, problems);
  });
}

function checkCharge(
  charge: Charge,
  plan: Plan,
  path: ProblemPath,
  aggregation: string | undefined,
  problems: Problems,
): void {
  if (charge.model === 'percentage') {
    if (charge.overage === 'block')
      problems.add([...path, 'overage'], 'block is not allowed on a percentage charge');
    if (charge.included !== null)
      problems.add([...path, 'included'], 'does not apply to a percentage charge');
    if (aggregation !== undefined && aggregation !== 'count') {
      problems.add(
        [...path, 'meter'],
        `must aggregate with count for a percentage charge, not ${aggregation}`,
      );
    }
  }
  if (charge.model === 'capacity' && charge.included !== null) {
    problems.add(
      [...path, 'included'],
      'is not allowed on a capacity charge (its quota is the reservation)',
    );
  }
  if (charge.model === 'graduated' || charge.model === 'volume') {
    checkTiers(charge.tiers, plan.currency, [...path, 'tiers'], problems);
  }
}

function checkTiers(
  tiers: readonly Tier[],
  currency: string,
  path: ProblemPath,
  problems: Problems,
): void {
  let previous: Dec | null = null;
  tiers.forEach((tier, index) => {
    const tierPath = [...path, index];
    checkMoney(tier.flat_fee, currency, [...tierPath, 'flat_fee'], problems);
    const last = index === tiers.length - 1;
    if (tier.up_to === null) {
      if (!last) problems.add([...tierPath, 'up_to'], 'may be null only on the last tier');
      return;
    }
    if (last)
      problems.add([...tierPath, 'up_to'], 'must be null on the last tier (it has no upper bound)');
    const upTo = new Dec(tier.up_to);
    if (previous !== null && upTo.lte(previous)) {
      problems.add(
        [...tierPath, 'up_to'],
        `must be greater than the previous tier's ${previous.toString()}`,
      );
    } else if (upTo.isZero()) {
      problems.add([...tierPath, 'up_to'], 'must be greater than 0');
    }
    previous = upTo;
  });
}

export function checkMoney(
  amount: string,
  currency: string,
  path: ProblemPath,
  problems: Problems,
): void {
  const issue = moneyPrecisionIssue(amount, currency);
  if (issue) problems.add(path, issue);
}
