import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { asSegmentCollection, isSegmentMethod, SEGMENT_METHODS } from './segment_map';

const road = { type: 'LineString', coordinates: [[115.172682, 31.606245], [115.185262, 31.607179]] };
const square = { type: 'Polygon', coordinates: [[[115.17, 31.59], [115.18, 31.59], [115.18, 31.6], [115.17, 31.59]]] };

describe('asSegmentCollection', () => {
  it('passes a collection of street segments through unchanged', () => {
    const body = {
      type: 'FeatureCollection',
      properties: { on: 'segments', method: 'counts', snap_m: 100, incidents: 5, off_road: 0, segments: 2281 },
      features: [{ type: 'Feature', geometry: road, properties: { segment: 1, count: 5, length_m: 1196, per_km: 4.181 } }],
    };
    expect(asSegmentCollection(body, '/api/v1/stats/hotspots?on=segments')).toBe(body);
  });

  it('refuses cells where segments were asked for, naming the feature', () => {
    const body = { type: 'FeatureCollection', properties: {}, features: [{ geometry: road, properties: {} }, { geometry: square, properties: {} }] };
    let detail = 'accepted';
    try {
      asSegmentCollection(body, '/p');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      detail = (error as ApiError).detail;
    }
    expect(detail).toBe('feature 1 is not a line');
  });
});

describe('segment methods', () => {
  it('are those of cells but kernel density', () => {
    expect(SEGMENT_METHODS).toEqual(['counts', 'gi_star', 'local_moran']);
    expect(isSegmentMethod('kde')).toBe(false);
    expect(isSegmentMethod('gi_star')).toBe(true);
  });
});
