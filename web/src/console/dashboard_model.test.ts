import { describe, expect, it } from 'vitest';
import type { Briefing, CountRow, ResponseRow } from '../api/briefing';
import type { Locale } from '../i18n/locales';
import { t } from '../i18n/translate';
import type { OrgUnit } from './context';
import {
  addDays,
  alarmText,
  briefingParams,
  changeText,
  countText,
  defaultDate,
  downloadPath,
  durationText,
  groupName,
  hotspotGrid,
  isDay,
  kpiTiles,
  leagueOrder,
  minutesText,
  movedByText,
  parseScope,
  periodText,
  scopeChoices,
  scopeValue,
  shareText,
  trendLabels,
  uncovered,
  type Tr,
} from './dashboard_model';

const zh: Tr = (key, params) => t('zh-CN', key, params);
const en: Tr = (key, params) => t('en', key, params);
const tr = (locale: Locale): Tr => (locale === 'en' ? en : zh);

const counts = (key: string, current: number, lastYear: number, previous: number): CountRow => ({
  key: [key],
  current,
  last_year: lastYear,
  previous,
  yoy_percent: lastYear === 0 ? null : ((current - lastYear) * 100) / lastYear,
  pop_percent: previous === 0 ? null : ((current - previous) * 100) / previous,
});

const responseRow = (key: string[] | null, n: number, median: number): ResponseRow => ({
  key,
  n,
  mean_s: median + 20,
  median_s: median,
  p90_s: median * 1.5,
  missing: 2,
  out_of_order: 1,
  within: [
    { limit_s: 60, share: 0.05 },
    { limit_s: 180, share: 0.3 },
    { limit_s: 300, share: 0.6 },
  ],
});

/** The briefing of tests/report/sample_briefing.h, in TypeScript. */
function sample(): Briefing {
  const period = (name: string, begin: string, covered: boolean) => ({ name, kind: 'day' as const, begin, last: begin, days: 1, covered });
  const groups = ['criminal', 'public_order', 'traffic', 'fire', 'assistance', 'dispute', 'robbery_snatching_theft', 'telecom_fraud'];
  const now = [31, 42, 55, 2, 60, 25, 12, 7];
  const yearBefore = [40, 30, 50, 0, 58, 25, 15, 9];
  const parts = [
    { name: 'rate', value: 3.1, score: 62, weight: 0.4, contribution: 24.8 },
    { name: 'trend', value: -10, score: 55, weight: 0.2, contribution: 11 },
  ];
  return {
    kind: 'daily',
    scope: { level: 'centre', code: '' },
    period: period('day:2026-11-22', '2026-11-22', true),
    last_year: period('day:2025-11-22', '2025-11-22', false),
    previous: period('day:2026-11-21', '2026-11-21', true),
    officer_initiated: true,
    totals: counts('', 212, 200, 220),
    groups: groups.map((g, i) => counts(g, now[i] ?? 0, yearBefore[i] ?? 0, (now[i] ?? 0) + 1)),
    types: [counts('0105', 19, 10, 12)],
    trend: { unit: 'hour', labels: ['00', '01'], current: [2, 9], last_year: [0, 1], previous: [0, 1] },
    areas: [counts('S<1>', 150, 140, 160)],
    response: { limits_s: [60, 180, 300], total: responseRow(null, 180, 343), rows: [responseRow(['1'], 30, 290)] },
    league: {
      standard_s: 900,
      rows: [
        { key: 'S<1>', n: 140, within_standard: 0.71, median_s: 520, rank: 2 },
        { key: 'S3', n: 0, within_standard: null, median_s: null, rank: null },
        { key: 'S2', n: 60, within_standard: 0.95, median_s: 400, rank: 1 },
      ],
    },
    sign_for: { bounds_s: [30, 60], standard_s: 60, total: { buckets: [150, 40, 10], within_standard: 0.95 } },
    hotspots: {
      cell_metres: 500,
      cell_degrees: { lat: 0.0045, lon: 0.0052 },
      cells: [
        { key: '3:4', count: 14, south: 30.0135, west: 120.0208 },
        { key: '3:5', count: 6, south: 30.0135, west: 120.026 },
        { key: '1:1', count: 2, south: 30.0045, west: 120.0052 },
      ],
    },
    streaks: [{ key: 'S2', days: 43, since: '2026-10-10', at_least: false }],
    safety: [{ key: 'S2', now: { index: 67.8, parts }, before: { index: 64.1, parts }, moved_by: 'trend', moved_by_points: 3.2 }],
    alarms: [
      { kind: 'rise', dimension: 'group', key: 'public_order', base: 'last_year', current: 42, before: 30, percent: 40 },
      { kind: 'late_arrivals', station: 'S<1>', n: 140, within_standard: 0.71, standard_s: 900 },
      { kind: 'hotspot', cell: '3:4', count: 14, times_mean: 1.9 },
    ],
  };
}

