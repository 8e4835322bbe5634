import { describe, expect, it } from 'vitest';
import { slaCreditFor } from '../../src-main/domain/sla';
import { contract, plan, termsOf } from '../support/builders';

const SLA = [
  { below: '99.9', credit_percent: '10' },
  { below: '99.0', credit_percent: '25' },
];
const monthly = plan({
  code: 'm',
  name: 'Monthly',
  currency: 'USD',
  interval: 'month',
  base_fee: '499.00',
  sla: SLA,
  charges: [
    {
      meter: 'nodes',
      model: 'capacity',
      reserved_unit_price: '100.00',
      overage_unit_price: '150.00',
    },
  ],
});
const yearly = plan({ ...monthly, code: 'y', interval: 'year', base_fee: '12000.00' });
const direct = contract({
  id: 'c1',
  customer: 'acme',
  plan: 'm',
  start_date: '2026-10-15',
  payment_method: 'ach',
  reserved: { nodes: '2' },
});
const uptime = (uptime_percent: string, period = '2026-10') => ({
  contract: 'c1',
  period,
  uptime_percent,
});

describe('SLA credits', () => {
  it('take the largest matching percent of the prorated recurring lines, granted next period', () => {
    // Base 273.65 + reservation 200 × 17/31 = 109.68 → 383.33; 25% → 95.8325 → 95.83.
    const credit = slaCreditFor(termsOf(direct, monthly), uptime('98.5'));
    expect(credit).toMatchObject({
      id: 'sla-c1-2026-10',
      kind: 'sla',
      amount: '95.83',
      currency: 'USD',
      granted_on: '2026-11-01',
      customer: 'acme',
    });
    expect(slaCreditFor(termsOf(direct, monthly), uptime('99.5'))?.amount).toBe('38.33');
  });

  it('earn nothing when the uptime met the SLA', () => {
    expect(slaCreditFor(termsOf(direct, monthly), uptime('99.95'))).toBeNull();
  });

  it('earn nothing for a period the contract was not active in, nor on a marketplace', () => {
    expect(slaCreditFor(termsOf(direct, monthly), uptime('90', '2026-09'))).toBeNull();
    const marketplace = {
      ...direct,
      channel: 'aws_marketplace' as const,
      marketplace_account: 'a',
    };
    expect(slaCreditFor(termsOf(marketplace, monthly), uptime('90'))).toBeNull();
  });

  it('take a yearly plan’s unprorated year × percent / 1200 × the month’s active share', () => {
    // (12000 + 2 × 100) × 10 / 1200 = 101.666…; × 17/31 = 55.752… → 55.75.
    const credit = slaCreditFor(termsOf({ ...direct, plan: 'y' }, yearly), uptime('99.5'));
    expect(credit?.amount).toBe('55.75');
    const fullMonth = slaCreditFor(
      termsOf({ ...direct, plan: 'y' }, yearly),
      uptime('99.5', '2027-03'),
    );
    expect(fullMonth?.amount).toBe('101.67');
  });
});
