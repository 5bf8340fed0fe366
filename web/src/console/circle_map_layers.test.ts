import { describe, expect, it } from 'vitest';
import type { KeySite, Post } from '../api/circles';
import { highlightFeatures, postFeatures, siteFeatures } from './circle_map_layers';

const site: KeySite = {
  id: 'S-0001',
  profile: { name: '实验小学', type: 'school', tier_s: 60, station: '310101001', lat: 31.2, lon: 121.4, hours: '' },
  retired: false,
  gaps_opened: 0,
};
const post: Post = { id: 'P-01', profile: { name: '人民广场驻勤点', kind: 'post', station: '310101001', lat: 31.21, lon: 121.41 }, retired: false };

describe('the features of the circles layer', () => {
  it('draws a site at its position with its state, its tier in minutes and its name', () => {
    const collection = siteFeatures([{ site, state: 'gap', circle: undefined }]);
    expect(collection.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: { id: 'S-0001', state: 'gap', mark: '1′', name: '实验小学' } },
    ]);
  });

  it('draws posts by their id', () => {
    expect(postFeatures([post]).features[0]?.properties).toEqual({ id: 'P-01', name: '人民广场驻勤点' });
  });

  it('marks the move-up: the unit, the post and the way between them, or what is known of it', () => {
    const both = highlightFeatures([121.3, 31.1], [121.41, 31.21]);
    expect(both.features.map((f) => f.properties.role)).toEqual(['path', 'unit', 'post']);
    expect(both.features[0]?.geometry).toEqual({ type: 'LineString', coordinates: [[121.3, 31.1], [121.41, 31.21]] });
    expect(highlightFeatures(null, [121.41, 31.21]).features.map((f) => f.properties.role)).toEqual(['post']);
    expect(highlightFeatures(null, null).features).toEqual([]);
  });
});
