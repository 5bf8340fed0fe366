import { describe, expect, it } from 'vitest';
import type { HotspotMapInfo } from '../api/cell_maps';
import type { SegmentMapInfo } from '../api/segment_map';
import { t } from '../i18n/translate';
import type { Tr } from './dashboard_model';
import { hotspotLook } from './hotspot_style';
import { cellFacts, densityText, legendLabel, legendTitle, methodLabel, pText, segmentFacts, segmentSummaryText, statText, summaryText } from './hotspot_wording';

const zh: Tr = (key, params) => t('zh-CN', key, params);
const en: Tr = (key, params) => t('en', key, params);

const INFO: HotspotMapInfo = {
  method: 'gi_star',
  cell_m: 250,
  incidents: 2574,
  alpha: 0.05,
  period: { name: 'rolling:90:2026-11-23', begin: '2026-08-26', last: '2026-11-23', days: 90, covered: true },
};

const SEGMENTS: SegmentMapInfo = {
  on: 'segments',
  method: 'gi_star',
  snap_m: 100,
  incidents: 2570,
  off_road: 4,
  segments: 2281,
  alpha: 0.05,
  period: INFO.period,
};

describe('numbers', () => {
  it('writes p-values, statistics and densities as analysts read them', () => {
    expect(pText(0.268367)).toBe('0.268');
    expect(pText(0.00004)).toBe('< 0.001');
    expect(pText(undefined)).toBe('—');
    expect(statText(2.3141)).toBe('+2.31');
    expect(statText(-1.1068)).toBe('-1.11');
    expect(densityText(8.864)).toBe('8.9');
    expect(densityText(1234.5)).toBe('1200');
  });
});

describe('legend', () => {
  it('labels count classes as whole-number ranges, the last up to the largest count', () => {
    const look = hotspotLook('counts', [1, 1, 1, 1, 2, 2, 3, 4, 9].map((count, cell) => ({ cell, count })), 'night');
    expect(look.classes.map((c, i) => legendLabel(en, look, c, i))).toEqual(['1', '2', '3–8', '9']);
  });

  it('labels density classes from one bound to the next', () => {
    const look = hotspotLook('kde', [1.04, 2.5, 2.6, 9.9].map((d, cell) => ({ cell, count: 0, density_per_km2: d })), 'day');
    expect(look.classes.map((c, i) => legendLabel(en, look, c, i))).toEqual(['1–2.6', '2.6–9.9', '9.9']);
  });

  it('names significance classes in both languages', () => {
    const look = hotspotLook('local_moran', [], 'day');
    expect(look.classes.map((c, i) => legendLabel(zh, look, c, i))).toEqual(['高-高聚集', '低-低聚集', '高-低异常', '低-高异常', '不显著']);
    expect(look.classes.map((c, i) => legendLabel(en, look, c, i))).toEqual([
      'High–high cluster',
      'Low–low cluster',
      'High–low outlier',
      'Low–high outlier',
      'Not significant',
    ]);
  });

  it('gives the significance level in the title of the statistics', () => {
    expect(legendTitle(zh, 'gi_star', INFO)).toBe('显著性（α = 0.05）');
    expect(legendTitle(en, 'local_moran', { ...INFO, alpha: 0.01 })).toBe('Clusters and outliers (α = 0.01)');
    expect(legendTitle(en, 'counts', INFO)).toBe('Incidents per cell');
  });
});

describe('summaryText', () => {
  it('says the period, the incidents and the cells listed', () => {
    expect(summaryText(zh, INFO, 389)).toBe('2026-08-26 至 2026-11-23：2574 起警情，389 个网格（边长 250 米）');
    expect(summaryText(en, INFO, 389)).toBe('2026-08-26 to 2026-11-23: 2574 incidents, 389 cells (250 m side)');
    expect(summaryText(en, { ...INFO, incidents: 0 }, 0)).toBe('No incidents with a position in this period');
  });
});

