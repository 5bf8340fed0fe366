import { describe, expect, it } from 'vitest';
import type { HotspotCell } from '../api/cell_maps';
import { basemapStyle, type Theme } from '../map/style';
import { contrast } from './palette';
import {
  GI_STAR_CLASSES,
  hotspotLook,
  LOCAL_MORAN_CLASSES,
  RAMP_COLOURS,
  rampBounds,
  rampColour,
  roundBound,
  SIGNIFICANCE_COLOURS,
} from './hotspot_style';

const THEMES: Theme[] = ['day', 'night'];

/** The basemap's background colour in `theme`: what the cells are drawn over. */
function background(theme: Theme): string {
  const style = basemapStyle({ tiles: '/tiles/{z}/{x}/{y}.pbf', minzoom: 8, maxzoom: 14 }, theme, 'zh-CN', 'http://h');
  const layers = style.layers as { id: string; paint?: Record<string, string> }[];
  return layers.find((l) => l.id === 'background')?.paint?.['background-color'] ?? '';
}

const cells = (counts: number[]): HotspotCell[] => counts.map((count, cell) => ({ cell, count }));

describe('rampBounds', () => {
  it('narrows the classes towards the hottest cells of a skewed map', () => {
    // 200 cells with one incident, 100 with two, 50 with three, 30 with five, 7 with ten: the
    // median is 1, so the classes above the first start at the 75th (2), 90th (3) and 97th (5)
    // percentiles.
    const values = [...Array(200).fill(1), ...Array(100).fill(2), ...Array(50).fill(3), ...Array(30).fill(5), ...Array(7).fill(10)];
    expect(rampBounds(values, true)).toEqual([1, 2, 3, 5]);
  });

  it('gives one class when every cell has the same value, none for no values', () => {
    expect(rampBounds([4, 4, 4], true)).toEqual([4]);
    expect(rampBounds([], true)).toEqual([]);
    expect(rampBounds([0, Number.NaN], false)).toEqual([]);
  });

  it('rounds density bounds to two significant digits, still strictly increasing', () => {
    const values = Array.from({ length: 100 }, (_, i) => 0.1234 * (i + 1));
    const bounds = rampBounds(values, false);
    expect(bounds).toEqual([0.12, 6.3, 9.4, 11, 12]);
    for (const b of bounds) expect(roundBound(b)).toBe(b);
  });
});

describe('rampColour', () => {
  it('spreads k classes over the ramp, the top class always the hottest colour', () => {
    for (const theme of THEMES) {
      const ramp = RAMP_COLOURS[theme];
      expect(rampColour(theme, 0, 1)).toBe(ramp.at(-1));
      expect([0, 1, 2].map((i) => rampColour(theme, i, 3))).toEqual([ramp[0], ramp[2], ramp[4]]);
      expect([0, 1, 2, 3, 4].map((i) => rampColour(theme, i, 5))).toEqual([...ramp]);
    }
  });
});

describe('hotspotLook', () => {
  it('steps counts through the ramp at the class bounds', () => {
    const look = hotspotLook('counts', cells([1, 1, 1, 1, 2, 2, 3, 9]), 'night');
    expect(look.property).toBe('count');
    expect(look.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [2, 3],
      [3, 9],
      [9, 9],
    ]);
    expect(look.fillColour).toEqual([
      'step',
      ['coalesce', ['get', 'count'], 0],
      look.classes[0]?.colour,
      2,
      look.classes[1]?.colour,
      3,
      look.classes[2]?.colour,
      9,
      look.classes[3]?.colour,
    ]);
  });

  it('reads kernel density from density_per_km2', () => {
    const look = hotspotLook('kde', [{ count: 0, density_per_km2: 2.5 }, { count: 3, density_per_km2: 40 }], 'day');
    expect(look.property).toBe('density_per_km2');
    expect(look.integers).toBe(false);
    expect(JSON.stringify(look.fillColour)).toContain('density_per_km2');
  });

  it('colours a map with a single class plainly (a step needs a stop)', () => {
    expect(hotspotLook('counts', cells([2, 2]), 'day').fillColour).toBe(RAMP_COLOURS.day.at(-1));
    expect(hotspotLook('counts', [], 'day').classes).toEqual([]);
  });

  it('colours Gi* and local Moran’s I by class, fading the cells that are not significant', () => {
    const gi = hotspotLook('gi_star', [], 'night');
    expect(gi.classes.map((c) => c.key)).toEqual(['hot', 'cold', 'none']);
    expect(gi.fillColour).toEqual(['match', ['to-string', ['get', 'class']], 'hot', '#ff4d4d', 'cold', '#4da3ff', '#7b8794']);
    expect(gi.fillOpacity).toEqual(['match', ['to-string', ['get', 'class']], ['hot', 'cold'], 0.55, 0.12]);
    const moran = hotspotLook('local_moran', [], 'day');
    expect(moran.classes.map((c) => c.key)).toEqual(['HH', 'LL', 'HL', 'LH', 'none']);
  });
});

describe('hotspot colours', () => {
  it('keep 3:1 against the basemap background of their theme', () => {
    for (const theme of THEMES) {
      const bg = background(theme);
      expect(bg).toMatch(/^#[0-9a-f]{6}$/);
      const colours = [...RAMP_COLOURS[theme], ...Object.values(SIGNIFICANCE_COLOURS[theme])];
      for (const colour of colours) expect(contrast(colour, bg), `${theme} ${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never share a colour within one legend', () => {
    for (const theme of THEMES) {
      expect(new Set(RAMP_COLOURS[theme]).size).toBe(RAMP_COLOURS[theme].length);
      for (const keys of [GI_STAR_CLASSES, LOCAL_MORAN_CLASSES]) {
        const colours = keys.map((k) => SIGNIFICANCE_COLOURS[theme][k]);
        expect(new Set(colours).size, `${theme} ${keys.join()}`).toBe(colours.length);
      }
    }
  });
});
