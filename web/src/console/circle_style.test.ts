import { describe, expect, it } from 'vitest';
import { basemapStyle, type Theme } from '../map/style';
import { SITE_STATES } from './circle_model';
import { HIGHLIGHT_COLOURS, POST_COLOURS, SITE_CHIP_COLOURS, SITE_DISC_COLOURS, siteStateCss } from './circle_style';
import { contrast, STATUS_COLOURS } from './palette';

const THEMES: readonly Theme[] = ['night', 'day'];

/** The basemap's background colour in `theme`: what the sites are drawn over. */
function background(theme: Theme): string {
  const style = basemapStyle({ tiles: '/t/{z}/{x}/{y}.pbf', minzoom: 8, maxzoom: 14 }, theme, 'en', 'http://h');
  const layers = style.layers as { id: string; paint?: Record<string, string> }[];
  return layers.find((l) => l.id === 'background')?.paint?.['background-color'] ?? '';
}

describe('the colours of the circles', () => {
  it('draw every state’s disc at 3:1 or more against the basemap, with its number at 4.5:1 on it', () => {
    for (const theme of THEMES) {
      const bg = background(theme);
      expect(bg).toMatch(/^#[0-9a-f]{6}$/);
      for (const state of SITE_STATES) {
        const disc = SITE_DISC_COLOURS[theme][state];
        expect(contrast(disc.fill, bg), `${theme} ${state} disc`).toBeGreaterThanOrEqual(3);
        expect(contrast(disc.fill, disc.text), `${theme} ${state} number`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(POST_COLOURS[theme], bg), `${theme} posts`).toBeGreaterThanOrEqual(3);
      expect(contrast(HIGHLIGHT_COLOURS[theme], bg), `${theme} highlight`).toBeGreaterThanOrEqual(3);
    }
  });

  it('give every state its own disc colour in each theme', () => {
    for (const theme of THEMES) {
      const fills = SITE_STATES.map((s) => SITE_DISC_COLOURS[theme][s].fill);
      expect(new Set(fills).size).toBe(fills.length);
    }
  });

  it('keep every state chip’s text at 4.5:1 or more, green for covered and red for a gap', () => {
    for (const state of SITE_STATES) {
      const c = SITE_CHIP_COLOURS[state];
      expect(contrast(c.fill, c.text), state).toBeGreaterThanOrEqual(4.5);
    }
    expect(SITE_CHIP_COLOURS.covered.fill).toBe(STATUS_COLOURS.available?.fill);
    expect(SITE_CHIP_COLOURS.gap.fill).not.toBe(SITE_CHIP_COLOURS.uncovered.fill);
  });

  it('writes a CSS rule per state', () => {
    const css = siteStateCss();
    for (const state of SITE_STATES) expect(css).toContain(`.site-state--${state}{`);
  });
});
