import type { Tier } from '../model';
import { Dec } from '../money';
import type { TierShare } from './types';

/** `quantity` units at the tier's unit price plus the tier's flat fee. */
export function tierShare(tier: Tier, index: number, quantity: Dec): TierShare {
  const unitPrice = new Dec(tier.unit_price);
  const flatFee = new Dec(tier.flat_fee);
  return {
    tier: index + 1,
    quantity,
    unit_price: unitPrice,
    flat_fee: flatFee,
    amount: quantity.times(unitPrice).plus(flatFee),
  };
}
