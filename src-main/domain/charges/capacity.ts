import type { Charge } from '../model';
import type { Dec } from '../money';
import { perUnitAmount } from './per-unit';
import type { ChargeAmount } from './types';

type CapacityCharge = Extract<Charge, { model: 'capacity' }>;

/** The reservation's recurring fee for a whole fee period, before proration. */
export function reservationAmount(reserved: Dec, charge: CapacityCharge): ChargeAmount {
  return perUnitAmount(reserved, charge.reserved_unit_price);
}

/** The priced part of the peak above the reservation, at the overage price. */
export function capacityOverageAmount(excess: Dec, charge: CapacityCharge): ChargeAmount {
  return perUnitAmount(excess, charge.overage_unit_price);
}
