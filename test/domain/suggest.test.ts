import { describe, expect, it } from 'vitest';
import { closestMatch, suggester } from '../../src-main/domain/suggest';

describe('did you mean', () => {
  const meters = ['api_calls', 'storage_gb', 'gpu_hours', 'seats'];

  it.each([
    ['api_cals', 'api_calls'],
    ['API_CALLS', 'api_calls'],
    ['api_clals', 'api_calls'],
    ['storage_gbs', 'storage_gb'],
    ['seat', 'seats'],
    ['gpu', undefined],
    ['bandwidth', undefined],
    ['', undefined],
  ])('suggests for %j: %j', (typed, meant) => {
    expect(closestMatch(typed, meters)).toBe(meant);
  });

  it('does not suggest an id that only shares a prefix', () => {
    expect(closestMatch('org_zz', ['org_b2', 'org_8f2a'])).toBeUndefined();
    expect(closestMatch('org_8f2b', ['org_b2', 'org_8f2a'])).toBe('org_8f2a');
  });

  it('remembers per value what it found', () => {
    const near = suggester(meters);
    expect(near('api_cals')).toBe('api_calls');
    expect(near('api_cals')).toBe('api_calls');
    expect(near('zzz')).toBeUndefined();
  });
});
