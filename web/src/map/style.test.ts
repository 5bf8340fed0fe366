import { describe, expect, it } from 'vitest';
import { basemapStyle, type BasemapInfo } from './style';

const BASEMAP: BasemapInfo = { tiles: '/tiles/{z}/{x}/{y}.pbf', minzoom: 8, maxzoom: 14 };
// The layers data/basemap/config.json declares: a style may draw nothing else.
const TILE_LAYERS = ['water', 'waterway', 'landuse', 'building', 'transportation', 'railway', 'boundary', 'place', 'poi'];

type Layer = { id: string; type: string; source?: string; 'source-layer'?: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> };

function layers(style: Record<string, unknown>): Layer[] {
  return style.layers as Layer[];
}

describe('basemapStyle', () => {
  it('reads only the tile layers the basemap has, from this server', () => {
    const style = basemapStyle(BASEMAP, 'day', 'en', 'http://127.0.0.1:8080');
    const sources = style.sources as Record<string, { tiles: string[]; minzoom: number; maxzoom: number }>;
    expect(sources.basemap?.tiles).toEqual(['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.pbf']);
    expect(sources.basemap?.maxzoom).toBe(14);
    expect(style).not.toHaveProperty('glyphs');
    for (const layer of layers(style)) {
      if (layer.type === 'background') continue;
      expect(TILE_LAYERS).toContain(layer['source-layer']);
    }
    const ids = layers(style).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels in the chosen language, falling back to the mapped name', () => {
    const field = (locale: 'en' | 'zh-CN') =>
      layers(basemapStyle(BASEMAP, 'day', locale, 'http://h')).find((l) => l.id === 'place-label')?.layout?.['text-field'];
    expect(field('zh-CN')).toEqual(['coalesce', ['get', 'name_zh'], ['get', 'name']]);
    expect(field('en')).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name']]);
  });

  it('has a dark night theme', () => {
    const background = (theme: 'day' | 'night') =>
      layers(basemapStyle(BASEMAP, theme, 'en', 'http://h'))[0]?.paint?.['background-color'] as string;
    const luminance = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    expect(luminance(background('night'))).toBeLessThan(luminance(background('day')) / 4);
  });
});
