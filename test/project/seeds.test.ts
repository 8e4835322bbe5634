/** Random tests can be replayed: the seed a failure printed, given back, runs the same case. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaySeed, SEED_VARIABLE } from '../support/seed';

describe('replaying a random test', () => {
  it('takes the seed from the environment, and only a whole number', () => {
    expect(replaySeed({})).toBeUndefined();
    expect(replaySeed({ [SEED_VARIABLE]: '' })).toBeUndefined();
    expect(replaySeed({ [SEED_VARIABLE]: '-992929890' })).toBe(-992929890);
    expect(() => replaySeed({ [SEED_VARIABLE]: '12abc' })).toThrow(
      `${SEED_VARIABLE} must be a whole number (a seed a failed test printed), not "12abc".`,
    );
  });

  it("finds the same counterexample again from the seed fast-check's report printed", () => {
    const property = fc.property(fc.array(fc.integer()), (values) => values.length < 3);
    const first = fc.check(property);
    expect(first.failed).toBe(true);
    expect(fc.defaultReportMessage(first)).toContain(`seed: ${first.seed}`);
    const again = fc.check(property, { seed: first.seed });
    expect(again.counterexample).toEqual(first.counterexample);
  });
});
