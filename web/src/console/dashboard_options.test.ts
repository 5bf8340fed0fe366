import { describe, expect, it } from 'vitest';
import type { Briefing, CountRow } from '../api/briefing';
import { t } from '../i18n/translate';
import type { Tr } from './dashboard_model';
import { CHART_PALETTES, chartLook, groupsOption, hotspotsOption, leagueOption, trendOption } from './dashboard_options';
import { contrast } from './palette';

const en: Tr = (key, params) => t('en', key, params);
const zh: Tr = (key, params) => t('zh-CN', key, params);
const names = { type: (c: string) => c, org: (c: string) => `org ${c}` };

const row = (key: string, current: number, lastYear: number): CountRow => ({
  key: [key],
  current,
  last_year: lastYear,
  previous: 0,
  yoy_percent: null,
  pop_percent: null,
});

function briefing(): Briefing {
  const period = { name: 'month:2026-03', kind: 'month' as const, begin: '2026-03-01', last: '2026-03-31', days: 31, covered: true };
  const groups = ['criminal', 'public_order', 'traffic', 'fire', 'assistance', 'dispute', 'robbery_snatching_theft', 'telecom_fraud'];
  return {
    kind: 'monthly',
    scope: { level: 'centre', code: '' },
    period,
    last_year: period,
    previous: { ...period, name: 'month:2026-02', begin: '2026-02-01', last: '2026-02-28', days: 28 },
    officer_initiated: true,
    totals: row('', 10, 8),
    groups: groups.map((g, i) => row(g, i, 8 - i)),
    types: [],
    trend: { unit: 'day', labels: ['2026-03-29', '2026-03-30', '2026-03-31'], current: [1, 2, 3], last_year: [0, 1, 1], previous: [4, null, null] },
    areas: [],
    response: { limits_s: [300], total: { key: null, n: 0, missing: 0, out_of_order: 0, within: [] }, rows: [] },
    league: {
      standard_s: 900,
      rows: [
        { key: 'B', n: 3, within_standard: 0.5, median_s: 700, rank: 2 },
        { key: 'A', n: 4, within_standard: 0.875, median_s: 500, rank: 1 },
        { key: 'C', n: 0, within_standard: null, median_s: null, rank: null },
      ],
    },
    sign_for: { bounds_s: [30, 60], standard_s: 60, total: { buckets: [0, 0, 0], within_standard: null } },
    hotspots: { cell_metres: 500, cell_degrees: { lat: 0.01, lon: 0.01 }, cells: [{ key: '0:0', count: 4, south: 30, west: 120 }] },
    streaks: [],
    safety: [],
    alarms: [],
  };
}

describe('chart options', () => {
  it('draws the eight groups, this period beside last year, named in the interface language', () => {
    const option = groupsOption(briefing(), zh, chartLook('night', false)) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toHaveLength(8);
    expect(option.xAxis.data[0]).toBe('刑事');
    expect(option.series.map((s) => s.name)).toEqual(['本期', '去年同期']);
    expect(option.series[0]?.data).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves gaps in the trend where a compared period has no such day', () => {
    const option = trendOption(briefing(), en, chartLook('day', false)) as { xAxis: { data: string[] }; series: { data: unknown[]; connectNulls: boolean }[] };
    expect(option.xAxis.data).toEqual(['03-29', '03-30', '03-31']);
    expect(option.series[2]?.data).toEqual([4, '-', '-']);
    expect(option.series.every((s) => s.connectNulls === false)).toBe(true);
  });

  it('ranks the league best first, in percent, with unranked stations empty', () => {
    const option = leagueOption(briefing(), en, names, chartLook('day', false)) as { yAxis: { data: string[]; inverse: boolean }; series: { data: unknown[] }[] };
    expect(option.yAxis.data).toEqual(['org A', 'org B', 'org C']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series[0]?.data).toEqual([87.5, 50, '-']);
  });

  it('colours the hotspots up to the busiest cell', () => {
    const option = hotspotsOption(briefing(), en, chartLook('day', false)) as { visualMap: { max: number; inRange: { color: string[] } }; series: { data: unknown[] }[] };
    expect(option.visualMap.max).toBe(4);
    expect(option.visualMap.inRange.color).toEqual(CHART_PALETTES.day.heat);
    expect(option.series[0]?.data).toEqual([[0, 0, 4]]);
  });

  it('draws the big screen dark and larger, whatever the desk’s theme', () => {
    expect(chartLook('day', true)).toEqual({ palette: CHART_PALETTES.night, scale: 1.6 });
    expect(chartLook('day', false).palette).toBe(CHART_PALETTES.day);
  });

  it('keeps chart text readable on the panels of each theme', () => {
    const panels = { night: ['#101d2e', '#0b1726'], day: ['#ffffff'] } as const;
    for (const theme of ['night', 'day'] as const) {
      for (const panel of panels[theme]) {
        expect(contrast(CHART_PALETTES[theme].text, panel), `${theme} text`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(CHART_PALETTES[theme].muted, panel), `${theme} muted`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
