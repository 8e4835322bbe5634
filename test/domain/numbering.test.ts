import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src-main/domain/model';
import {
  renderNumber,
  sequencePrefix,
  sequencesFromNumbers,
  takeNumber,
} from '../../src-main/domain/numbering';

describe('document numbers', () => {
  it('render the default formats', () => {
    expect(renderNumber('INV-{YYYY}-{SEQ:5}', '2026-11-02', 1)).toBe('INV-2026-00001');
    expect(renderNumber('CN-{YYYY}-{SEQ:5}', '2027-01-01', 123456)).toBe('CN-2027-123456');
    expect(renderNumber('{SEQ}_{YYYY}', '2026-03-01', 7)).toBe('7_2026');
  });

  it('keep one counter per rendered prefix, so a format with the year restarts each year', () => {
    const sequences: Record<string, number> = {};
    const numbers = ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'].map((date) =>
      takeNumber(sequences, 'INV-{YYYY}-{SEQ:5}', date),
    );
    expect(numbers).toEqual([
      'INV-2026-00001',
      'INV-2026-00002',
      'INV-2027-00001',
      'INV-2027-00002',
    ]);
    expect(sequences).toEqual({ 'INV-2026-': 2, 'INV-2027-': 2 });
    expect(takeNumber(sequences, 'INV-{SEQ:4}', '2028-01-01')).toBe('INV-0001');
    expect(sequencePrefix('INV-{SEQ:4}', '2029')).toBe('INV-');
  });

  it('refuse a format without a sequence part', () => {
    expect(() => renderNumber('INV-{YYYY}', '2026-01-01', 1)).toThrow(/no \{SEQ\}/);
  });
});

describe('sequencesFromNumbers (numbering after a restore)', () => {
  const settings = settingsSchema.parse({ credit_note_number_format: 'CN.{SEQ:3}.{YYYY}' });

  it('finds the last number of each rendered prefix, for both formats', () => {
    expect(
      sequencesFromNumbers(settings, [
        'INV-2025-00007',
        'INV-2026-00002',
        'INV-2026-00011',
        'CN.004.2026',
        'CN.001.2026',
        'not-a-number',
      ]),
    ).toEqual({ 'INV-2025-': 7, 'INV-2026-': 11, 'CN..2026': 4 });
  });
});