describe('cellFacts', () => {
  const cell = { cell: 30, count: 2, density_per_km2: 8.864, i: 0.531778, z: -1.1068, p: 0.268367, class: null };

  it('gives each method its own figures', () => {
    expect(cellFacts(en, 'counts', cell)).toEqual([['Incidents', '2']]);
    expect(cellFacts(en, 'kde', cell)).toEqual([
      ['Incidents', '2'],
      ['Density', '8.9 per km²'],
    ]);
    expect(cellFacts(en, 'gi_star', { ...cell, class: 'hot' })).toEqual([
      ['Incidents', '2'],
      ['z-score', '-1.11'],
      ['p-value', '0.268'],
      ['Class', 'Hot spot'],
    ]);
    expect(cellFacts(zh, 'local_moran', cell)).toEqual([
      ['警情数', '2'],
      ['局部 I 值', '+0.53'],
      ['z 得分', '-1.11'],
      ['p 值', '0.268'],
      ['类别', '不显著'],
    ]);
  });
});

describe('street segments', () => {
  it('name counting on segments apart from counting in cells, the statistics alike', () => {
    expect(methodLabel(zh, 'cells', 'counts')).toBe('网格计数');
    expect(methodLabel(zh, 'segments', 'counts')).toBe('路段计数');
    expect(methodLabel(en, 'segments', 'counts')).toBe('Segment counts');
    expect(methodLabel(en, 'segments', 'gi_star')).toBe('Getis–Ord Gi*');
    expect(legendTitle(zh, 'counts', SEGMENTS, 'segments')).toBe('每路段警情数（起）');
    expect(legendTitle(en, 'counts', SEGMENTS, 'segments')).toBe('Incidents per segment');
    expect(legendTitle(en, 'gi_star', SEGMENTS, 'segments')).toBe('Significance (α = 0.05)');
  });

  it('summarise the incidents on roads, those off road and the segments listed of the network', () => {
    expect(segmentSummaryText(zh, SEGMENTS, 812)).toBe('2026-08-26 至 2026-11-23：2570 起警情落在道路上，4 起离路（超过 100 米），812 条路段（路网共 2281 条）');
    expect(segmentSummaryText(en, SEGMENTS, 812)).toBe(
      '2026-08-26 to 2026-11-23: 2570 incidents on roads, 4 off road (over 100 m away), 812 segments (of 2281 in the network)',
    );
    expect(segmentSummaryText(en, { ...SEGMENTS, incidents: 0, off_road: 3 }, 0)).toMatch(/^2026-08-26 to 2026-11-23: 0 incidents on roads, 3 off road/);
    expect(segmentSummaryText(en, { ...SEGMENTS, incidents: 0, off_road: 0 }, 0)).toBe('No incidents with a position in this period');
  });

  it('explain a clicked segment: count, length, per km, and the statistic’s figures', () => {
    const segment = { segment: 1, count: 5, length_m: 1196.4, per_km: 4.181, i: 17.370297, z: 7.9524, p: 0, class: 'HH' as const };
    expect(segmentFacts(en, 'counts', segment)).toEqual([
      ['Incidents', '5'],
      ['Length', '1196 m'],
      ['Per km', '4.2 per km'],
    ]);
    expect(segmentFacts(zh, 'gi_star', { ...segment, class: 'hot' })).toEqual([
      ['警情数', '5'],
      ['长度', '1196 米'],
      ['每公里', '4.2 起/公里'],
      ['z 得分', '+7.95'],
      ['p 值', '< 0.001'],
      ['类别', '热点'],
    ]);
    expect(segmentFacts(en, 'local_moran', { ...segment, class: null }).map(([label]) => label)).toEqual([
      'Incidents',
      'Length',
      'Per km',
      'Local I',
      'z-score',
      'p-value',
      'Class',
    ]);
    expect(segmentFacts(en, 'local_moran', { ...segment, class: null }).at(-1)).toEqual(['Class', 'Not significant']);
  });
});
