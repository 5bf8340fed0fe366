import { describe, expect, it } from 'vitest';
import { hotspotParams, isoWeek, methodsOn, periodParam, withUnits } from './hotspot_query';

describe('isoWeek', () => {
  it('numbers weeks Monday to Sunday, week 1 holding 4 January', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });

  it('gives a week across New Year to the year of its Thursday', () => {
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
  });
});

describe('periodParam', () => {
  const today = '2026-11-23';

  it('ends the rolling windows today', () => {
    expect(periodParam('rolling90', today)).toBe('rolling:90:2026-11-23');
    expect(periodParam('rolling28', today)).toBe('rolling:28:2026-11-23');
  });

  it('takes the dashboard’s last complete day, week and month', () => {
    expect(periodParam('daily', today)).toBe('day:2026-11-22');
    expect(periodParam('weekly', today)).toBe('week:2026-W47');
    expect(periodParam('monthly', today)).toBe('month:2026-10');
    expect(periodParam('monthly', '2026-01-05')).toBe('month:2025-12');
  });
});

describe('hotspotParams', () => {
  it('asks for the method and the period on cells, nothing else', () => {
    expect(hotspotParams({ on: 'cells', method: 'gi_star', period: 'rolling90' }, '2026-11-23')).toEqual({ method: 'gi_star', period: 'rolling:90:2026-11-23' });
  });

  it('names street segments, first, and never sends kernel density with them', () => {
    const segments = hotspotParams({ on: 'segments', method: 'local_moran', period: 'weekly' }, '2026-11-23');
    expect(segments).toEqual({ on: 'segments', method: 'local_moran', period: 'week:2026-W47' });
    expect(Object.keys(segments)[0]).toBe('on');
    expect(hotspotParams({ on: 'segments', method: 'kde', period: 'rolling28' }, '2026-11-23')).toEqual({
      on: 'segments',
      method: 'counts',
      period: 'rolling:28:2026-11-23',
    });
  });
});

describe('methodsOn and withUnits', () => {
  it('offer kernel density on cells only', () => {
    expect(methodsOn('cells')).toEqual(['counts', 'kde', 'gi_star', 'local_moran']);
    expect(methodsOn('segments')).toEqual(['counts', 'gi_star', 'local_moran']);
  });

  it('keep the method and period across units where they can, else fall back to counts', () => {
    expect(withUnits({ on: 'cells', method: 'gi_star', period: 'daily' }, 'segments')).toEqual({ on: 'segments', method: 'gi_star', period: 'daily' });
    expect(withUnits({ on: 'cells', method: 'kde', period: 'monthly' }, 'segments')).toEqual({ on: 'segments', method: 'counts', period: 'monthly' });
    expect(withUnits({ on: 'segments', method: 'counts', period: 'rolling90' }, 'cells')).toEqual({ on: 'cells', method: 'counts', period: 'rolling90' });
  });
});
