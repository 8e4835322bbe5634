import type { Dec } from '../money';
import type { ChargeAmount } from './types';

/** Whole packages: a started package is paid in full. */
export function packageAmount(
  quantity: Dec,
  packageSize: string,
  packagePrice: string,
): ChargeAmount {
  const packages = quantity.div(packageSize).ceil();
  return { amount: packages.times(packagePrice), packages };
}
