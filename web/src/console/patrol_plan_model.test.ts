import { describe, expect, it } from 'vitest';
import type { PatrolPlanMap } from '../api/cell_maps';
import { t } from '../i18n/translate';
import { basemapStyle, type Theme } from '../map/style';
import type { Tr } from './dashboard_model';
import { contrast } from './palette';
import { cellCentre, PATROL_COLOURS, planFacts, planParams, planSummary, printPath, rankPoints, stationCount } from './patrol_plan_model';

const zh: Tr = (key, params) => t('zh-CN', key, params);
const en: Tr = (key, params) => t('en', key, params);

const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.002, lat],
      [lon + 0.002, lat + 0.002],
      [lon, lat + 0.002],
      [lon, lat],
    ],
  ],
});

const PLAN: PatrolPlanMap = {
  type: 'FeatureCollection',
  properties: { shift: { kind: 'day', day: '2026-11-24', local_begin: '2026-11-24 08:00', local_end: '2026-11-24 20:00' } },
  features: [
    { type: 'Feature', geometry: square(115.2, 31.6), properties: { station: 'S1', rank: 1, expected: 0.426, recent: 15, share: 0.02398 } },
    { type: 'Feature', geometry: square(115.21, 31.6), properties: { station: 'S1', rank: 2, expected: 0.42, recent: 11, share: 0.02369 } },
    { type: 'Feature', geometry: square(115.19, 31.61), properties: { station: 'S2', rank: 1, expected: 0.2, recent: 3, share: 0.011 } },
  ],
};

describe('requests', () => {
  it('asks for the cells as GeoJSON and the list as a page in the console’s language', () => {
    expect(planParams('next')).toEqual({ format: 'geojson', shift: 'next' });
    expect(printPath('next', 'zh-CN')).toBe('/api/v1/forecast/patrol-plan?format=html&lang=zh&shift=next');
    expect(printPath('night', 'en')).toBe('/api/v1/forecast/patrol-plan?format=html&lang=en&shift=night');
  });
});

describe('rank points', () => {
  it('writes each rank once, in the middle of its cell', () => {
    expect(cellCentre(square(115.2, 31.6))).toEqual([115.201, 31.601]);
    const points = rankPoints(PLAN);
    expect(points.features).toHaveLength(3);
    expect(points.features[1]?.properties).toEqual({ rank: 2, station: 'S1' });
    expect(points.features[1]?.geometry.coordinates[0]).toBeCloseTo(115.211, 9);
  });
});

describe('words', () => {
  it('sums the plan up', () => {
    expect(stationCount(PLAN)).toBe(2);
    expect(planSummary(zh, PLAN)).toBe('白班 2026-11-24 08:00 至 2026-11-24 20:00：2 个派出所，3 个网格');
    expect(planSummary(en, PLAN)).toBe('Day shift 2026-11-24 08:00 to 2026-11-24 20:00: 2 stations, 3 cells');
    expect(planSummary(en, { ...PLAN, features: [] })).toBe('No cells planned for this shift');
  });

  it('gives a cell’s evidence', () => {
    const cell = PLAN.features[0]?.properties;
    expect(cell && planFacts(en, cell, 'Xingmin Police Station')).toEqual([
      ['Station', 'Xingmin Police Station'],
      ['Expected this shift', '0.43'],
      ['Same hours, last 28 days', '15'],
      ['Share of the city’s forecast', '2.4%'],
    ]);
  });
});

describe('colours', () => {
  it('keep the outline at 3:1 on the basemap and the ranks at 4.5:1 on their halo', () => {
    for (const theme of ['day', 'night'] as Theme[]) {
      const style = basemapStyle({ tiles: '/t/{z}/{x}/{y}.pbf', minzoom: 8, maxzoom: 14 }, theme, 'en', 'http://h');
      const bg = (style.layers as { id: string; paint?: Record<string, string> }[])[0]?.paint?.['background-color'] ?? '';
      const c = PATROL_COLOURS[theme];
      expect(contrast(c.outline, bg), theme).toBeGreaterThanOrEqual(3);
      expect(contrast(c.text, c.halo), theme).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.text, bg), theme).toBeGreaterThanOrEqual(4.5);
    }
  });
});
