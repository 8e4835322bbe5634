/**
 * A plan as the editor holds it: the book's own Plan shape, every decimal a string as
 * typed, so what is saved is what was checked. The checks are the bundle's: the plan
 * schema's sentences, then the rules across fields (tier order, money precision).
 */
import { jsonPath } from '../../../src-main/domain/json-path';
import {
  planSchema,
  type Charge,
  type ChargeModel,
  type Meter,
  type Plan,
  type Tier,
} from '../../../src-main/domain/model';
import { Dec } from '../../../src-main/domain/money';
import { checkPlan } from '../../../src-main/domain/plan-rules';

export const CHARGE_MODELS: { model: ChargeModel; label: string; explains: string }[] = [
  { model: 'per_unit', label: 'Per unit', explains: 'Every unit at one price.' },
  {
    model: 'graduated',
    label: 'Graduated tiers',
    explains: 'Each unit at the price of the tier it falls in.',
  },
  {
    model: 'volume',
    label: 'Volume tiers',
    explains: 'Every unit at the price of the tier the whole quantity reaches.',
  },
  {
    model: 'package',
    label: 'Package',
    explains: 'Whole packages; a started one is paid in full.',
  },
  {
    model: 'percentage',
    label: 'Percentage',
    explains: "A share of the transactions' amounts plus a fee per transaction.",
  },
  {
    model: 'capacity',
    label: 'Capacity',
    explains: 'A reservation billed each period; the peak above it at the overage price.',
  },
];

/** Where a problem is (`charges[0].tiers[1].up_to`) and what it is, one sentence each. */
export type DraftProblems = ReadonlyMap<string, string>;

export function newPlan(currency: string): Plan {
  return {
    code: '',
    name: '',
    currency,
    interval: 'month',
    base_fee: null,
    minimum_commitment: null,
    sla: [],
    charges: [],
  };
}

/** The problems of the draft as the bundle loader would report them; empty when it can be saved. */
export function draftProblems(draft: Plan, meters: readonly Meter[]): DraftProblems {
  const problems = new Map<string, string>();
  // The first sentence about a field is the one shown beside it.
  const add = (path: readonly PropertyKey[], message: string) => {
    if (!problems.has(jsonPath(path))) problems.set(jsonPath(path), message);
  };
  const parsed = planSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path, issue.message);
    return problems;
  }
  const byCode = new Map(meters.map((meter) => [meter.code, meter]));
  checkPlan(parsed.data, [], byCode, { add });
  return problems;
}

const ONE_TIER: Tier[] = [{ up_to: null, unit_price: '0', flat_fee: '0' }];

/** A charge of another model on the same meter, keeping what both models share. */
export function withModel(charge: Charge, model: ChargeModel): Charge {
  const common = {
    meter: charge.meter,
    included: model === 'capacity' || model === 'percentage' ? null : charge.included,
    overage: model === 'percentage' ? ('bill' as const) : charge.overage,
    marketplace_dimension: charge.marketplace_dimension,
  };
  const tiers = 'tiers' in charge ? charge.tiers : ONE_TIER;
  switch (model) {
    case 'per_unit':
      return { ...common, model, unit_price: '0' };
    case 'graduated':
    case 'volume':
      return { ...common, model, tiers };
    case 'package':
      return { ...common, model, package_size: '1000', package_price: '0' };
    case 'percentage':
      return { ...common, model, rate: '0', per_event_fee: '0' };
    case 'capacity':
      return { ...common, model, reserved_unit_price: '0', overage_unit_price: '0' };
  }
}

export function newCharge(meter: string): Charge {
  return withModel(
    {
      meter,
      model: 'per_unit',
      unit_price: '0',
      included: null,
      overage: 'bill',
      marketplace_dimension: null,
    },
    'per_unit',
  );
}

// ---------------------------------------------------------------- the tier table

/** A tier starts where the one before it ends (its units are those above From). */
export function tierFrom(tiers: readonly Tier[], index: number): string {
  return index === 0 ? '0' : (tiers[index - 1]?.up_to ?? '');
}

export function setTierUpTo(tiers: readonly Tier[], index: number, upTo: string): Tier[] {
  return tiers.map((tier, at) => (at === index ? { ...tier, up_to: upTo } : tier));
}

export function setTierPrice(
  tiers: readonly Tier[],
  index: number,
  field: 'unit_price' | 'flat_fee',
  value: string,
): Tier[] {
  return tiers.map((tier, at) => (at === index ? { ...tier, [field]: value } : tier));
}

/**
 * A new tier before the open-ended last one, ten times as wide as the bound before
 * it (up to 1,000 after 0), at the last tier's prices: the desk then sets its own.
 */
export function addTier(tiers: readonly Tier[]): Tier[] {
  const last = tiers.at(-1) ?? ONE_TIER[0]!;
  const from = tierFrom(tiers, tiers.length - 1);
  const start = /^\d+(\.\d+)?$/.test(from) ? new Dec(from) : new Dec(0);
  const upTo = start.isZero() ? '1000' : start.times(10).toFixed();
  return [...tiers.slice(0, -1), { ...last, up_to: upTo }, { ...last, up_to: null }];
}

/** Removes a tier; the tier then last takes the open end (∞). */
export function removeTier(tiers: readonly Tier[], index: number): Tier[] {
  const kept = tiers.filter((_, at) => at !== index);
  return kept.map((tier, at) => (at === kept.length - 1 ? { ...tier, up_to: null } : tier));
}
