import { describe, expect, it } from 'vitest';
import { taxLineLabel, taxName } from '../../src-main/domain/tax-label';

describe('a tax line label', () => {
  it('prints the name, then the rate as the locale writes it', () => {
    expect(taxLineLabel('NY sales tax', '8.875')).toBe('NY sales tax (8.875%)');
    expect(taxLineLabel('USt.', '19', 'de-DE')).toBe('USt. (19\u00a0%)');
  });

  it('calls a tax without a name "Tax"', () => {
    expect(taxLineLabel('', '10')).toBe('Tax (10%)');
    expect(taxLineLabel('10%', '10')).toBe('Tax (10%)');
  });

  it('does not repeat a rate the label states itself, however it writes it', () => {
    expect(taxName('VAT 20%', '20')).toBe('VAT');
    expect(taxName('TVA 20 %', '20')).toBe('TVA');
    expect(taxName('VAT (20%)', '20')).toBe('VAT');
    expect(taxName('VAT 20.0%', '20')).toBe('VAT');
    expect(taxName('NY sales tax 8.875%', '8.875')).toBe('NY sales tax');
    expect(taxName('USt. 8,875 %', '8.875')).toBe('USt.');
    expect(taxLineLabel('JCT 10%', '10')).toBe('JCT (10%)');
  });

  it('keeps a rate that is not the line’s own: it is part of the name', () => {
    expect(taxName('VAT 19%', '7')).toBe('VAT 19%');
    expect(taxName('GST 120%', '20')).toBe('GST 120%');
    expect(taxName('Reduced VAT 5%', '5.5')).toBe('Reduced VAT 5%');
    expect(taxName('VAT 5.5%', '5')).toBe('VAT 5.5%');
  });
});
