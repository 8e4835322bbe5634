import type { Dec } from '../money';
import type { ChargeAmount } from './types';

/** `rate`% of the transactions' amounts plus a fee per transaction (event). */
export function percentageAmount(
  transactionAmount: Dec,
  events: Dec,
  rate: string,
  perEventFee: string,
): ChargeAmount {
  return {
    amount: transactionAmount.times(rate).div(100).plus(events.times(perEventFee)),
  };
}
