/**
 * The briefing of `GET /api/v1/stats/briefing` (src/server/stats/briefing.cpp) as the
 * console reads it: one period's figures for the centre, a sub-bureau or a station, beside
 * the same period last year (同比) and the period before (环比). Figures the records cannot
 * give (a median without arrivals, a share without orders) arrive as null.
 */

export type BriefingKind = 'daily' | 'weekly' | 'monthly';
export const BRIEFING_KINDS: readonly BriefingKind[] = ['daily', 'weekly', 'monthly'];

/** The eight reporting groups, in the order of the bulletin. */
export const REPORTING_GROUPS = [
  'criminal',
  'public_order',
  'traffic',
  'fire',
  'assistance',
  'dispute',
  'robbery_snatching_theft',
  'telecom_fraud',
] as const;
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

export interface BriefingPeriod {
  /** "day:2026-11-22", "week:2026-W47", "month:2026-11". */
  name: string;
  kind: 'day' | 'week' | 'month';
  begin: string;
  last: string;
  days: number;
  /** Whether the records cover the whole period (a base not covered understates). */
  covered: boolean;
}

/** A count beside its bases; the percentages are null without a base. */
export interface CountRow {
  key: string[];
  current: number;
  last_year: number;
  previous: number;
  yoy_percent: number | null;
  pop_percent: number | null;
  population?: number;
  rate_per_10k?: number;
}

export interface TrendSeries {
  unit: 'hour' | 'day';
  labels: string[];
  current: (number | null)[];
  /** null where the compared period has no such day (the 31st against a 30-day month). */
  last_year: (number | null)[];
  previous: (number | null)[];
}

export interface WithinShare {
  limit_s: number;
  share: number | null;
}

export interface ResponseRow {
  key: string[] | null;
  n: number;
  mean_s?: number;
  median_s?: number;
  p90_s?: number;
  min_s?: number;
  max_s?: number;
  missing: number;
  out_of_order: number;
  within: WithinShare[];
}

export interface ResponseTimes {
  limits_s: number[];
  total: ResponseRow;
  rows: ResponseRow[];
}

export interface LeagueRow {
  key: string;
  n: number;
  within_standard: number | null;
  median_s: number | null;
  rank: number | null;
}

export interface League {
  standard_s: number;
  rows: LeagueRow[];
}

export interface SignFor {
  bounds_s: number[];
  standard_s: number;
  total: { buckets: number[]; within_standard?: number | null; n?: number };
}

export interface HotspotCell {
  /** "line:column" of the grid. */
  key: string;
  count: number;
  south: number;
  west: number;
}

export interface Hotspots {
  cell_metres: number;
  cell_degrees: { lat: number; lon: number };
  /** Busiest first. */
  cells: HotspotCell[];
}

export interface Streak {
  key: string;
  days: number;
  since: string;
  /** The streak runs back to the start of the records: at least this long. */
  at_least: boolean;
}

export interface SafetyPart {
  name: string;
  value: number | null;
  score: number;
  weight: number;
  contribution: number;
}

export interface SafetyScore {
  index: number | null;
  parts: SafetyPart[];
}

export interface SafetyRow {
  key: string;
  now: SafetyScore;
  before: SafetyScore;
  moved_by: string | null;
  moved_by_points: number;
}

export type Alarm =
  | {
      kind: 'rise';
      dimension: 'group' | 'type_level2';
      key: string;
      base: 'last_year' | 'previous';
      current: number;
      before: number;
      percent: number;
    }
  | { kind: 'late_arrivals'; station: string; n: number; within_standard: number; standard_s: number }
  | { kind: 'hotspot'; cell: string; count: number; times_mean: number };

export interface Briefing {
  kind: BriefingKind;
  scope: { level: 'centre' | 'station' | 'district'; code: string };
  period: BriefingPeriod;
  last_year: BriefingPeriod;
  previous: BriefingPeriod;
  officer_initiated: boolean;
  totals: CountRow;
  groups: CountRow[];
  types: CountRow[];
  trend: TrendSeries;
  areas: CountRow[];
  response: ResponseTimes;
  league: League;
  sign_for: SignFor;
  hotspots: Hotspots;
  streaks: Streak[];
  safety: SafetyRow[];
  alarms: Alarm[];
}

/** What a briefing is asked for: the kind, a day in its period and the scope. */
export interface BriefingQuery {
  kind: BriefingKind;
  /** YYYY-MM-DD */
  date: string;
  scope: BriefingScope;
}

export type BriefingScope = { level: 'centre' } | { level: 'station' | 'district'; code: string };
