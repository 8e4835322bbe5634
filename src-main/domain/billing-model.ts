/**
 * The four billing models (billing.md §1) a plan falls under, from its fees and
 * charges: the dashboard splits revenue by them.
 */
import type { Plan } from './model';

export const BILLING_MODELS = ['subscription', 'usage_based', 'capacity_based', 'hybrid'] as const;
export type BillingModel = (typeof BILLING_MODELS)[number];

export function billingModelOf(plan: Pick<Plan, 'base_fee' | 'charges'>): BillingModel {
  if (plan.charges.some((charge) => charge.model === 'capacity')) return 'capacity_based';
  const hasFee = plan.base_fee !== null && /[1-9]/.test(plan.base_fee);
  if (plan.charges.length === 0) return 'subscription';
  return hasFee ? 'hybrid' : 'usage_based';
}
