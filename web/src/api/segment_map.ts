import type * as GeoJSON from 'geojson';
import { asCheckedCollection, type HotspotClass, type HotspotMethod, type HotspotPeriod } from './cell_maps';

/**
 * The hotspot map on street segments, `GET /api/v1/stats/hotspots?on=segments`
 * (docs/forecasting.md, "Hotspot statistics"): the period's incidents snapped to the
 * nearest road within `snap` metres and counted on the stretch of road between two
 * junctions they fall on. A FeatureCollection of LineStrings (longitude, latitude).
 */

/** What the incidents are counted on: square cells (the API's default) or street segments. */
export type HotspotUnits = 'cells' | 'segments';
export const HOTSPOT_UNITS: readonly HotspotUnits[] = ['cells', 'segments'];

/** The methods the server computes on segments: kernel density is a surface, not a network measure (400). */
export type SegmentMethod = Exclude<HotspotMethod, 'kde'>;
export const SEGMENT_METHODS: readonly SegmentMethod[] = ['counts', 'gi_star', 'local_moran'];

export function isSegmentMethod(method: HotspotMethod): method is SegmentMethod {
  return (SEGMENT_METHODS as readonly HotspotMethod[]).includes(method);
}

/** One street segment of the map; the statistics' members come with their method only. */
export interface HotspotSegment {
  segment: number;
  count: number;
  /** The segment's length along the road. */
  length_m: number;
  /** count per kilometre of the segment. */
  per_km: number;
  /** local_moran: the local statistic. */
  i?: number;
  /** gi_star, local_moran. */
  z?: number;
  p?: number;
  class?: HotspotClass | null;
}

export interface SegmentMapInfo {
  on: 'segments';
  method: SegmentMethod;
  /** How far from a road an incident may lie to count on it. */
  snap_m: number;
  period: HotspotPeriod;
  /** The incidents placed on a segment. */
  incidents: number;
  /** The incidents with a position farther than snap_m from every road. */
  off_road: number;
  /** The segments of the whole road network (listed or not). */
  segments: number;
  /** gi_star, local_moran. */
  alpha?: number;
  significant?: number;
}

export type SegmentHotspotMap = GeoJSON.FeatureCollection<GeoJSON.LineString, HotspotSegment> & { properties: SegmentMapInfo };

/** `body` as a collection of street segments, or an ApiError (malformed) naming what is wrong. */
export function asSegmentCollection(body: unknown, path: string): SegmentHotspotMap {
  return asCheckedCollection<SegmentHotspotMap>(body, path, 'LineString');
}
