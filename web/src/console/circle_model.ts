import type { CirclesAnswer, KeySite, SiteCircle } from '../api/circles';
import type { Role } from '../api/records';

/**
 * What the console makes of the quick-response circles: each key site's state from its
 * record (an open gap, from the stream) and its circle (from the watch's last refresh), the
 * order sites are listed in, the gaps a seat has not been told about yet, and which seats
 * see and edit what. Pure functions, tested by circle_model.test.ts.
 */

/**
 * A site's state, most urgent first: a coverage gap the server opened (an alarm); in its
 * hours but out of reach with no alarm (it was never covered since the server started, or
 * the grace period runs); covered; out of its hours (no promise now); not worked out yet
 * (the circles have not been asked for, or the site is newer than their refresh).
 */
export type SiteState = 'gap' | 'uncovered' | 'covered' | 'out_of_hours' | 'unknown';

export const SITE_STATES: readonly SiteState[] = ['gap', 'uncovered', 'covered', 'out_of_hours', 'unknown'];

/** The seats that see the circles: the whole centre and the stations, not unit terminals (refused 403). */
export function seesCircles(role: Role): boolean {
  return role !== 'unit_terminal';
}

/** The seats that may register, edit and retire key sites and posts. */
export const REGISTRY_ROLES: ReadonlySet<Role> = new Set<Role>(['dispatcher', 'commander', 'admin']);

export function editsRegistry(role: Role): boolean {
  return REGISTRY_ROLES.has(role);
}

/** The seats a coverage gap is an alarm for: those who move units (or tell their station's to). */
export const GAP_ALARM_ROLES: ReadonlySet<Role> = new Set<Role>(['dispatcher', 'commander', 'station_officer']);

export function hearsGapAlarms(role: Role): boolean {
  return GAP_ALARM_ROLES.has(role);
}

/** The circles of an answer by site id. */
export function circlesBySite(answer: CirclesAnswer | null): Map<string, SiteCircle> {
  return new Map((answer?.sites ?? []).map((c) => [c.site, c]));
}

/**
 * A site's state. The record's gap wins over the circle: the stream brings a gap at once,
 * the circles only at the next poll, and a gap stays an alarm until the server closes it.
 */
export function siteState(site: KeySite, circle: SiteCircle | undefined): SiteState {
  if (site.gap) return 'gap';
  if (!circle) return 'unknown';
  if (!circle.in_hours) return 'out_of_hours';
  return circle.covered ? 'covered' : 'uncovered';
}

/** Minutes of a tier (60 → 1), rounded for a tier the console does not know. */
export function tierMinutes(tierS: number): number {
  return Math.max(1, Math.round(tierS / 60));
}

/** A site's state with the site, for lists. */
export interface SiteWithState {
  site: KeySite;
  state: SiteState;
  circle: SiteCircle | undefined;
}

/** The sites with their states, most urgent state first, then the tightest promise, then by name. */
export function sitesInOrder(sites: Iterable<KeySite>, circles: ReadonlyMap<string, SiteCircle>): SiteWithState[] {
  const rank = (state: SiteState) => SITE_STATES.indexOf(state);
  return [...sites]
    .map((site) => {
      const circle = circles.get(site.id);
      return { site, circle, state: siteState(site, circle) };
    })
    .sort(
      (a, b) =>
        rank(a.state) - rank(b.state) ||
        a.site.profile.tier_s - b.site.profile.tier_s ||
        a.site.profile.name.localeCompare(b.site.profile.name, 'zh-CN') ||
        (a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0),
    );
}

/** How many sites are in each state. */
export function stateCounts(sites: readonly SiteWithState[]): Record<SiteState, number> {
  const counts = Object.fromEntries(SITE_STATES.map((s) => [s, 0])) as Record<SiteState, number>;
  for (const { state } of sites) counts[state] += 1;
  return counts;
}

/** The sites with an open gap, the newest gap first. */
export function openGaps(sites: Iterable<KeySite>): KeySite[] {
  return [...sites]
    .filter((s) => s.gap !== undefined)
    .sort((a, b) => (a.gap!.opened_at < b.gap!.opened_at ? 1 : a.gap!.opened_at > b.gap!.opened_at ? -1 : a.id < b.id ? -1 : 1));
}

/** Names one opening of a gap: a gap closed and opened again is a new alarm. */
export function gapKey(site: KeySite): string {
  return site.gap ? `${site.id}@${site.gap.opened_at}` : '';
}

/** The gaps among `touched` that the seat has not been shown (`known`: their gapKeys), newest first. */
export function freshGaps(known: ReadonlySet<string>, touched: Iterable<KeySite>): KeySite[] {
  return openGaps([...touched].filter((s) => s.gap !== undefined && !known.has(gapKey(s))));
}
