/**
 * The quick-response circles (1-3-5分钟快反圈) as the API sends them (docs/domain-model.md,
 * Quick-response circles): the key sites (重点部位) that promise a unit within their tier,
 * the posts (驻勤点, PTU patrol areas, checkpoints) units stand at to keep that promise, and
 * the circles as the server's circle watch last saw them (`GET /api/v1/circles`).
 */

import { ApiError } from './errors';

export type SiteType = 'school' | 'hospital' | 'transport_hub' | 'market' | 'government' | 'water_hazard' | 'other';

export const SITE_TYPES: readonly SiteType[] = ['school', 'hospital', 'transport_hub', 'market', 'government', 'water_hazard', 'other'];

/** The promised times in seconds: the 1-, 3- and 5-minute circles. */
export type SiteTier = 60 | 180 | 300;

export const SITE_TIERS: readonly SiteTier[] = [60, 180, 300];

export type PostKind = 'post' | 'patrol_area' | 'checkpoint';

export const POST_KINDS: readonly PostKind[] = ['post', 'patrol_area', 'checkpoint'];

export interface SiteProfile {
  name: string;
  type: SiteType;
  tier_s: number;
  /** The responsible station's org code. */
  station: string;
  lat: number;
  lon: number;
  /** "" around the clock, else spans of the local day: "07:00-18:00" or "07:00-11:30,13:30-17:00". */
  hours: string;
}

/** What the circle watch found best to restore coverage: send `unit` to `post`. */
export interface MoveUp {
  unit: string;
  post: string;
  /** Seconds the unit needs to get to the post. */
  travel_s: number;
  /** How many uncovered sites the move brings back into their circles (net of what it uncovers). */
  restores: number;
}

/** An open coverage gap: no available unit reaches the site within its tier. */
export interface CoverageGap {
  opened_at: string;
  /** The unit whose leaving opened it; empty when not known. */
  left_by: string;
  /** Absent when no unit and post can restore the site. */
  move_up?: MoveUp;
}

export interface KeySite {
  id: string;
  profile: SiteProfile;
  retired: boolean;
  gaps_opened: number;
  gap?: CoverageGap;
}

export interface PostProfile {
  name: string;
  kind: PostKind;
  station: string;
  lat: number;
  lon: number;
}

export interface Post {
  id: string;
  profile: PostProfile;
  retired: boolean;
}

/** One site's circle at the watch's last refresh. */
export interface SiteCircle {
  site: string;
  tier_s: number;
  /** Whether the site needs its circle now (its opening hours). */
  in_hours: boolean;
  /** Seconds by road from the nearest available unit; null when none reaches it at all. */
  time_s: number | null;
  /** That unit's callsign, "" when there is none. */
  unit: string;
  /** In its hours and reached within its tier. */
  covered: boolean;
}

/** `GET /api/v1/circles`. */
export interface CirclesAnswer {
  refreshed_at: string;
  /** Available units placed on the network. */
  units: number;
  in_hours: number;
  covered: number;
  /** How long the refresh took, milliseconds. */
  refresh_ms: number;
  sites: SiteCircle[];
}

/** The answer of a registry command (`POST /api/v1/sites…`, `/posts…`). */
export interface RegistryAnswer {
  seq: number;
  site?: KeySite;
  post?: Post;
}

export const CIRCLES_PATH = '/api/v1/circles';

/** A registry code: what the server takes as a site's or post's id. */
export const REGISTRY_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function sitePath(id: string, action: 'profile' | 'retire'): string {
  return `/api/v1/sites/${encodeURIComponent(id)}/${action}`;
}

export function postPath(id: string, action: 'profile' | 'retire'): string {
  return `/api/v1/posts/${encodeURIComponent(id)}/${action}`;
}

/** Checks the shape of a circles answer; throws an ApiError (malformed) naming what is wrong. */
export function asCirclesAnswer(body: unknown, path = CIRCLES_PATH): CirclesAnswer {
  const fail = (detail: string) => new ApiError({ kind: 'malformed', path, detail });
  if (typeof body !== 'object' || body === null) throw fail('not an object');
  const answer = body as Partial<CirclesAnswer>;
  if (typeof answer.refreshed_at !== 'string') throw fail('refreshed_at is not a string');
  if (!Array.isArray(answer.sites)) throw fail('sites is not a list');
  for (const [i, c] of answer.sites.entries()) {
    const ok =
      typeof c === 'object' &&
      c !== null &&
      typeof c.site === 'string' &&
      typeof c.covered === 'boolean' &&
      typeof c.in_hours === 'boolean' &&
      (c.time_s === null || typeof c.time_s === 'number');
    if (!ok) throw fail(`sites[${i}] is not a site circle`);
  }
  return answer as CirclesAnswer;
}
