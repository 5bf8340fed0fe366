import type { Role } from '../api/records';
import type { Warning } from '../api/warnings';

/**
 * Which directives a console lists and in what order, and which of them are new to it.
 * Pure functions, tested by warning_model.test.ts.
 */

/**
 * The seats that get the warnings panel: the roles that may acknowledge a directive
 * (`POST /api/v1/warnings/{id}/acknowledge`). Unit terminals are refused the list (403);
 * call-takers, analysts and administrators cannot act on it.
 */
export const WARNING_ROLES: ReadonlySet<Role> = new Set<Role>(['dispatcher', 'commander', 'station_officer']);

export function seesWarnings(role: Role): boolean {
  return WARNING_ROLES.has(role);
}

/** Newest day counted first; within a day the one raised last first (ids are serial). */
export function warningOrder(a: Warning, b: Warning): number {
  if (a.subject.day !== b.subject.day) return a.subject.day < b.subject.day ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The directives still to be acknowledged, in panel order. */
export function openWarnings(warnings: Iterable<Warning>): Warning[] {
  const open: Warning[] = [];
  for (const warning of warnings) if (warning.status === 'raised') open.push(warning);
  return open.sort(warningOrder);
}

/**
 * The open directives among `touched` that are not in `known` (the ids the console has
 * already shown as open), in panel order: what a station has not been told about yet.
 */
export function freshlyRaised(known: ReadonlySet<string>, touched: Iterable<Warning>): Warning[] {
  return openWarnings([...touched].filter((w) => !known.has(w.id)));
}
