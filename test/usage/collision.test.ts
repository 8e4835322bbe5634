/**
 * With every event given the same key hash, every event is a suspect: only the
 * exact comparison of (source, event_id) decides, so no valid event may be lost.
 */
import { describe, expect, it, vi } from 'vitest';
import { importUsage } from '../../src-main/services/importUsage';
import { csv, storedIds, useUsageStore } from '../support/usage-store';

vi.mock(import('../../src-main/usage/keyHash'), async (original) => ({
  ...(await original()),
  eventKeyHash: () => 7,
}));

describe('usage dedupe when hashes collide', () => {
  const t = useUsageStore();

  it('drops only true duplicates, stored or repeated in the file', async () => {
    const first = await importUsage(
      t.store(),
      t.file(
        'a.csv',
        csv(
          'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z',
          'e2,org_8f2a,api_calls,1,2026-11-01T00:00:00Z',
        ),
      ),
    );
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    const second = await importUsage(
      t.store(),
      t.file(
        'b.csv',
        'event_id,source,customer,meter,quantity,timestamp\n' +
          'e3,,org_8f2a,api_calls,1,2026-10-02T00:00:00Z\n' +
          'e2,,org_8f2a,api_calls,1,2026-10-02T00:00:00Z\n' + // stored
          'e1,other,org_8f2a,api_calls,1,2026-10-02T00:00:00Z\n' + // another source: new
          'e3,,org_8f2a,api_calls,1,2026-11-02T00:00:00Z\n' + // repeated in the file
          'e4,,org_8f2a,api_calls,1,2026-11-02T00:00:00Z\n',
      ),
    );
    expect(second).toMatchObject({ accepted: 3, duplicates: 2 });
    expect(await storedIds(t.store(), '2026-10', '2026-11')).toEqual([
      'e1',
      'e3',
      'e1',
      'e2',
      'e4',
    ]);
  });
});
