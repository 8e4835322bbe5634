import { describe, expect, it } from 'vitest';
import { CreditLedger, compareCreditsForUse } from '../../src-main/domain/credits';
import type { Invoice } from '../../src-main/domain/invoice';
import { Dec } from '../../src-main/domain/money';
import { credit } from '../support/builders';

const scope = { customer: 'acme', currency: 'USD', period: '2026-10', onDate: '2026-11-02' };
const grant = (id: string, fields: Partial<Parameters<typeof credit>[0]> = {}) =>
  credit({
    id,
    customer: 'acme',
    kind: 'promotional',
    amount: '50.00',
    currency: 'USD',
    granted_on: '2026-10-01',
    ...fields,
  });

describe('credit order', () => {
  it('uses the soonest expiry first, none last, then the oldest grant, then the id', () => {
    const credits = [
      grant('z-none'),
      grant('b-late', { expires_on: '2027-06-01' }),
      grant('a-old', { granted_on: '2026-01-01' }),
      grant('c-soon', { expires_on: '2026-12-01' }),
      grant('a-none'),
    ];
    expect([...credits].sort(compareCreditsForUse).map((c) => c.id)).toEqual([
      'c-soon',
      'b-late',
      'a-old',
      'a-none',
      'z-none',
    ]);
  });
});

describe('CreditLedger.take', () => {
  it('takes in order up to the limit and carries the rest forward', () => {
    const ledger = new CreditLedger(
      [grant('later'), grant('first', { expires_on: '2027-01-01', amount: '30.00' })],
      [],
    );
    const applications = ledger.take('price', scope, new Dec('45'));
    expect(applications).toEqual([
      { credit: 'first', kind: 'promotional', amount: '30.00' },
      { credit: 'later', kind: 'promotional', amount: '15.00' },
    ]);
    expect(ledger.remainingOf('later').toString()).toBe('35');
  });

  it('skips credits of another customer, currency, place, later grant, or expired on the date', () => {
    const ledger = new CreditLedger(
      [
        grant('other-customer', { customer: 'globex' }),
        grant('euro', { currency: 'EUR' }),
        grant('prepaid', { kind: 'prepaid' }),
        grant('granted-next-period', { granted_on: '2026-11-01' }),
        grant('expires-on-the-run-date', { expires_on: '2026-11-02' }),
        grant('expires-the-day-after', { expires_on: '2026-11-03', amount: '1.00' }),
      ],
      [],
    );
    expect(ledger.take('price', scope, new Dec(100)).map((a) => a.credit)).toEqual([
      'expires-the-day-after',
    ]);
    expect(ledger.take('balance', scope, new Dec(100)).map((a) => a.credit)).toEqual(['prepaid']);
  });

  it('counts what non-void invoices applied, drafts included, and gives back what void ones did', () => {
    const applied = (status: Invoice['status'], amount: string) =>
      ({ status, credit_applications: [{ credit: 'p', kind: 'promotional', amount }] }) as Invoice;
    const ledger = new CreditLedger(
      [grant('p')],
      [applied('draft', '10.00'), applied('open', '15.00'), applied('void', '20.00')],
    );
    expect(ledger.remainingOf('p').toString()).toBe('25');
  });

  it('never takes more than what is left, nor anything for a zero limit', () => {
    const ledger = new CreditLedger([grant('p')], []);
    expect(ledger.take('price', scope, new Dec(0))).toEqual([]);
    ledger.take('price', scope, new Dec(80));
    expect(ledger.take('price', scope, new Dec(80))).toEqual([]);
    expect(ledger.remainingOf('p').isZero()).toBe(true);
  });
});
