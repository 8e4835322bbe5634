import { Dec } from '../money';
import type { ChargeAmount } from './types';

export function perUnitAmount(quantity: Dec, unitPrice: string): ChargeAmount {
  const price = new Dec(unitPrice);
  return { amount: quantity.times(price), unit_price: price };
}
