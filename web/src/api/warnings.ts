/**
 * Early-warning directives (预警指令) as the API sends them (docs/api/openapi.json, schemas
 * Warning, WarningEvidence, WarningList, WarningCommandResult): the server's daily warning
 * watch raises one when a station's count of a reporting group (or type) on a day was
 * beyond expectation; the station acknowledges it with what it will do.
 */

export type WarningMethod = 'ears_c1' | 'ears_c2' | 'ears_c3' | 'historical_limits';

export const WARNING_METHODS: readonly WarningMethod[] = ['ears_c1', 'ears_c2', 'ears_c3', 'historical_limits'];

/** What one method saw on the day: the count against its baseline, the statistic against its threshold. */
export interface WarningEvidence {
  method: WarningMethod;
  /** The day's count (historical limits: the count of the 28 days ending on the day). */
  count: number;
  baseline_mean: number;
  baseline_sd: number;
  /** The baseline's first and last day (YYYY-MM-DD). */
  baseline_first: string;
  baseline_last: string;
  statistic: number;
  threshold: number;
}

export interface WarningSubject {
  /** The centre's local day counted (YYYY-MM-DD). */
  day: string;
  level: 'station' | 'district';
  /** The station's (or sub-bureau's) org code. */
  area: string;
  kind: 'group' | 'type_level1' | 'type_level2';
  /** The reporting group's name (robbery_snatching_theft …) or the type code. */
  code: string;
}

export type WarningStatus = 'raised' | 'acknowledged';

export interface Warning {
  /** "310100-20261122-W000001". */
  id: string;
  subject: WarningSubject;
  /** Every method that fired, at least one. */
  evidence: WarningEvidence[];
  status: WarningStatus;
  raised_at: string;
  raised_by: string;
  acknowledged_at?: string;
  /** The username that acknowledged it; empty while raised. */
  acknowledged_by: string;
  /** What the station said it will do; empty while raised. */
  response: string;
}

/** `GET /api/v1/warnings`: at most `limit` warnings, newest first; `total` counts every match. */
export interface WarningList {
  seq: number;
  total: number;
  warnings: Warning[];
}

/** `POST /api/v1/warnings/{id}/acknowledge`: the warning after the command. */
export interface WarningCommandResult {
  seq: number;
  events: { seq: number; type: string }[];
  warning: Warning;
}

/** Which status filter `GET /api/v1/warnings` takes. */
export type WarningListStatus = 'open' | 'acknowledged' | 'all';

/** The path of the acknowledgement of warning `id`. */
export function acknowledgePath(id: string): string {
  return `/api/v1/warnings/${encodeURIComponent(id)}/acknowledge`;
}
