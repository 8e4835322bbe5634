import { describe, expect, it } from 'vitest';
import { rateCharge, NO_USAGE, type MeterUsage } from '../../src-main/domain/charges';
import { graduatedAmount } from '../../src-main/domain/charges/graduated';
import { packageAmount } from '../../src-main/domain/charges/package';
import { percentageAmount } from '../../src-main/domain/charges/percentage';
import { perUnitAmount } from '../../src-main/domain/charges/per-unit';
import { volumeAmount } from '../../src-main/domain/charges/volume';
import { chargeSchema, tierSchema, type Charge, type Tier } from '../../src-main/domain/model';
import { Dec, plain } from '../../src-main/domain/money';

const tiers = (rows: [string | null, string, string?][]): Tier[] =>
  rows.map(([upTo, price, flat]) =>
    tierSchema.parse({ up_to: upTo, unit_price: price, flat_fee: flat ?? '0' }),
  );

// Stripe's documented example tiers.
const STRIPE = tiers([
  ['5', '7'],
  ['10', '6.50'],
  [null, '6'],
]);
const WITH_FLAT_FEES = tiers([
  ['5', '5', '10'],
  ['10', '4', '20'],
  ['15', '3', '30'],
  ['20', '2', '40'],
  [null, '1', '50'],
]);

const amount = (result: { amount: Dec }) => plain(result.amount);
const charge = (input: Record<string, unknown>): Charge => chargeSchema.parse(input);
const usage = (quantity: string, transactions = '0'): MeterUsage => ({
  quantity: new Dec(quantity),
  transaction_amount: new Dec(transactions),
});

describe('volume', () => {
  it.each([
    ['1', '7'],
    ['5', '35'],
    ['6', '39'],
    ['20', '120'],
    ['25', '150'],
  ])('%s units cost %s on the Stripe tiers', (quantity, expected) => {
    expect(amount(volumeAmount(new Dec(quantity), STRIPE))).toBe(expected);
  });

  it('prices 12 units at the 11–15 tier plus its flat fee, and 0 units at the first flat fee', () => {
    expect(amount(volumeAmount(new Dec(12), WITH_FLAT_FEES))).toBe('66');
    expect(amount(volumeAmount(new Dec(0), WITH_FLAT_FEES))).toBe('10');
  });

  it('puts a fraction above a bound in the next tier', () => {
    const result = volumeAmount(new Dec('5.5'), STRIPE);
    expect(amount(result)).toBe('35.75');
    expect(result.tiers?.[0]?.tier).toBe(2);
  });
});

describe('graduated', () => {
  it.each([
    ['1', '7'],
    ['5', '35'],
    ['6', '41.5'],
    ['20', '127.5'],
    ['25', '157.5'],
  ])('%s units cost %s on the Stripe tiers', (quantity, expected) => {
    expect(amount(graduatedAmount(new Dec(quantity), STRIPE))).toBe(expected);
  });

  it('adds the flat fee of every tier reached: 12 units cost 111, 0 units 10', () => {
    const twelve = graduatedAmount(new Dec(12), WITH_FLAT_FEES);
    expect(amount(twelve)).toBe('111');
    expect(twelve.tiers?.map((t) => [t.tier, plain(t.quantity), plain(t.amount)])).toEqual([
      [1, '5', '35'],
      [2, '5', '40'],
      [3, '2', '36'],
    ]);
    expect(amount(graduatedAmount(new Dec(0), WITH_FLAT_FEES))).toBe('10');
  });

  it('charges the flat fee of a tier that only a fraction of a unit reaches', () => {
    expect(amount(graduatedAmount(new Dec('5.5'), WITH_FLAT_FEES))).toBe('57');
  });

  it('prices the example plan: 1,250,000 calls over two tiers come to 450', () => {
    const apiTiers = tiers([
      ['1000000', '0.0004'],
      [null, '0.0002'],
    ]);
    expect(amount(graduatedAmount(new Dec(1_250_000), apiTiers))).toBe('450');
  });
});

describe('package, percentage, per unit', () => {
  it('bills every started package in full', () => {
    expect(amount(packageAmount(new Dec(24_001), '10000', '15.00'))).toBe('45');
    expect(amount(packageAmount(new Dec(20_000), '10000', '15.00'))).toBe('30');
    expect(amount(packageAmount(new Dec(0), '10000', '15.00'))).toBe('0');
  });

  it('takes the rate of the transactions plus a fee per event, exactly', () => {
    expect(amount(percentageAmount(new Dec('1234.57'), new Dec(3), '2.9', '0.30'))).toBe(
      '36.70253',
    );
  });

  it('keeps a 12-decimal unit price exact', () => {
    expect(amount(perUnitAmount(new Dec(3), '0.000000000001'))).toBe('0.000000000003');
  });
});

describe('rateCharge: quotas and overage', () => {
  const perUnit = charge({
    meter: 'api_calls',
    model: 'per_unit',
    unit_price: '0.01',
    included: '100',
  });

  it('prices only what is above the included units', () => {
    const rated = rateCharge(perUnit, usage('250'));
    expect(plain(rated.priced)).toBe('150');
    expect(amount(rated.price)).toBe('1.5');
    expect(rated.blocked.isZero()).toBe(true);
  });

  it('prices nothing above a blocked quota and reports the excess', () => {
    const rated = rateCharge({ ...perUnit, overage: 'block' }, usage('250'));
    expect(plain(rated.priced)).toBe('0');
    expect(plain(rated.blocked)).toBe('150');
    expect(amount(rated.price)).toBe('0');
  });

  it('still charges the first tier flat fee of a blocked graduated charge', () => {
    const graduated = charge({
      meter: 'api_calls',
      model: 'graduated',
      included: '10',
      overage: 'block',
      tiers: [
        { up_to: '100', unit_price: '1', flat_fee: '25' },
        { up_to: null, unit_price: '0.5', flat_fee: '0' },
      ],
    });
    expect(amount(rateCharge(graduated, usage('500')).price)).toBe('25');
    expect(amount(rateCharge(graduated, NO_USAGE).price)).toBe('25');
  });

  it('prices capacity overage above the reservation, never the reservation itself', () => {
    const capacity = charge({
      meter: 'nodes',
      model: 'capacity',
      reserved_unit_price: '1200.00',
      overage_unit_price: '150.00',
    });
    expect(amount(rateCharge(capacity, usage('5'), new Dec(3)).price)).toBe('300');
    expect(amount(rateCharge(capacity, usage('2'), new Dec(3)).price)).toBe('0');
    const blocked = rateCharge({ ...capacity, overage: 'block' }, usage('5'), new Dec(3));
    expect([plain(blocked.blocked), amount(blocked.price)]).toEqual(['2', '0']);
  });

  it('rates a percentage charge on the events and their amounts', () => {
    const percentage = charge({
      meter: 'payments',
      model: 'percentage',
      rate: '0.5',
      per_event_fee: '0.10',
    });
    expect(amount(rateCharge(percentage, usage('4', '1000')).price)).toBe('5.4');
  });
});
