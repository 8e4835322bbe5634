import { describe, expect, it } from 'vitest';
import { tallyTable, TransactionAmounts } from '../../src-main/domain/aggregation';
import type { Meter } from '../../src-main/domain/model';
import { plain } from '../../src-main/domain/money';
import { API_CALLS, NODES, PAYMENTS, SEATS, STORAGE, usageEvent } from '../support/builders';
import type { RatedUsageEvent } from '../../src-main/domain/usage';

function aggregate(meter: Meter, events: RatedUsageEvent[]): string {
  const table = tallyTable(meter);
  const tally = table.open();
  for (const event of events) table.add(tally, event);
  return plain(table.result(tally));
}

const at = (
  timestamp: string,
  quantity: string,
  properties: Record<string, string | number> = {},
) => usageEvent({ timestamp, quantity, properties });

describe('aggregators', () => {
  const events = [
    at('2026-10-02T00:00:00Z', '10.5', { user_id: 'u1' }),
    at('2026-10-05T00:00:00Z', '3', { user_id: 7 }),
    at('2026-10-03T00:00:00Z', '12', { user_id: '7' }),
    at('2026-10-04T00:00:00Z', '0'),
  ];

  it('sum adds quantities exactly', () => {
    expect(aggregate(API_CALLS, events)).toBe('25.5');
  });

  it('count counts events, whatever their quantity', () => {
    expect(aggregate(PAYMENTS, events)).toBe('4');
  });

  it('max keeps the peak', () => {
    expect(aggregate(NODES, events)).toBe('12');
  });

  it('unique_count compares values as strings and skips events without the field', () => {
    expect(aggregate(SEATS, events)).toBe('2');
  });

  it('latest takes the latest timestamp, not the last event', () => {
    expect(aggregate(STORAGE, events)).toBe('3');
  });

  it('latest gives a tie in timestamp to the event imported last', () => {
    const tie = [at('2026-10-09T00:00:00Z', '5'), at('2026-10-09T00:00:00Z', '8')];
    expect(aggregate(STORAGE, tie)).toBe('8');
  });

  it('every aggregation of no events is zero', () => {
    for (const meter of [API_CALLS, NODES, PAYMENTS, SEATS, STORAGE]) {
      expect(aggregate(meter, [])).toBe('0');
    }
  });

  it('sums transaction amounts exactly and refuses one that is not a decimal', () => {
    const amounts = new TransactionAmounts();
    const tally = amounts.open();
    amounts.add(tally, at('2026-10-01T00:00:00Z', '1', { amount: '0.1' }));
    amounts.add(tally, at('2026-10-01T00:00:00Z', '1', { amount: '0.2' }));
    amounts.add(tally, at('2026-10-01T00:00:00Z', '1'));
    expect(plain(amounts.result(tally))).toBe('0.3');
    expect(() => amounts.add(tally, at('2026-10-01T00:00:00Z', '1', { amount: 'ten' }))).toThrow(
      /not a decimal amount/,
    );
  });

  it('stays exact past 2^53 and across whole and fractional quantities', () => {
    const huge = Array.from({ length: 5 }, () => at('2026-10-01T00:00:00Z', '999999999999999'));
    expect(aggregate(API_CALLS, [...huge, at('2026-10-01T00:00:00Z', '0.000000000001')])).toBe(
      '4999999999999995.000000000001',
    );
    expect(aggregate(API_CALLS, [at('2026-10-01T00:00:00Z', '12345678901234567890')])).toBe(
      '12345678901234567890',
    );
    expect(
      aggregate(NODES, [at('2026-10-01T00:00:00Z', '7'), at('2026-10-02T00:00:00Z', '7.5')]),
    ).toBe('7.5');
    expect(
      aggregate(NODES, [at('2026-10-01T00:00:00Z', '7.5'), at('2026-10-02T00:00:00Z', '8')]),
    ).toBe('8');
  });

  it('sums amounts exactly: millionths as numbers past 2^52, finer or odd ones as decimals', () => {
    const amounts = new TransactionAmounts();
    const [one, other] = [amounts.open(), amounts.open()];
    const add = (tally: number, amount: string | number) =>
      amounts.add(tally, at('2026-10-01T00:00:00Z', '1', { amount }));
    // Each 999999999.999999 is 10^15 - 1 millionths: the fifth crosses 2^52.
    for (let i = 0; i < 5; i++) add(one, '999999999.999999');
    add(one, '0.0000001');
    add(one, 0.1);
    add(one, '7');
    add(one, '+1');
    add(one, '.5');
    add(other, 12.25);
    add(other, '1234567890.5');
    add(other, '-0.25');
    expect(plain(amounts.result(one))).toBe('5000000008.5999951');
    expect(plain(amounts.result(other))).toBe('1234567902.5');
  });

  it('sums and compares quantities exactly when whole, decimal and huge ones mix', () => {
    const sums = tallyTable(API_CALLS);
    const [one, other] = [sums.open(), sums.open()];
    for (const quantity of ['999999999999999', '999999999999999', '0.5', '000000000000000001']) {
      for (let i = 0; i < 3; i++) sums.add(one, at('2026-10-01T00:00:00Z', quantity));
    }
    sums.add(other, at('2026-10-01T00:00:00Z', '3'));
    expect(plain(sums.result(one))).toBe('5999999999999998.5');
    expect(plain(sums.result(other))).toBe('3');
  });
});
