/**
 * Whatever bytes it is given, the importer answers with a result or a UserError,
 * never stores part of a strict import, and accounts for every data record.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { importUsage, type ImportUsageResult } from '../../src-main/services/importUsage';
import { listBatches } from '../../src-main/services/usageBatches';
import { detectDelimiter } from '../../src-main/usage/formats/csv';
import { csv, useUsageStore } from '../support/usage-store';

const VALID = csv(
  'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
  'e2,org_b2,seats,2.5,2026-10-02T10:00:00+02:00',
  'e3,org_8f2a,payments,0,2026-10-31T23:59:59Z',
  'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
  '"e,4",org_b3,api_calls,7,2026-11-01T00:00:00.5Z',
);

const mutation = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.string({
    unit: fc.constantFrom(',', ';', '\t', '"', '\n', '\r', 'x', '-', 'e', '1', ' ', '\\', '{', '['),
    maxLength: 4,
  }),
});

function mutate(text: string, mutations: { at: number; remove: number; insert: string }[]): string {
  return mutations.reduce((current, { at, remove, insert }) => {
    const position = at % (current.length + 1);
    return current.slice(0, position) + insert + current.slice(position + remove);
  }, text);
}

/** Data records of a CSV as the importer counts them: after the header, blank lines aside. */
function csvRecords(text: string): number {
  const content = text.replace(/^\ufeff/, '');
  const rows = Papa.parse<string[]>(content, {
    delimiter: detectDelimiter(content.split(/\r?\n/, 1)[0] ?? ''),
  }).data;
  return rows.slice(1).filter((row) => !(row.length === 1 && row[0] === '')).length;
}

describe('usage import under random input', () => {
  const t = useUsageStore();

  async function attempt(
    content: string | Buffer,
    keepValid: boolean,
  ): Promise<ImportUsageResult | null> {
    const before = listBatches(t.store()).length;
    try {
      const result = await importUsage(t.store(), t.file('input', content), { keepValid });
      const stored = listBatches(t.store()).length - before;
      if (result.batch === null) {
        expect(result).toMatchObject({ accepted: 0, duplicates: 0 });
        expect(result.rejected).toBeGreaterThan(0);
        expect(stored).toBe(0);
      } else {
        expect(stored).toBe(1);
      }
      return result;
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect(listBatches(t.store()).length).toBe(before);
      return null;
    }
  }

  it('random bytes: a result or a UserError, and nothing half stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.boolean(),
        async (bytes, keepValid) => {
          await attempt(Buffer.from(bytes), keepValid);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('mutated CSV: accepted + duplicates + rejected is the number of data records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (mutations, keepValid) => {
          const text = mutate(VALID, mutations);
          const result = await attempt(text, keepValid);
          if (result === null || result.format !== 'csv') return;
          const counted = result.accepted + result.duplicates + result.rejected;
          if (result.batch === null) expect(counted).toBeLessThanOrEqual(csvRecords(text));
          else expect(counted).toBe(csvRecords(text));
        },
      ),
      { numRuns: 200 },
    );
    // 200 imports, each now backed up first: about 20 s alone on a busy machine.
  }, 120_000);
});
