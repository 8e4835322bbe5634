import type { Dec } from '../money';

/** One tier's share of a tiered price: the units that fell in it and what they cost. */
export interface TierShare {
  /** 1-based, as the plan lists the tiers. */
  tier: number;
  quantity: Dec;
  unit_price: Dec;
  flat_fee: Dec;
  amount: Dec;
}

/** The exact (unrounded) price of a charge and how it was reached. */
export interface ChargeAmount {
  amount: Dec;
  /** Set when every priced unit has the same price (per unit, volume, overage). */
  unit_price?: Dec;
  tiers?: TierShare[];
  packages?: Dec;
}
