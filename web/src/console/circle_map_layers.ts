import type * as GeoJSON from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Post } from '../api/circles';
import type { Theme } from '../map/style';
import type { SiteState, SiteWithState } from './circle_model';
import { SITE_STATES } from './circle_model';
import { HIGHLIGHT_COLOURS, OUTLINE_COLOURS, POST_COLOURS, SITE_DISC_COLOURS } from './circle_style';
import { tierMark } from './circle_wording';

/**
 * The MapLibre layers of the quick-response circles: key sites as discs in their state's
 * colour with the tier written inside (and a red ring while a gap is open), their names
 * from street level on, posts as rings, and the move-up being looked at (the unit, the post
 * and a dashed line between them) over everything else. The feature builders are pure.
 */

export const SITES_SOURCE = 'circles-sites';
export const POSTS_SOURCE = 'circles-posts';
export const HIGHLIGHT_SOURCE = 'circles-highlight';
export const CIRCLE_SOURCES: readonly string[] = [SITES_SOURCE, POSTS_SOURCE, HIGHLIGHT_SOURCE];

/** The discs: clicked for a site's card, counted when drawn. */
export const SITE_LAYER = 'circles-site';
const GAP_RING = 'circles-gap-ring';
const TIER = 'circles-tier';
const NAME = 'circles-name';
/** The rings of posts: clicked for a post's card. */
export const POST_LAYER = 'circles-post';
const HIGHLIGHT_PATH = 'circles-highlight-path';
const HIGHLIGHT_RING = 'circles-highlight-ring';

/** Under the live layers (sites do not move; units and incidents stay on top). */
export const CIRCLE_LAYER_IDS: readonly string[] = [GAP_RING, SITE_LAYER, TIER, NAME, POST_LAYER];
/** Over everything: what the dispatcher is asked to do must not hide under a unit. */
export const HIGHLIGHT_LAYER_IDS: readonly string[] = [HIGHLIGHT_PATH, HIGHLIGHT_RING];

type Collection = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;
type Point = [number, number];

export function siteFeatures(sites: readonly SiteWithState[]): Collection {
  return {
    type: 'FeatureCollection',
    features: sites.map(({ site, state }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [site.profile.lon, site.profile.lat] },
      properties: { id: site.id, state, mark: tierMark(site.profile.tier_s), name: site.profile.name },
    })),
  };
}

export function postFeatures(posts: Iterable<Post>): Collection {
  return {
    type: 'FeatureCollection',
    features: [...posts].map((post) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [post.profile.lon, post.profile.lat] },
      properties: { id: post.id, name: post.profile.name },
    })),
  };
}

/** The move-up: the unit where it is, the post, and the way from one to the other (as the crow flies). */
export function highlightFeatures(unit: Point | null, post: Point | null): Collection {
  const features: Collection['features'] = [];
  if (unit && post) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [unit, post] }, properties: { role: 'path' } });
  if (unit) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: unit }, properties: { role: 'unit' } });
  if (post) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: post }, properties: { role: 'post' } });
  return { type: 'FeatureCollection', features };
}

/** A paint value by the feature's state. */
function byState(pick: (state: SiteState) => string): ExpressionSpecification {
  const cases = SITE_STATES.flatMap((state) => [state, pick(state)]);
  return ['match', ['get', 'state'], ...cases, pick('unknown')] as unknown as ExpressionSpecification;
}

const RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 10, 7, 15, 11];
/** The gap's ring, 6 px outside the disc (a zoom curve must stand at the top of an expression). */
const RING_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 10, 13, 15, 17];

/** Adds the sources (with `data` for each) and the layers: the circles under `beforeId`, the highlight on top. */
export function addCircleLayers(map: maplibregl.Map, theme: Theme, data: (source: string) => Collection, beforeId: string | undefined): void {
  for (const id of CIRCLE_SOURCES) {
    // Features are found by their record's id (promoteId), so a count of those drawn is exact.
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: data(id) as GeoJSON.GeoJSON, promoteId: 'id' });
  }
  const discs = SITE_DISC_COLOURS[theme];
  const outline = OUTLINE_COLOURS[theme];
  map.addLayer(
    {
      id: GAP_RING,
      type: 'circle',
      source: SITES_SOURCE,
      filter: ['==', ['get', 'state'], 'gap'],
      paint: { 'circle-radius': RING_RADIUS, 'circle-opacity': 0, 'circle-stroke-width': 3, 'circle-stroke-color': discs.gap.fill },
    },
    beforeId,
  );
  map.addLayer(
    {
      id: SITE_LAYER,
      type: 'circle',
      source: SITES_SOURCE,
      paint: { 'circle-radius': RADIUS, 'circle-color': byState((s) => discs[s].fill), 'circle-stroke-width': 1.5, 'circle-stroke-color': outline },
    },
    beforeId,
  );
  map.addLayer(
    {
      id: TIER,
      type: 'symbol',
      source: SITES_SOURCE,
      layout: { 'text-field': ['get', 'mark'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': byState((s) => discs[s].text) },
    },
    beforeId,
  );
  map.addLayer(
    {
      id: NAME,
      type: 'symbol',
      source: SITES_SOURCE,
      minzoom: 14,
      layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-anchor': 'top', 'text-offset': [0, 1.2] },
      paint: { 'text-color': theme === 'night' ? '#e2ebf5' : '#14202e', 'text-halo-color': outline, 'text-halo-width': 1.5 },
    },
    beforeId,
  );
  map.addLayer(
    {
      id: POST_LAYER,
      type: 'circle',
      source: POSTS_SOURCE,
      paint: { 'circle-radius': 6, 'circle-opacity': 0, 'circle-stroke-width': 3, 'circle-stroke-color': POST_COLOURS[theme] },
    },
    beforeId,
  );
  const highlight = HIGHLIGHT_COLOURS[theme];
  map.addLayer({
    id: HIGHLIGHT_PATH,
    type: 'line',
    source: HIGHLIGHT_SOURCE,
    filter: ['==', ['get', 'role'], 'path'],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': highlight, 'line-width': 3, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: HIGHLIGHT_RING,
    type: 'circle',
    source: HIGHLIGHT_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 15, 'circle-opacity': 0, 'circle-stroke-width': 3.5, 'circle-stroke-color': highlight },
  });
}
