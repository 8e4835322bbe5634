import type { Tier } from '../model';
import { Dec, sum, ZERO } from '../money';
import { tierShare } from './tiers';
import type { ChargeAmount, TierShare } from './types';

/**
 * Each unit at the price of the tier it falls in; the flat fee of every tier that some
 * part of a unit reaches. The first tier is always reached, so its flat fee is the
 * charge's floor even at zero units. Bounds are inclusive cumulative upper bounds.
 */
export function graduatedAmount(quantity: Dec, tiers: readonly Tier[]): ChargeAmount {
  const shares: TierShare[] = [];
  let lower = ZERO;
  for (const [index, tier] of tiers.entries()) {
    if (index > 0 && quantity.lte(lower)) break;
    const upper = tier.up_to === null ? quantity : Dec.min(quantity, tier.up_to);
    shares.push(tierShare(tier, index, Dec.max(ZERO, upper.minus(lower))));
    if (tier.up_to === null) break;
    lower = new Dec(tier.up_to);
  }
  return { amount: sum(shares.map((share) => share.amount)), tiers: shares };
}
