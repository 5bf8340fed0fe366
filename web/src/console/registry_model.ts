import type { PostKind, PostProfile, SiteProfile, SiteType } from '../api/circles';
import { REGISTRY_CODE } from '../api/circles';
import type { OrgUnit } from './context';

/**
 * The pure part of the registry of key sites and posts: what a form's fields make of a
 * profile, which field a refusal of the server is about, and the stations a site or post
 * can belong to. Tested by registry_model.test.ts.
 */

/** The fields of a site's or post's form, as typed (all text, as inputs hold them). */
export interface SiteFields {
  id: string;
  name: string;
  type: string;
  tier: string;
  station: string;
  lat: string;
  lon: string;
  hours: string;
}

export type PostFields = Omit<SiteFields, 'type' | 'tier' | 'hours'> & { kind: string };

/** What a form checks before asking the server: codes and coordinates (everything else is the server's to refuse). */
export type LocalProblem = 'badCode' | 'notNumber';

/** A coordinate as typed: a finite number ("31.23", " 121.5 "); null for anything else, the empty field included. */
export function readCoordinate(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The problems the form can name before sending, by field. `withId`: the code is typed (a new record). */
export function localProblems(fields: { id: string; lat: string; lon: string }, withId: boolean): Map<string, LocalProblem> {
  const problems = new Map<string, LocalProblem>();
  if (withId && !REGISTRY_CODE.test(fields.id.trim())) problems.set('id', 'badCode');
  if (readCoordinate(fields.lat) === null) problems.set('lat', 'notNumber');
  if (readCoordinate(fields.lon) === null) problems.set('lon', 'notNumber');
  return problems;
}

/** The profile a site's fields describe (names and hours trimmed; the server checks the rest). */
export function siteProfileOf(fields: SiteFields): SiteProfile {
  return {
    name: fields.name.trim(),
    type: fields.type as SiteType,
    tier_s: Number(fields.tier),
    station: fields.station,
    lat: readCoordinate(fields.lat) ?? Number.NaN,
    lon: readCoordinate(fields.lon) ?? Number.NaN,
    hours: fields.hours.trim(),
  };
}

export function postProfileOf(fields: PostFields): PostProfile {
  return {
    name: fields.name.trim(),
    kind: fields.kind as PostKind,
    station: fields.station,
    lat: readCoordinate(fields.lat) ?? Number.NaN,
    lon: readCoordinate(fields.lon) ?? Number.NaN,
  };
}

/** The fields of a profile being edited (coordinates as they are, every digit kept). */
export function siteFieldsOf(id: string, p: SiteProfile): SiteFields {
  return { id, name: p.name, type: p.type, tier: String(p.tier_s), station: p.station, lat: String(p.lat), lon: String(p.lon), hours: p.hours };
}

export function postFieldsOf(id: string, p: PostProfile): PostFields {
  return { id, name: p.name, kind: p.kind, station: p.station, lat: String(p.lat), lon: String(p.lon) };
}

/** Whether an edit changed anything (the server refuses an unchanged profile with 409). */
export function sameProfile(a: SiteProfile | PostProfile, b: SiteProfile | PostProfile): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
}

/**
 * The form field a refusal's `field` is about: the record's code ("site", "post") is the
 * `id` field, a profile member ("profile.lat", or "lat" as some refusals name it) its own
 * field; null when the refusal names no field of the form (then it is shown for the form).
 */
export function fieldOfRefusal(field: string | undefined, known: readonly string[]): string | null {
  if (field === undefined || field === '') return null;
  if (field === 'site' || field === 'post') return 'id';
  const member = field.startsWith('profile.') ? field.slice('profile.'.length) : field;
  const name = member === 'tier_s' ? 'tier' : member;
  return known.includes(name) ? name : null;
}

/** The stations of the city (the org units a site or post can belong to), by name. */
export function stationsOf(org: Iterable<OrgUnit>): OrgUnit[] {
  return [...org].filter((u) => u.level === 'station').sort((a, b) => a.code.localeCompare(b.code));
}
