import { describe, expect, it } from 'vitest';
import { asCellCollection, type HotspotMap } from './cell_maps';
import { ApiError } from './errors';

const square = { type: 'Polygon', coordinates: [[[115.17, 31.59], [115.18, 31.59], [115.18, 31.6], [115.17, 31.6], [115.17, 31.59]]] };

describe('asCellCollection', () => {
  it('passes a collection of polygon cells through unchanged', () => {
    const body = {
      type: 'FeatureCollection',
      properties: { method: 'counts', cell_m: 250, incidents: 2 },
      features: [{ type: 'Feature', geometry: square, properties: { cell: 30, count: 2 } }],
    };
    expect(asCellCollection<HotspotMap>(body, '/api/v1/stats/hotspots')).toBe(body);
  });

  it('refuses what MapLibre should not be given, naming the problem', () => {
    const refused = (body: unknown) => {
      try {
        asCellCollection(body, '/p');
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        return (error as ApiError).detail;
      }
      return 'accepted';
    };
    expect(refused(null)).toBe('not a JSON object');
    expect(refused({ type: 'Feature' })).toBe('not a GeoJSON FeatureCollection');
    expect(refused({ type: 'FeatureCollection', features: [] })).toBe('the collection has no properties');
    expect(refused({ type: 'FeatureCollection', properties: {}, features: [{ geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }] })).toBe(
      'feature 0 is not a polygon',
    );
    expect(refused({ type: 'FeatureCollection', properties: {}, features: [{ geometry: square, properties: null }] })).toBe('feature 0 has no properties');
  });
});
