import type * as GeoJSON from 'geojson';
import { ApiError } from './errors';

/**
 * The two cell maps of the statistics API as the console reads them: the hotspot map of
 * `GET /api/v1/stats/hotspots` and the patrol plan of
 * `GET /api/v1/forecast/patrol-plan?format=geojson` (docs/forecasting.md). Both are GeoJSON
 * FeatureCollections of square cells (Polygons in longitude, latitude) whose collection
 * `properties` say what was computed. The hotspot map on street segments instead of cells
 * is typed in segment_map.ts.
 */

export type HotspotMethod = 'counts' | 'kde' | 'gi_star' | 'local_moran';
export const HOTSPOT_METHODS: readonly HotspotMethod[] = ['counts', 'kde', 'gi_star', 'local_moran'];

/** Gi*: hot or cold; local Moran's I: the quadrant. Only where p < alpha, else null. */
export type HotspotClass = 'hot' | 'cold' | 'HH' | 'LL' | 'HL' | 'LH';

/** One cell of a hotspot map; the statistics' members come with their method only. */
export interface HotspotCell {
  cell: number;
  count: number;
  /** kde: incidents per km² at the cell's centre. */
  density_per_km2?: number;
  /** local_moran: the local statistic. */
  i?: number;
  /** gi_star, local_moran. */
  z?: number;
  p?: number;
  class?: HotspotClass | null;
}

export interface HotspotPeriod {
  /** "rolling:90:2026-11-23", "month:2026-10", … */
  name: string;
  begin: string;
  last: string;
  days: number;
  /** Whether the records cover the whole period. */
  covered: boolean;
}

export interface HotspotMapInfo {
  method: HotspotMethod;
  cell_m: number;
  period: HotspotPeriod;
  incidents: number;
  /** The cells of the study area (listed or not). */
  cells?: number;
  /** gi_star, local_moran. */
  alpha?: number;
  significant?: number;
}

export type HotspotMap = GeoJSON.FeatureCollection<GeoJSON.Polygon, HotspotCell> & { properties: HotspotMapInfo };

export type PatrolShift = 'next' | 'day' | 'night';
export const PATROL_SHIFTS: readonly PatrolShift[] = ['next', 'day', 'night'];

/** One cell of a station's patrol plan. */
export interface PatrolCell {
  station: string;
  /** 1 for the station's first cell. */
  rank: number;
  /** Incidents the forecast expects in the cell during the shift. */
  expected: number;
  /** The cell's incidents of the shift's hours in the last 28 days. */
  recent: number;
  /** The cell's share of the forecast over the city, 0 to 1. */
  share: number;
}

export interface PatrolShiftInfo {
  kind: 'day' | 'night';
  /** The centre's day the shift starts on. */
  day: string;
  /** "2026-11-24 08:00", the centre's time. */
  local_begin: string;
  local_end: string;
}

export type PatrolPlanMap = GeoJSON.FeatureCollection<GeoJSON.Polygon, PatrolCell> & { properties: { shift: PatrolShiftInfo } };

/** The geometry of every feature of a collection, as GeoJSON names it, and as a reader says it. */
const GEOMETRY_WORDS = { Polygon: 'a polygon', LineString: 'a line' } as const;
export type CheckedGeometry = keyof typeof GEOMETRY_WORDS;

/**
 * `body` as a FeatureCollection whose features are all `geometry`, each with properties, and
 * which has collection `properties`; else an ApiError (malformed) naming what is wrong. The
 * map layers hand what they fetch to MapLibre as it is, so the shape is checked once, here.
 */
export function asCheckedCollection<T>(body: unknown, path: string, geometry: CheckedGeometry): T {
  const fail = (detail: string): never => {
    throw new ApiError({ kind: 'malformed', path, detail });
  };
  if (typeof body !== 'object' || body === null) return fail('not a JSON object');
  const collection = body as { type?: unknown; features?: unknown; properties?: unknown };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) return fail('not a GeoJSON FeatureCollection');
  if (typeof collection.properties !== 'object' || collection.properties === null) return fail('the collection has no properties');
  collection.features.forEach((feature: unknown, index) => {
    const f = feature as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown } | null;
    if (f?.geometry?.type !== geometry || !Array.isArray(f.geometry.coordinates)) fail(`feature ${index} is not ${GEOMETRY_WORDS[geometry]}`);
    if (typeof f?.properties !== 'object' || f.properties === null) fail(`feature ${index} has no properties`);
  });
  return body as T;
}

/** `body` as a collection of polygon cells (see asCheckedCollection). */
export function asCellCollection<T extends GeoJSON.FeatureCollection<GeoJSON.Polygon, object>>(body: unknown, path: string): T {
  return asCheckedCollection<T>(body, path, 'Polygon');
}
