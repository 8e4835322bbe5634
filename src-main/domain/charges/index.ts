/**
 * Rating one charge for one period: the quota first (included units, or the
 * reservation of a capacity charge), overage billed or blocked, then the charge's
 * price model on what remains (billing.md §4). Amounts stay exact: the invoice line
 * rounds them once.
 */
import type { Charge } from '../model';
import { Dec, ZERO } from '../money';
import { capacityOverageAmount } from './capacity';
import { graduatedAmount } from './graduated';
import { packageAmount } from './package';
import { percentageAmount } from './percentage';
import { perUnitAmount } from './per-unit';
import type { ChargeAmount } from './types';
import { volumeAmount } from './volume';

export interface MeterUsage {
  /** The meter's aggregated quantity for the period (Q). */
  quantity: Dec;
  /** Sum of the events' `properties.amount`, what a percentage charge takes its share of. */
  transaction_amount: Dec;
}

export const NO_USAGE: MeterUsage = { quantity: ZERO, transaction_amount: ZERO };

export interface RatedCharge {
  usage: MeterUsage;
  /** Units the plan grants before overage: `included`, or `reserved` for capacity. */
  quota: Dec;
  /** Q′, the quantity the price model was applied to. */
  priced: Dec;
  /** Units above the quota that a blocked overage left unpriced. */
  blocked: Dec;
  price: ChargeAmount;
}

function quotaOf(charge: Charge, reserved: Dec): Dec {
  if (charge.model === 'capacity') return reserved;
  return charge.included === null ? ZERO : new Dec(charge.included);
}

function priceOf(charge: Charge, priced: Dec, usage: MeterUsage): ChargeAmount {
  switch (charge.model) {
    case 'per_unit':
      return perUnitAmount(priced, charge.unit_price);
    case 'graduated':
      return graduatedAmount(priced, charge.tiers);
    case 'volume':
      return volumeAmount(priced, charge.tiers);
    case 'package':
      return packageAmount(priced, charge.package_size, charge.package_price);
    case 'percentage':
      return percentageAmount(usage.transaction_amount, priced, charge.rate, charge.per_event_fee);
    case 'capacity':
      return capacityOverageAmount(priced, charge);
  }
}

/** `reserved` is the contract's reservation for a capacity charge (0 for other models). */
export function rateCharge(charge: Charge, usage: MeterUsage, reserved: Dec = ZERO): RatedCharge {
  const quota = quotaOf(charge, reserved);
  const excess = Dec.max(ZERO, usage.quantity.minus(quota));
  const blocked = charge.overage === 'block' ? excess : ZERO;
  const priced = excess.minus(blocked);
  return { usage, quota, priced, blocked, price: priceOf(charge, priced, usage) };
}

export type { ChargeAmount, TierShare } from './types';
