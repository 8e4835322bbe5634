import type { Tier } from '../model';
import type { Dec } from '../money';
import { tierShare } from './tiers';
import type { ChargeAmount } from './types';

/** Every unit at the price of the one tier the whole quantity falls in, plus its flat fee. */
export function volumeAmount(quantity: Dec, tiers: readonly Tier[]): ChargeAmount {
  const index = tiers.findIndex((tier) => tier.up_to === null || quantity.lte(tier.up_to));
  // A plan's last tier is open-ended; with a bounded last tier, a larger quantity stays in it.
  const position = index < 0 ? tiers.length - 1 : index;
  const share = tierShare(tiers[position] as Tier, position, quantity);
  return { amount: share.amount, unit_price: share.unit_price, tiers: [share] };
}
