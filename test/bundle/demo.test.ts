import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { demoBundle } from '../../src-main/demo/book';
import { openStore } from '../../src-main/store/store';
import { tempDir } from '../support/cli';

const ANCHOR = { year: 2026, month: 11 };

describe('the demo book', () => {
  it('is the same book for the same anchor month (seeded, not random)', () => {
    expect(JSON.stringify(demoBundle(ANCHOR))).toBe(JSON.stringify(demoBundle(ANCHOR)));
  });

  it('loads as a valid bundle covering every model, currency and credit kind', async () => {
    const store = await openStore(await tempDir());
    const summary = await loadBundle(store, demoBundle(ANCHOR), 'The demo book');
    const data = store.read();
    await store.close();

    expect(data.customers.length).toBeGreaterThanOrEqual(24);
    expect(new Set(data.customers.map((c) => c.currency))).toEqual(
      new Set(['USD', 'EUR', 'GBP', 'JPY']),
    );
    const models = new Set(data.plans.flatMap((p) => p.charges.map((c) => c.model)));
    expect(models).toEqual(
      new Set(['per_unit', 'graduated', 'volume', 'package', 'percentage', 'capacity']),
    );
    expect(new Set(data.meters.map((m) => m.aggregation))).toEqual(
      new Set(['sum', 'count', 'max', 'unique_count', 'latest']),
    );
    expect(new Set(data.credits.map((c) => c.kind))).toEqual(
      new Set(['sla', 'promotional', 'goodwill', 'prepaid', 'overpayment']),
    );
    expect(data.plans.some((p) => p.interval === 'year')).toBe(true);
    expect(data.plans.some((p) => p.charges.some((c) => c.overage === 'block'))).toBe(true);
    expect(data.contracts.some((c) => c.channel !== 'direct')).toBe(true);
    expect(data.customers.some((c) => c.tax_exempt !== null)).toBe(true);
    // A plan change: one contract ends the day the customer's next one starts.
    expect(
      data.contracts.some((a) =>
        data.contracts.some((b) => a.customer === b.customer && a.end_date === b.start_date),
      ),
    ).toBe(true);
    // Three closed months of usage before the anchor, and uptime for SLA credits.
    expect(new Set(data.uptime.map((u) => u.period))).toEqual(
      new Set(['2026-08', '2026-09', '2026-10']),
    );
    expect(summary.usage.accepted).toBeGreaterThan(10_000);
    expect(summary.usage.duplicates).toBe(0);
  });
});
