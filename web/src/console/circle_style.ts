import type { Theme } from '../map/style';
import type { SiteState } from './circle_model';
import type { ChipColour } from './palette';

/**
 * The colours of the quick-response circles. On the map a site is a disc in its state's
 * colour with its tier written inside: each disc keeps 3:1 against its theme's basemap
 * background (WCAG 1.4.11 for graphics) and its number 4.5:1 against the disc. The chips
 * that write a state out (legend, card, list) keep 4.5:1 between text and fill, like the
 * unit statuses (palette.ts). Green covered, red gap, amber out of reach without an alarm,
 * grey out of hours. Checked by circle_style.test.ts. Pure: no DOM, no MapLibre.
 */

export interface DiscColour {
  fill: string;
  /** The tier number written on the disc. */
  text: string;
}

/** Discs on the night map are light with dark numbers; on the day map dark with white ones. */
export const SITE_DISC_COLOURS: Readonly<Record<Theme, Readonly<Record<SiteState, DiscColour>>>> = {
  night: {
    gap: { fill: '#ff5a52', text: '#111111' },
    uncovered: { fill: '#f5b73b', text: '#111111' },
    covered: { fill: '#34c46a', text: '#111111' },
    out_of_hours: { fill: '#9aa4af', text: '#111111' },
    unknown: { fill: '#808c99', text: '#111111' },
  },
  day: {
    gap: { fill: '#c5221f', text: '#ffffff' },
    uncovered: { fill: '#a15c00', text: '#ffffff' },
    covered: { fill: '#137333', text: '#ffffff' },
    out_of_hours: { fill: '#5f6368', text: '#ffffff' },
    unknown: { fill: '#6f747b', text: '#ffffff' },
  },
};

/** The state chips: the same hues as the status chips of units. */
export const SITE_CHIP_COLOURS: Readonly<Record<SiteState, ChipColour>> = {
  gap: { fill: '#c5221f', text: '#ffffff' },
  uncovered: { fill: '#f2c94c', text: '#1a1a1a' },
  covered: { fill: '#137333', text: '#ffffff' },
  out_of_hours: { fill: '#5f6368', text: '#ffffff' },
  unknown: { fill: '#c4c7c5', text: '#1a1a1a' },
};

/** Posts are rings (never discs) in a blue no site state uses. */
export const POST_COLOURS: Readonly<Record<Theme, string>> = { night: '#7cb8ff', day: '#1a56b0' };

/** The move-up being looked at: the unit, the post and the way between them. */
export const HIGHLIGHT_COLOURS: Readonly<Record<Theme, string>> = { night: '#38e1ff', day: '#8a1fb8' };

/** The outline of discs and rings: the theme's background, so neighbours stay apart. */
export const OUTLINE_COLOURS: Readonly<Record<Theme, string>> = { night: '#0b0f14', day: '#ffffff' };

/** CSS for the state chips (`.site-state--<state>`), added with the status chips. */
export function siteStateCss(): string {
  return Object.entries(SITE_CHIP_COLOURS)
    .map(([state, c]) => `.site-state--${state}{background:${c.fill};color:${c.text}}`)
    .join('\n');
}
