import { describe, expect, it } from 'vitest';
import {
  contractYearStartingIn,
  isActiveIn,
  periodOverOn,
} from '../../src-main/domain/contract-period';
import {
  addDays,
  lastDayOfPeriod,
  periodOfTime,
  periodRange,
  rangeDays,
} from '../../src-main/domain/dates';
import {
  isPartial,
  prorate,
  prorationOver,
  recurringFeeRange,
} from '../../src-main/domain/proration';
import { Dec, formatMoney } from '../../src-main/domain/money';

const window = (start_date: string, end_date: string | null = null) => ({ start_date, end_date });

describe('periods', () => {
  it('know their days, including February of a leap year', () => {
    expect(rangeDays(periodRange('2026-10'))).toBe(31);
    expect(rangeDays(periodRange('2028-02'))).toBe(29);
    expect(rangeDays(periodRange('2026-02'))).toBe(28);
    expect(lastDayOfPeriod('2026-12')).toBe('2026-12-31');
  });

  it('give the same answers when asked again: a remembered range is a new object, and bad text fails every time', () => {
    const first = periodRange('2026-10');
    first.start = 0;
    expect(periodRange('2026-10')).toEqual({ start: 20727, end: 20758 });
    expect(periodRange('2026-10')).not.toBe(periodRange('2026-10'));
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => periodRange('2026-13')).toThrow("'2026-13' is not a period YYYY-MM.");
      expect(() => addDays('2026-10-1', 1)).toThrow("'2026-10-1' is not a date YYYY-MM-DD.");
    }
  });

  it('place an instant by UTC, whatever offset its timestamp was written with', () => {
    expect(periodOfTime(Date.parse('2026-10-31T23:30:00-02:00'))).toBe('2026-11');
    expect(periodOfTime(Date.parse('2026-11-01T00:30:00+01:00'))).toBe('2026-10');
    expect(periodOfTime(Date.parse('2026-10-31T23:59:59.999Z'))).toBe('2026-10');
  });

  it('add days across months and years', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('contract windows', () => {
  it('start inclusive and end exclusive', () => {
    expect(isActiveIn(window('2026-10-31'), '2026-10')).toBe(true);
    expect(isActiveIn(window('2026-11-01'), '2026-10')).toBe(false);
    expect(isActiveIn(window('2026-01-01', '2026-10-01'), '2026-10')).toBe(false);
    expect(isActiveIn(window('2026-01-01', '2026-10-02'), '2026-10')).toBe(true);
  });

  it('end a period early for a contract that ends inside it', () => {
    expect(periodOverOn(window('2026-01-01'), '2026-10')).toBe('2026-11-01');
    expect(periodOverOn(window('2026-01-01', '2026-10-10'), '2026-10')).toBe('2026-10-10');
  });
});

describe('proration', () => {
  const october = periodRange('2026-10');

  it('counts whole days: a start on the 15th of a 31-day month is 17 days', () => {
    const proration = prorationOver(window('2026-10-15'), october);
    expect(proration).toEqual({ active_days: 17, period_days: 31 });
    expect(formatMoney(prorate(new Dec('499.00'), proration), 'USD')).toBe('273.65');
  });

  it('counts an end_date of the 10th as 9 days', () => {
    expect(prorationOver(window('2026-09-01', '2026-10-10'), october).active_days).toBe(9);
  });

  it('charges a contract that starts on the first or ends on the last day in full or by one day', () => {
    expect(isPartial(prorationOver(window('2026-10-01', '2026-11-01'), october))).toBe(false);
    expect(prorationOver(window('2026-10-31'), october).active_days).toBe(1);
    expect(prorationOver(window('2026-09-01', '2026-10-31'), october).active_days).toBe(30);
  });

  it('charges a yearly plan for the contract year on its first month only', () => {
    const contract = window('2026-11-16');
    const year = recurringFeeRange(contract, 'year', '2026-11');
    expect(year && rangeDays(year)).toBe(365);
    expect(year && prorationOver(contract, year).active_days).toBe(350);
    expect(recurringFeeRange(contract, 'year', '2026-12')).toBeNull();
    expect(recurringFeeRange(contract, 'year', '2027-11')).not.toBeNull();
  });

  it('gives a contract year holding 29 February 366 days', () => {
    const leap = contractYearStartingIn(window('2027-06-10'), '2027-06');
    expect(leap && rangeDays(leap)).toBe(366);
    const next = contractYearStartingIn(window('2027-06-10'), '2028-06');
    expect(next && rangeDays(next)).toBe(365);
  });
});
