import { HOTSPOT_METHODS, type HotspotMethod } from '../api/cell_maps';
import { isSegmentMethod, SEGMENT_METHODS, type HotspotUnits } from '../api/segment_map';
import { defaultDate } from './dashboard_model';

/**
 * What the hotspot layer asks `GET /api/v1/stats/hotspots` for: the units the incidents are
 * counted on (square cells or street segments), a method and a period.
 * The periods are the dashboard's (yesterday, last week, last month: the last complete
 * day, week and month its briefings default to) and two rolling windows ending today,
 * the last 90 days being the default: long enough for a statistic to find clusters in a
 * station's records, short enough to be this season's picture.
 */

export type HotspotPeriodChoice = 'rolling90' | 'rolling28' | 'daily' | 'weekly' | 'monthly';
export const HOTSPOT_PERIODS: readonly HotspotPeriodChoice[] = ['rolling90', 'rolling28', 'daily', 'weekly', 'monthly'];
export const DEFAULT_HOTSPOT_PERIOD: HotspotPeriodChoice = 'rolling90';
export const DEFAULT_HOTSPOT_METHOD: HotspotMethod = 'counts';
export const DEFAULT_HOTSPOT_UNITS: HotspotUnits = 'cells';

export interface HotspotQuery {
  on: HotspotUnits;
  method: HotspotMethod;
  period: HotspotPeriodChoice;
}

/** The ISO 8601 week of a day written YYYY-MM-DD: "2026-W47" (weeks run Monday to Sunday). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = Date.UTC(y, m - 1, d);
  const DAY_MS = 86_400_000;
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // A week belongs to the year that holds its Thursday; week 1 holds 4 January.
  const thursday = date + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.floor((thursday - firstMonday) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The API's `period` for a choice, `today` being the centre's day (YYYY-MM-DD). */
export function periodParam(choice: HotspotPeriodChoice, today: string): string {
  switch (choice) {
    case 'rolling90':
      return `rolling:90:${today}`;
    case 'rolling28':
      return `rolling:28:${today}`;
    case 'daily':
      return `day:${defaultDate('daily', today)}`;
    case 'weekly':
      return `week:${isoWeek(defaultDate('weekly', today))}`;
    case 'monthly':
      return `month:${defaultDate('monthly', today).slice(0, 7)}`;
  }
}

/** The methods the server computes on `on`: all four on cells, all but kernel density on segments. */
export function methodsOn(on: HotspotUnits): readonly HotspotMethod[] {
  return on === 'segments' ? SEGMENT_METHODS : HOTSPOT_METHODS;
}

/**
 * The query with its units changed to `on`, keeping the method and period where the new
 * units allow them: kernel density has no street-segment form, so it becomes counts.
 */
export function withUnits(query: HotspotQuery, on: HotspotUnits): HotspotQuery {
  const method = on === 'segments' && !isSegmentMethod(query.method) ? DEFAULT_HOTSPOT_METHOD : query.method;
  return { ...query, on, method };
}

/**
 * The query string parameters of a hotspot map. Cells are the API's default units and are
 * not named; segments take the server's own snapping distance. A method the units do not
 * allow is never sent (see withUnits).
 */
export function hotspotParams(query: HotspotQuery, today: string): Record<string, string> {
  const { method } = withUnits(query, query.on);
  const period = periodParam(query.period, today);
  return query.on === 'segments' ? { on: 'segments', method, period } : { method, period };
}
