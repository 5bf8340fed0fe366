import { describe, expect, it } from 'vitest';
import { asCirclesAnswer, postPath, REGISTRY_CODE, sitePath } from './circles';
import { ApiError } from './errors';

const answer = {
  refreshed_at: '2026-11-23T06:05:09Z',
  units: 2,
  in_hours: 1,
  covered: 0,
  refresh_ms: 0.1,
  sites: [{ site: 'S-0001', tier_s: 180, in_hours: true, time_s: null, unit: '', covered: false }],
};

describe('the circles API', () => {
  it('takes an answer of the documented shape, a site nobody reaches included', () => {
    expect(asCirclesAnswer(answer).sites[0]?.time_s).toBeNull();
  });

  it('refuses anything else, saying what is wrong', () => {
    expect(() => asCirclesAnswer(null)).toThrow(ApiError);
    expect(() => asCirclesAnswer({ ...answer, sites: {} })).toThrow(/sites is not a list/);
    expect(() => asCirclesAnswer({ ...answer, sites: [{ site: 'S-0001', covered: 'yes', in_hours: true, time_s: 3 }] })).toThrow(/sites\[0\]/);
    expect(() => asCirclesAnswer({ ...answer, refreshed_at: 5 })).toThrow(/refreshed_at/);
  });

  it('writes the command paths with the code escaped, and knows a code when it sees one', () => {
    expect(sitePath('S-0001', 'retire')).toBe('/api/v1/sites/S-0001/retire');
    expect(postPath('P 1', 'profile')).toBe('/api/v1/posts/P%201/profile');
    expect(REGISTRY_CODE.test('S_0001-a')).toBe(true);
    expect(REGISTRY_CODE.test('')).toBe(false);
    expect(REGISTRY_CODE.test('S/1')).toBe(false);
  });
});
