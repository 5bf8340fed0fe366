import type { ExpressionSpecification } from 'maplibre-gl';
import type { HotspotMethod } from '../api/cell_maps';
import type { Theme } from '../map/style';
import type { HotspotLook } from './hotspot_style';

/**
 * How street segments of a hotspot map are drawn: lines in the colours of the map's look
 * (hotspot_style.ts, the same classes as cells), as wide as a road when zoomed in and
 * thin over the whole city, on a casing in the basemap's background colour, so a segment
 * reads against the road under it (an orange day motorway, a grey night street) as well as
 * against the ground. Segments that are not significant are drawn narrower, as cells are
 * drawn fainter. Pure: no DOM, no MapLibre.
 */

/** Line width in pixels at zoom stops, interpolated linearly between them. */
export const SEGMENT_WIDTH_STOPS: readonly (readonly [zoom: number, px: number])[] = [
  [10, 1.5],
  [13, 3],
  [15, 5],
  [18, 10],
];

/** The width of a segment that is not significant, as a share of a significant one's. */
export const QUIET_WIDTH_FACTOR = 0.6;

/** How far the casing reaches beyond the line on each side, in pixels. */
export const CASING_PX = 1.5;

/** The width of the invisible line that takes clicks: a segment is found without pixel-exact aim. */
export const HIT_WIDTH_PX = 14;

/** The casing: the basemap's day background lightened to white, its night road casing. */
export const SEGMENT_CASING: Readonly<Record<Theme, string>> = { day: '#ffffff', night: '#0a1016' };

/** Whether a method's segments say something by class (significant or not) rather than by count. */
function bySignificance(method: HotspotMethod): boolean {
  return method === 'gi_star' || method === 'local_moran';
}

/**
 * The width of a segment by zoom, `extra` pixels wider (the casing). A null class (not
 * significant) reads as "" and narrows the line.
 */
export function segmentWidth(method: HotspotMethod, extra = 0): ExpressionSpecification {
  const factor: ExpressionSpecification | number = bySignificance(method)
    ? ['case', ['==', ['to-string', ['get', 'class']], ''], QUIET_WIDTH_FACTOR, 1]
    : 1;
  const stops = SEGMENT_WIDTH_STOPS.flatMap(([zoom, px]) => [zoom, factor === 1 ? px + extra : ['+', ['*', px, factor], extra]]);
  return ['interpolate', ['linear'], ['zoom'], ...stops] as ExpressionSpecification;
}

export interface SegmentPaint {
  casing: { 'line-color': string; 'line-width': ExpressionSpecification; 'line-opacity': number | ExpressionSpecification };
  line: {
    'line-color': string | ExpressionSpecification;
    'line-width': ExpressionSpecification;
    'line-opacity': number | ExpressionSpecification;
  };
}

/** The paint of the casing and of the line of a map of `method` with `look`, in `theme`. */
export function segmentPaint(method: HotspotMethod, look: HotspotLook, theme: Theme): SegmentPaint {
  return {
    casing: { 'line-color': SEGMENT_CASING[theme], 'line-width': segmentWidth(method, 2 * CASING_PX), 'line-opacity': look.lineOpacity },
    line: { 'line-color': look.fillColour, 'line-width': segmentWidth(method), 'line-opacity': look.lineOpacity },
  };
}
