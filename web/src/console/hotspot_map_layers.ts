import type * as maplibregl from 'maplibre-gl';
import type { FilterSpecification } from 'maplibre-gl';
import type { HotspotMethod } from '../api/cell_maps';
import type { HotspotUnits } from '../api/segment_map';
import type { Theme } from '../map/style';
import { HIT_WIDTH_PX, segmentPaint } from './hotspot_segment_paint';
import type { HotspotLook } from './hotspot_style';

/**
 * The MapLibre layers of the hotspot map. One source holds the answer shown, cells or
 * street segments; the cell layers take its polygons and the segment layers its lines, so
 * each kind is drawn only by its own layers (a line layer would outline cells, a fill layer
 * would fill a closed road).
 */

export const HOTSPOT_SOURCE = 'hotspots';
const FILL = 'hotspots-fill';
const OUTLINE = 'hotspots-outline';
const CASING = 'hotspots-segment-casing';
const LINE = 'hotspots-segment-line';
/** Transparent and wider than the line: clicked for a popup, counted when drawn. */
const HIT = 'hotspots-segment-hit';

export const HOTSPOT_LAYER_IDS: readonly string[] = [FILL, OUTLINE, CASING, LINE, HIT];

const CELLS_ONLY: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const SEGMENTS_ONLY: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const ROUND = { 'line-cap': 'round', 'line-join': 'round' } as const;

/** The layer whose features are the map's units: clicked for a popup, counted when drawn. */
export function unitLayer(on: HotspotUnits): string {
  return on === 'segments' ? HIT : FILL;
}

/** Adds every hotspot layer, painted with `look`, under `beforeId`. */
export function addHotspotLayers(map: maplibregl.Map, method: HotspotMethod, look: HotspotLook, theme: Theme, beforeId: string | undefined): void {
  const segments = segmentPaint(method, look, theme);
  map.addLayer(
    { id: FILL, type: 'fill', source: HOTSPOT_SOURCE, filter: CELLS_ONLY, paint: { 'fill-color': look.fillColour, 'fill-opacity': look.fillOpacity } },
    beforeId,
  );
  map.addLayer(
    {
      id: OUTLINE,
      type: 'line',
      source: HOTSPOT_SOURCE,
      filter: CELLS_ONLY,
      paint: { 'line-color': look.fillColour, 'line-width': 1, 'line-opacity': look.lineOpacity },
    },
    beforeId,
  );
  map.addLayer({ id: CASING, type: 'line', source: HOTSPOT_SOURCE, filter: SEGMENTS_ONLY, layout: ROUND, paint: segments.casing }, beforeId);
  map.addLayer({ id: LINE, type: 'line', source: HOTSPOT_SOURCE, filter: SEGMENTS_ONLY, layout: ROUND, paint: segments.line }, beforeId);
  map.addLayer(
    {
      id: HIT,
      type: 'line',
      source: HOTSPOT_SOURCE,
      filter: SEGMENTS_ONLY,
      layout: ROUND,
      paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': HIT_WIDTH_PX },
    },
    beforeId,
  );
}

/** Paints the layers anew for new data (a ramp cut from its values, another method). */
export function restyleHotspotLayers(map: maplibregl.Map, method: HotspotMethod, look: HotspotLook, theme: Theme): void {
  map.setPaintProperty(FILL, 'fill-color', look.fillColour);
  map.setPaintProperty(FILL, 'fill-opacity', look.fillOpacity);
  map.setPaintProperty(OUTLINE, 'line-color', look.fillColour);
  map.setPaintProperty(OUTLINE, 'line-opacity', look.lineOpacity);
  const { casing, line } = segmentPaint(method, look, theme);
  map.setPaintProperty(CASING, 'line-color', casing['line-color']);
  map.setPaintProperty(CASING, 'line-width', casing['line-width']);
  map.setPaintProperty(CASING, 'line-opacity', casing['line-opacity']);
  map.setPaintProperty(LINE, 'line-color', line['line-color']);
  map.setPaintProperty(LINE, 'line-width', line['line-width']);
  map.setPaintProperty(LINE, 'line-opacity', line['line-opacity']);
}
