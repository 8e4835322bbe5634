import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCell, unescapeSpreadsheetCell } from '../../src-main/files/csv-cell';

describe('formula-safe CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+A1', "'+A1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['acme', 'acme'],
    ["'quoted", "'quoted"],
    ["'=1", "''=1"],
    ["'-5", "''-5"],
    ['', ''],
  ])('writes %j as %j', (cell, written) => {
    expect(spreadsheetSafeCell(cell)).toBe(written);
  });

  it('reads back exactly what it escaped', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '1', '.', 'a') }),
        (cell) => {
          const written = spreadsheetSafeCell(cell);
          expect(unescapeSpreadsheetCell(written)).toBe(cell);
          // What a spreadsheet shows (one leading apostrophe hidden) is the cell itself.
          expect(/^[=+\-@\t\r]/.test(written) && !/^[+-]?[\d.]+$/.test(written)).toBe(false);
        },
      ),
    );
  });
});
