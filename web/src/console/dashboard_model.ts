import {
  type Alarm,
  type Briefing,
  type BriefingKind,
  type BriefingPeriod,
  type BriefingQuery,
  type BriefingScope,
  type CountRow,
  type Hotspots,
  type League,
  type LeagueRow,
  type ResponseRow,
  type SafetyRow,
  type TrendSeries,
} from '../api/briefing';
import type { Locale } from '../i18n/locales';
import type { Params } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import type { OrgUnit } from './context';
import { groupName } from './reporting_group';

/**
 * The figures of a briefing as the dashboard shows them: the bulletin's way of saying a
 * change (上升 4.35% / 新增), durations as m:ss, shares as percentages, the KPI tiles, the
 * scopes a user may ask for and the query of every request. Pure functions, tested by
 * dashboard_model.test.ts; the views only lay them out.
 */

export type Tr = (key: MessageKey, params?: Params) => string;

/** What is shown where the records give no figure. */
export const NO_VALUE = '—';

/** The shares of this limit make the "arrived within 5 minutes" tile. */
export const FIVE_MINUTES_S = 300;

export type DownloadFormat = 'html' | 'xlsx' | 'pdf';
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['html', 'xlsx', 'pdf'];

// ---------------------------------------------------------------------------
// Days and periods
// ---------------------------------------------------------------------------

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = DAY.exec(day);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** Whether `text` is a calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const p = parseDay(text);
  if (!p) return false;
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d));
  return date.getUTCFullYear() === p.y && date.getUTCMonth() === p.m - 1 && date.getUTCDate() === p.d;
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const p = parseDay(day);
  if (!p) return day;
  return new Date(Date.UTC(p.y, p.m - 1, p.d + n)).toISOString().slice(0, 10);
}

/**
 * The day the server takes when none is given: within the last complete period of the
 * kind before `today` (yesterday, the day a week ago, the last day of last month).
 */
export function defaultDate(kind: BriefingKind, today: string): string {
  if (kind === 'weekly') return addDays(today, -7);
  if (kind === 'monthly') return addDays(`${today.slice(0, 8)}01`, -1);
  return addDays(today, -1);
}

/** A period as the bulletin names it: "2026年11月22日", "Week 47 of 2026 (16 November – 22 November)". */
export function periodText(tr: Tr, period: BriefingPeriod): string {
  const begin = parseDay(period.begin);
  const last = parseDay(period.last);
  if (!begin || !last) return period.name;
  const month = (m: number) => tr(`dash.month.${m}` as MessageKey);
  if (period.kind === 'day') return tr('dash.period.day', { y: begin.y, month: month(begin.m), d: begin.d });
  if (period.kind === 'month') return tr('dash.period.month', { y: begin.y, month: month(begin.m) });
  const week = /^week:(\d{4})-W(\d{1,2})$/.exec(period.name);
  if (!week) return `${period.begin} – ${period.last}`;
  return tr('dash.period.week', {
    y: Number(week[1]),
    w: Number(week[2]),
    begin: tr('dash.period.dayShort', { month: month(begin.m), d: begin.d }),
    end: tr('dash.period.dayShort', { month: month(last.m), d: last.d }),
  });
}

/** The trend's axis labels: hours as given ("00"–"23"), days as "11-22". */
export function trendLabels(trend: TrendSeries): string[] {
  return trend.unit === 'day' ? trend.labels.map((label) => (isDay(label) ? label.slice(5) : label)) : trend.labels;
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/** A count as a whole number; "—" when there is none. */
export function countText(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(Math.round(n)) : NO_VALUE;
}

/** A percentage change without its sign, two decimals: "4.35%". */
export function percentText(percent: number): string {
  return `${Math.abs(percent).toFixed(2)}%`;
}

/**
 * A change against a base as the bulletin says it: 上升4.35% / up 4.35%, 下降…, 持平 /
 * unchanged, and 新增 / new when there was nothing to compare with.
 */
export function changeText(tr: Tr, percent: number | null | undefined, current: number, base: number): string {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) {
    return base === 0 && current > 0 ? tr('dash.change.new') : tr('dash.change.flat');
  }
  if (percent === 0 || percentText(percent) === '0.00%') return tr('dash.change.flat');
  return tr(percent > 0 ? 'dash.change.up' : 'dash.change.down', { pct: percentText(percent) });
}

