import { describe, expect, it } from 'vitest';
import type { Theme } from '../map/style';
import { contrast } from './palette';
import { CASING_PX, QUIET_WIDTH_FACTOR, SEGMENT_CASING, SEGMENT_WIDTH_STOPS, segmentPaint, segmentWidth } from './hotspot_segment_paint';
import { hotspotLook, RAMP_COLOURS, SIGNIFICANCE_COLOURS } from './hotspot_style';

const THEMES: Theme[] = ['day', 'night'];
const QUIET: unknown = ['==', ['to-string', ['get', 'class']], ''];

describe('segmentWidth', () => {
  it('widens a counted segment with the zoom, from thin over the city to road width close up', () => {
    expect(segmentWidth('counts')).toEqual(['interpolate', ['linear'], ['zoom'], 10, 1.5, 13, 3, 15, 5, 18, 10]);
    expect(segmentWidth('counts', 3)).toEqual(['interpolate', ['linear'], ['zoom'], 10, 4.5, 13, 6, 15, 8, 18, 13]);
    const widths = SEGMENT_WIDTH_STOPS.map(([, px]) => px);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
  });

  it('narrows the segments that are not significant, at every zoom, the casing following', () => {
    for (const method of ['gi_star', 'local_moran'] as const) {
      const width = segmentWidth(method, 2);
      const stops = width.slice(3);
      expect(width.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
      SEGMENT_WIDTH_STOPS.forEach(([zoom, px], i) => {
        expect(stops[2 * i]).toBe(zoom);
        expect(stops[2 * i + 1]).toEqual(['+', ['*', px, ['case', QUIET, QUIET_WIDTH_FACTOR, 1]], 2]);
      });
    }
  });
});

describe('segmentPaint', () => {
  it('draws the line in the look’s colours over a casing of the theme', () => {
    for (const theme of THEMES) {
      const look = hotspotLook('gi_star', [], theme);
      const paint = segmentPaint('gi_star', look, theme);
      expect(paint.line['line-color']).toEqual(look.fillColour);
      expect(paint.line['line-opacity']).toEqual(look.lineOpacity);
      expect(paint.casing['line-color']).toBe(SEGMENT_CASING[theme]);
      expect(paint.casing['line-width']).toEqual(segmentWidth('gi_star', 2 * CASING_PX));
    }
  });

  it('grades counted segments on the count ramp', () => {
    const look = hotspotLook('counts', [1, 1, 2, 5].map((count, segment) => ({ segment, count, length_m: 100, per_km: count * 10 })), 'night');
    expect(JSON.stringify(segmentPaint('counts', look, 'night').line['line-color'])).toContain('"count"');
  });

  it('keeps every class colour at 3:1 against the casing it is drawn on', () => {
    for (const theme of THEMES) {
      for (const colour of [...RAMP_COLOURS[theme], ...Object.values(SIGNIFICANCE_COLOURS[theme])]) {
        expect(contrast(colour, SEGMENT_CASING[theme]), `${theme} ${colour}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