describe('days', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('defaults to the last complete period, as the server does', () => {
    expect(defaultDate('daily', '2026-11-23')).toBe('2026-11-22');
    expect(defaultDate('weekly', '2026-11-23')).toBe('2026-11-16');
    expect(defaultDate('monthly', '2026-11-23')).toBe('2026-10-31');
    expect(defaultDate('monthly', '2026-01-05')).toBe('2025-12-31');
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2026-11-23')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-11-2')).toBe(false);
  });

  it('names periods as the bulletin does', () => {
    const day = { name: 'day:2026-11-22', kind: 'day' as const, begin: '2026-11-22', last: '2026-11-22', days: 1, covered: true };
    expect(periodText(zh, day)).toBe('2026年11月22日');
    expect(periodText(en, day)).toBe('22 November 2026');
    const week = { name: 'week:2026-W47', kind: 'week' as const, begin: '2026-11-16', last: '2026-11-22', days: 7, covered: true };
    expect(periodText(zh, week)).toBe('2026年第47周（11月16日—11月22日）');
    expect(periodText(en, week)).toBe('Week 47 of 2026 (16 November – 22 November)');
    const month = { name: 'month:2026-11', kind: 'month' as const, begin: '2026-11-01', last: '2026-11-30', days: 30, covered: true };
    expect(periodText(zh, month)).toBe('2026年11月');
    expect(periodText(en, month)).toBe('November 2026');
  });

  it('shortens the days of a trend and keeps the hours', () => {
    expect(trendLabels({ unit: 'day', labels: ['2026-11-01', '2026-11-02'], current: [], last_year: [], previous: [] })).toEqual(['11-01', '11-02']);
    expect(trendLabels({ unit: 'hour', labels: ['00', '23'], current: [], last_year: [], previous: [] })).toEqual(['00', '23']);
  });
});

describe('numbers', () => {
  it('says a change as the bulletin says it', () => {
    expect(changeText(zh, ((212 - 200) * 100) / 200, 212, 200)).toBe('上升6.00%');
    expect(changeText(en, ((212 - 200) * 100) / 200, 212, 200)).toBe('up 6.00%');
    expect(changeText(zh, ((212 - 220) * 100) / 220, 212, 220)).toBe('下降3.64%');
    expect(changeText(en, -3.636, 212, 220)).toBe('down 3.64%');
    expect(changeText(zh, null, 5, 0)).toBe('新增');
    expect(changeText(en, null, 5, 0)).toBe('new');
    expect(changeText(zh, null, 0, 0)).toBe('持平');
    expect(changeText(en, 0, 7, 7)).toBe('unchanged');
    expect(changeText(en, 0.001, 7, 7)).toBe('unchanged');
  });

  it('writes durations as m:ss, shares and counts, with a dash for none', () => {
    expect(durationText(343)).toBe('5:43');
    expect(durationText(59.6)).toBe('1:00');
    expect(durationText(3902)).toBe('65:02');
    expect(durationText(undefined)).toBe('—');
    expect(durationText(null)).toBe('—');
    expect(shareText(0.412)).toBe('41.2%');
    expect(shareText(1)).toBe('100.0%');
    expect(shareText(null)).toBe('—');
    expect(countText(12)).toBe('12');
    expect(countText(undefined)).toBe('—');
    expect(minutesText(300)).toBe('5');
    expect(minutesText(90)).toBe('1.5');
  });
});

describe('requests', () => {
  it('asks for the centre without a scope parameter and for a station or district by code', () => {
    expect(briefingParams({ kind: 'daily', date: '2026-11-22', scope: { level: 'centre' } })).toEqual({ kind: 'daily', date: '2026-11-22' });
    expect(briefingParams({ kind: 'weekly', date: '2026-11-22', scope: { level: 'station', code: '996301001' } })).toEqual({
      kind: 'weekly',
      date: '2026-11-22',
      station: '996301001',
    });
    expect(briefingParams({ kind: 'monthly', date: '2026-11-22', scope: { level: 'district', code: '996301' } })).toEqual({
      kind: 'monthly',
      date: '2026-11-22',
      district: '996301',
    });
  });

  it('downloads in the interface language and the format asked for', () => {
    const query = { kind: 'daily' as const, date: '2026-11-22', scope: { level: 'station' as const, code: 'S1' } };
    expect(downloadPath(query, 'xlsx', 'zh-CN')).toBe('/api/v1/reports/briefing?format=xlsx&lang=zh&kind=daily&date=2026-11-22&station=S1');
    expect(downloadPath(query, 'pdf', 'en')).toBe('/api/v1/reports/briefing?format=pdf&lang=en&kind=daily&date=2026-11-22&station=S1');
  });
});

