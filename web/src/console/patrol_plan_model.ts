import type * as GeoJSON from 'geojson';
import type { PatrolCell, PatrolPlanMap, PatrolShift } from '../api/cell_maps';
import type { Locale } from '../i18n/locales';
import type { MessageKey } from '../i18n/zh-CN';
import type { Theme } from '../map/style';
import type { Tr } from './dashboard_model';

/**
 * The patrol plan as the map shows it: the requests (the cells for the map, the printable
 * list in the interface language), where each cell's rank is written, its colours per
 * theme and its words. Pure functions, tested by patrol_plan_model.test.ts.
 */

export const PLAN_PATH = '/api/v1/forecast/patrol-plan';
export const DEFAULT_PATROL_SHIFT: PatrolShift = 'next';

/**
 * The plan's colours: a green outline no hotspot class uses, so a planned cell stays
 * recognisable over the hotspot layer, and rank numbers with a halo of the basemap's
 * background. The outline keeps 3:1 and the numbers 4.5:1 (patrol_plan_model.test.ts).
 */
export const PATROL_COLOURS: Readonly<Record<Theme, { outline: string; text: string; halo: string }>> = {
  night: { outline: '#3ee6b0', text: '#ffffff', halo: '#0f1720' },
  day: { outline: '#00695c', text: '#003d33', halo: '#ffffff' },
};

/** The query of the plan's cells for the map. */
export function planParams(shift: PatrolShift): Record<string, string> {
  return { format: 'geojson', shift };
}

/** The printable list of the same shift, in the console's language (the API knows zh and en). */
export function printPath(shift: PatrolShift, locale: Locale): string {
  const params = new URLSearchParams({ format: 'html', lang: locale === 'en' ? 'en' : 'zh', shift });
  return `${PLAN_PATH}?${params.toString()}`;
}

/** The middle of a cell's outer ring (its bounding box's centre: the cells are squares). */
export function cellCentre(polygon: GeoJSON.Polygon): [number, number] {
  const ring = polygon.coordinates[0] ?? [];
  const lons = ring.map((p) => p[0] as number);
  const lats = ring.map((p) => p[1] as number);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/**
 * One point per planned cell, where its rank is written. Points, not the polygons: a label
 * placed on a polygon is repeated on every map tile the polygon crosses.
 */
export function rankPoints(plan: PatrolPlanMap): GeoJSON.FeatureCollection<GeoJSON.Point, Pick<PatrolCell, 'rank' | 'station'>> {
  return {
    type: 'FeatureCollection',
    features: plan.features.map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: cellCentre(f.geometry) },
      properties: { rank: f.properties.rank, station: f.properties.station },
    })),
  };
}

/** How many stations the plan covers. */
export function stationCount(plan: PatrolPlanMap): number {
  return new Set(plan.features.map((f) => f.properties.station)).size;
}

/** "Day shift 2026-11-24 08:00 to 2026-11-24 20:00: 4 stations, 20 cells", or that there are none. */
export function planSummary(tr: Tr, plan: PatrolPlanMap): string {
  if (plan.features.length === 0) return tr('patrol.empty');
  const shift = plan.properties.shift;
  return tr('patrol.summary', {
    kind: tr(`patrol.kind.${shift.kind}` as MessageKey),
    begin: shift.local_begin,
    end: shift.local_end,
    stations: stationCount(plan),
    cells: plan.features.length,
  });
}

/** What a clicked planned cell says, label and value. */
export function planFacts(tr: Tr, cell: PatrolCell, stationName: string): [string, string][] {
  return [
    [tr('patrol.field.station'), stationName],
    [tr('patrol.field.expected'), cell.expected.toFixed(2)],
    [tr('patrol.field.recent'), String(cell.recent)],
    [tr('patrol.field.share'), `${(cell.share * 100).toFixed(1)}%`],
  ];
}