/** Seconds as minutes and seconds, "5:43" ("65:02" past the hour); "—" when there are none. */
export function durationText(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return NO_VALUE;
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A share from 0 to 1 as "41.2%"; "—" when there is none. */
export function shareText(share: number | null | undefined): string {
  if (typeof share !== 'number' || !Number.isFinite(share)) return NO_VALUE;
  return `${(share * 100).toFixed(1)}%`;
}

/** A limit in seconds as minutes: 300 → "5", 90 → "1.5". */
export function minutesText(seconds: number): string {
  return String(Math.round((seconds / 60) * 10) / 10);
}

/** A figure with an explicit sign and two decimals: "+3.20", "-1.05". */
export function signedText(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '-' : '±'}${Math.abs(n).toFixed(2)}`;
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/** The query string parameters of a briefing (`kind`, `date`, `station` or `district`). */
export function briefingParams(query: BriefingQuery): Record<string, string> {
  const params: Record<string, string> = { kind: query.kind, date: query.date };
  if (query.scope.level !== 'centre') params[query.scope.level] = query.scope.code;
  return params;
}

/** The URL of the briefing as a document to download, in the interface language. */
export function downloadPath(query: BriefingQuery, format: DownloadFormat, locale: Locale): string {
  const params = new URLSearchParams({ format, lang: locale === 'en' ? 'en' : 'zh', ...briefingParams(query) });
  return `/api/v1/reports/briefing?${params.toString()}`;
}

// ---------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------

/** A scope as the value of a <select>: "centre", "station:CODE", "district:CODE". */
export function scopeValue(scope: BriefingScope): string {
  return scope.level === 'centre' ? 'centre' : `${scope.level}:${scope.code}`;
}

export function parseScope(value: string): BriefingScope {
  const colon = value.indexOf(':');
  const level = value.slice(0, colon);
  if ((level === 'station' || level === 'district') && colon + 1 < value.length) return { level, code: value.slice(colon + 1) };
  return { level: 'centre' };
}

/**
 * The scopes a user may ask for, from the organisation tree: the whole city, every
 * sub-bureau and station for a city-wide user; a sub-bureau's user their sub-bureau and
 * its stations; a station's user their station only. The first is the default.
 */
export function scopeChoices(userScope: string, org: ReadonlyMap<string, OrgUnit>): BriefingScope[] {
  const home = org.get(userScope);
  const byCode = (a: OrgUnit, b: OrgUnit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const units = [...org.values()].sort(byCode);
  if (!home) return [{ level: 'centre' }];
  if (home.level === 'station') return [{ level: 'station', code: home.code }];
  if (home.level === 'sub_bureau') {
    return [
      { level: 'district', code: home.code },
      ...units.filter((u) => u.level === 'station' && u.parent === home.code).map((u): BriefingScope => ({ level: 'station', code: u.code })),
    ];
  }
  return [
    { level: 'centre' },
    ...units.filter((u) => u.level === 'sub_bureau').map((u): BriefingScope => ({ level: 'district', code: u.code })),
    ...units.filter((u) => u.level === 'station').map((u): BriefingScope => ({ level: 'station', code: u.code })),
  ];
}

// ---------------------------------------------------------------------------
// Tiles and rows
// ---------------------------------------------------------------------------

export type KpiId = 'total' | 'criminal' | 'median-arrival' | 'within-5min' | 'sign-for' | 'alarms';

export interface KpiTile {
  id: KpiId;
  label: string;
  value: string;
  /** The figure itself (null without one), for tests and sorting. */
  raw: number | null;
  notes: string[];
}

export function groupRow(briefing: Briefing, group: string): CountRow | undefined {
  return briefing.groups.find((row) => row.key[0] === group);
}

/** The share of a response row within `limit_s`, null when the row has none. */
export function withinShare(row: ResponseRow, limit_s: number): number | null {
  return row.within.find((w) => w.limit_s === limit_s)?.share ?? null;
}

function countNotes(tr: Tr, row: CountRow): string[] {
  return [
    tr('dash.kpi.yoy', { change: changeText(tr, row.yoy_percent, row.current, row.last_year), n: row.last_year }),
    tr('dash.kpi.pop', { change: changeText(tr, row.pop_percent, row.current, row.previous), n: row.previous }),
  ];
}

/** The tiles across the top: the bulletin's overview, figure by figure. */
export function kpiTiles(briefing: Briefing, tr: Tr): KpiTile[] {
  const { totals, response, sign_for: signFor } = briefing;
  const criminal = groupRow(briefing, 'criminal');
  const within5 = withinShare(response.total, FIVE_MINUTES_S);
  const median = response.total.median_s ?? null;
  const signedInTime = signFor.total.within_standard ?? null;
  return [
    { id: 'total', label: tr('dash.kpi.total'), value: countText(totals.current), raw: totals.current, notes: countNotes(tr, totals) },
    {
      id: 'criminal',
      label: tr('dash.kpi.criminal'),
      value: countText(criminal?.current ?? 0),
      raw: criminal?.current ?? 0,
      notes: criminal ? countNotes(tr, criminal) : [],
    },
    {
      id: 'median-arrival',
      label: tr('dash.kpi.medianArrival'),
      value: durationText(median),
      raw: median,
      notes: [tr('dash.kpi.arrivals', { n: response.total.n })],
    },
    { id: 'within-5min', label: tr('dash.kpi.within5min'), value: shareText(within5), raw: within5, notes: [] },
    {
      id: 'sign-for',
      label: tr('dash.kpi.signFor'),
      value: shareText(signedInTime),
      raw: signedInTime,
      notes: [tr('dash.kpi.signForNote', { s: signFor.standard_s })],
    },
    { id: 'alarms', label: tr('dash.kpi.alarms'), value: countText(briefing.alarms.length), raw: briefing.alarms.length, notes: [] },
  ];
}

export { groupName };

/** The parts of the safety index (src/analytics), in the order the bulletin lists them. */
export const SAFETY_PARTS = ['rate', 'trend', 'clearance', 'response'] as const;

/** The part of a safety index that moved it most since the period before, with its points. */
export function movedByText(tr: Tr, row: SafetyRow): string {
  if (!row.moved_by) return NO_VALUE;
  const known = (SAFETY_PARTS as readonly string[]).includes(row.moved_by);
  const part = known ? tr(`dash.part.${row.moved_by}` as MessageKey) : row.moved_by;
  return tr('dash.movedBy', { part, points: signedText(row.moved_by_points) });
}

/** The league's stations best first (rank 1 at the top), those without a rank last. */
export function leagueOrder(league: League): LeagueRow[] {
  return [...league.rows].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || (a.key < b.key ? -1 : 1));
}

export interface HotspotGrid {
  /** West edges of the columns, as axis labels. */
  lons: string[];
  /** South edges of the lines, as axis labels. */
  lats: string[];
  /** [column, line, count] of every busy cell. */
  cells: [number, number, number][];
  max: number;
}

/**
 * The hotspot cells laid on a grid by their south-west corners: the column and line of a
 * cell count cell widths from the westmost and southmost cell, so the picture keeps the
 * map's orientation (north up, east right).
 */
export function hotspotGrid(hotspots: Hotspots): HotspotGrid {
  const { cells } = hotspots;
  if (cells.length === 0) return { lons: [], lats: [], cells: [], max: 0 };
  const dLat = hotspots.cell_degrees.lat > 0 ? hotspots.cell_degrees.lat : 1;
  const dLon = hotspots.cell_degrees.lon > 0 ? hotspots.cell_degrees.lon : 1;
  const west = Math.min(...cells.map((c) => c.west));
  const south = Math.min(...cells.map((c) => c.south));
  const placed = cells.map((c): [number, number, number] => [Math.round((c.west - west) / dLon), Math.round((c.south - south) / dLat), c.count]);
  const columns = Math.max(...placed.map((p) => p[0])) + 1;
  const lines = Math.max(...placed.map((p) => p[1])) + 1;
  return {
    lons: Array.from({ length: columns }, (_, i) => (west + i * dLon).toFixed(4)),
    lats: Array.from({ length: lines }, (_, i) => (south + i * dLat).toFixed(4)),
    cells: placed,
    max: Math.max(...cells.map((c) => c.count)),
  };
}

/** Names of codes in the interface language (the console context resolves them). */
export interface Names {
  type(code: string): string;
  org(code: string): string;
}

/** An alarm in a sentence. */
export function alarmText(tr: Tr, alarm: Alarm, names: Names): string {
  switch (alarm.kind) {
    case 'rise':
      return tr('dash.alarm.riseText', {
        name: alarm.dimension === 'group' ? groupName(tr, alarm.key) : names.type(alarm.key),
        current: alarm.current,
        before: alarm.before,
        base: tr(alarm.base === 'last_year' ? 'dash.alarm.base.last_year' : 'dash.alarm.base.previous'),
        pct: percentText(alarm.percent),
      });
    case 'late_arrivals':
      return tr('dash.alarm.lateText', {
        station: names.org(alarm.station),
        share: shareText(alarm.within_standard),
        min: minutesText(alarm.standard_s),
        n: alarm.n,
      });
    case 'hotspot':
      return tr('dash.alarm.hotspotText', { cell: alarm.cell, count: alarm.count, times: alarm.times_mean.toFixed(1) });
  }
}

/** The bases the records do not cover, whose comparisons understate. */
export function uncovered(briefing: Briefing): ('period' | 'last_year' | 'previous')[] {
  return (['period', 'last_year', 'previous'] as const).filter((p) => !briefing[p].covered);
}