describe('scopes', () => {
  const org = new Map<string, OrgUnit>(
    [
      { code: 'C', name: '市局', name_en: 'City', level: 'city', parent: null },
      { code: 'D1', name: '一分局', name_en: 'D1', level: 'sub_bureau', parent: 'C' },
      { code: 'S2', name: '二所', name_en: 'S2', level: 'station', parent: 'D1' },
      { code: 'S1', name: '一所', name_en: 'S1', level: 'station', parent: 'D1' },
      { code: 'S9', name: '九所', name_en: 'S9', level: 'station', parent: 'C' },
    ].map((u) => [u.code, u]),
  );

  it('offers a city-wide user the city, every sub-bureau and every station', () => {
    expect(scopeChoices('C', org).map(scopeValue)).toEqual(['centre', 'district:D1', 'station:S1', 'station:S2', 'station:S9']);
  });

  it('offers a sub-bureau its own stations and a station only itself', () => {
    expect(scopeChoices('D1', org).map(scopeValue)).toEqual(['district:D1', 'station:S1', 'station:S2']);
    expect(scopeChoices('S2', org).map(scopeValue)).toEqual(['station:S2']);
  });

  it('falls back to the centre without an organisation tree', () => {
    expect(scopeChoices('C', new Map()).map(scopeValue)).toEqual(['centre']);
  });

  it('round-trips scope values', () => {
    for (const value of ['centre', 'district:D1', 'station:S1']) expect(scopeValue(parseScope(value))).toBe(value);
    expect(parseScope('station:')).toEqual({ level: 'centre' });
    expect(parseScope('junk')).toEqual({ level: 'centre' });
  });
});

describe('tiles and rows', () => {
  it('fills the tiles from the overview of the briefing', () => {
    const tiles = kpiTiles(sample(), zh);
    const by = Object.fromEntries(tiles.map((tile) => [tile.id, tile]));
    expect(tiles.map((tile) => tile.id)).toEqual(['total', 'criminal', 'median-arrival', 'within-5min', 'sign-for', 'alarms']);
    expect(by.total?.value).toBe('212');
    expect(by.total?.notes).toEqual(['同比上升6.00%（去年同期 200 起）', '环比下降3.64%（上期 220 起）']);
    expect(by.criminal?.value).toBe('31');
    expect(by.criminal?.notes[0]).toBe('同比下降22.50%（去年同期 40 起）');
    expect(by['median-arrival']?.value).toBe('5:43');
    expect(by['within-5min']?.value).toBe('60.0%');
    expect(by['sign-for']?.value).toBe('95.0%');
    expect(by.alarms?.value).toBe('3');
    expect(kpiTiles(sample(), en).find((tile) => tile.id === 'total')?.notes[0]).toBe('Year on year up 6.00% (last year 200)');
  });

  it('shows dashes where the records give no response figures', () => {
    const b = sample();
    b.response.total = { key: null, n: 0, missing: 0, out_of_order: 0, within: [{ limit_s: 300, share: null }] };
    b.sign_for.total.within_standard = null;
    const by = Object.fromEntries(kpiTiles(b, en).map((tile) => [tile.id, tile]));
    expect(by['median-arrival']?.value).toBe('—');
    expect(by['within-5min']?.value).toBe('—');
    expect(by['sign-for']?.value).toBe('—');
  });

  it('names groups, parts and alarms in both languages', () => {
    expect(groupName(zh, 'robbery_snatching_theft')).toBe('两抢一盗');
    expect(groupName(en, 'telecom_fraud')).toBe('Telecom fraud');
    expect(groupName(en, 'unknown')).toBe('unknown');
    const row = sample().safety[0];
    if (!row) throw new Error('no safety row');
    expect(movedByText(zh, row)).toBe('趋势（+3.20 分）');
    expect(movedByText(en, { ...row, moved_by: null })).toBe('—');
    const names = { type: (c: string) => `T${c}`, org: (c: string) => `O${c}` };
    const [rise, late, hot] = sample().alarms;
    if (!rise || !late || !hot) throw new Error('no alarms');
    expect(alarmText(tr('zh-CN'), rise, names)).toBe('治安：本期 42 起，较去年同期（30 起）上升 40.00%');
    expect(alarmText(tr('en'), late, names)).toBe('OS<1>: 71.0% arrived within 15 min (140 incidents)');
    expect(alarmText(tr('en'), hot, names)).toBe('Cell 3:4: 14 incidents, 1.9 × the mean cell');
  });

  it('orders the league best first with unranked stations last', () => {
    expect(leagueOrder(sample().league).map((r) => r.key)).toEqual(['S2', 'S<1>', 'S3']);
  });

  it('lays the hotspot cells on a grid by their south-west corners', () => {
    const grid = hotspotGrid(sample().hotspots);
    expect(grid.cells).toEqual([
      [3, 2, 14],
      [4, 2, 6],
      [0, 0, 2],
    ]);
    expect(grid.lons).toHaveLength(5);
    expect(grid.lats).toHaveLength(3);
    expect(grid.lons[0]).toBe('120.0052');
    expect(grid.lats[2]).toBe('30.0135');
    expect(grid.max).toBe(14);
    expect(hotspotGrid({ cell_metres: 500, cell_degrees: { lat: 0.0045, lon: 0.0052 }, cells: [] }).cells).toEqual([]);
  });

  it('lists the bases the records do not cover', () => {
    expect(uncovered(sample())).toEqual(['last_year']);
  });
});
