import { describe, expect, it } from 'vitest';
import { UsageCollector } from '../../src-main/domain/usage-collector';
import { plain } from '../../src-main/domain/money';
import { ALL_METERS, contract, customer, plan, usageEvent } from '../support/builders';

const growth = plan({
  code: 'growth',
  name: 'Growth',
  currency: 'USD',
  interval: 'month',
  charges: [
    { meter: 'api_calls', model: 'per_unit', unit_price: '0.01' },
    { meter: 'payments', model: 'percentage', rate: '1' },
  ],
});
const book = {
  meters: ALL_METERS,
  plans: [growth],
  customers: [
    customer({ id: 'acme', name: 'Acme', currency: 'USD', external_ids: ['org_1', 'org_2'] }),
  ],
  contracts: [
    contract({
      id: 'old',
      customer: 'acme',
      plan: 'growth',
      start_date: '2026-09-01',
      end_date: '2026-10-15',
      payment_method: 'ach',
    }),
    contract({
      id: 'new',
      customer: 'acme',
      plan: 'growth',
      start_date: '2026-10-15',
      end_date: '2026-10-31',
      payment_method: 'ach',
    }),
  ],
};

describe('UsageCollector', () => {
  it('gives each event to the contract active at its timestamp, across the customer’s external ids', () => {
    const collector = new UsageCollector(book);
    collector.add(usageEvent({ timestamp: '2026-10-14T23:59:59Z', quantity: '5' }));
    collector.add(
      usageEvent({ timestamp: '2026-10-15T00:00:00Z', quantity: '7', customer: 'org_2' }),
    );
    collector.add(usageEvent({ timestamp: '2026-10-15T01:00:00+02:00', quantity: '11' }));
    expect(plain(collector.usageOf('old', 'api_calls').quantity)).toBe('16');
    expect(plain(collector.usageOf('new', 'api_calls').quantity)).toBe('7');
  });

  it('lists events under no contract as unbilled, per external id and meter', () => {
    const collector = new UsageCollector(book);
    collector.add(
      usageEvent({ event_id: 'late-night', timestamp: '2026-10-31T00:00:00Z', quantity: '3' }),
    );
    collector.add(usageEvent({ timestamp: '2026-10-31T10:00:00Z', quantity: '4' }));
    collector.add(
      usageEvent({ timestamp: '2026-10-20T10:00:00Z', customer: 'org_gone', quantity: '1' }),
    );
    expect(collector.unbilled()).toEqual([
      {
        external_id: 'org_1',
        customer: 'acme',
        meter: 'api_calls',
        events: 2,
        quantity: '7',
        first_event: 'late-night',
      },
      {
        external_id: 'org_gone',
        customer: null,
        meter: 'api_calls',
        events: 1,
        quantity: '1',
        first_event: expect.any(String) as string,
      },
    ]);
  });

  it('sums transaction amounts only for meters a percentage charge prices', () => {
    const collector = new UsageCollector(book);
    collector.add(
      usageEvent({
        timestamp: '2026-10-02T00:00:00Z',
        meter: 'payments',
        properties: { amount: '19.99' },
      }),
    );
    collector.add(
      usageEvent({
        timestamp: '2026-10-03T00:00:00Z',
        meter: 'payments',
        properties: { amount: 0.01 },
      }),
    );
    const usage = collector.usageOf('old', 'payments');
    expect([plain(usage.quantity), plain(usage.transaction_amount)]).toEqual(['2', '20']);
  });

  it('flags meters that received events from batches above a contract’s watermark', () => {
    const collector = new UsageCollector(book, new Map([['old', 3]]));
    collector.add(usageEvent({ timestamp: '2026-10-02T00:00:00Z', batch_seq: 3 }));
    expect(collector.hasAnyLateUsage('old')).toBe(false);
    collector.add(usageEvent({ timestamp: '2026-10-02T00:00:00Z', batch_seq: 4 }));
    expect(collector.hasLateUsage('old', 'api_calls')).toBe(true);
    expect(collector.hasLateUsage('old', 'payments')).toBe(false);
  });
});

describe('UsageCollector, what it asks the reader for', () => {
  it('names the meters whose properties it reads, and the properties: a percentage’s amount, a unique_count field', () => {
    const seats = plan({
      code: 'seats',
      name: 'Seats',
      currency: 'USD',
      interval: 'month',
      charges: [{ meter: 'seats', model: 'per_unit', unit_price: '4' }],
    });
    const collector = new UsageCollector({
      ...book,
      plans: [growth, seats],
      contracts: [...book.contracts, { ...book.contracts[1]!, id: 'seats', plan: 'seats' }],
    });
    expect([...collector.propertiesOf].sort()).toEqual(['payments', 'seats']);
    const field = ALL_METERS.find((meter) => meter.code === 'seats')?.field;
    expect([...collector.propertyNames].sort()).toEqual(['amount', field].sort());
  });
});
