/**
 * The status colours, one place for the map and the CSS chips. Each chip pairs a fill
 * with the text colour that keeps a WCAG 2.x contrast ratio of at least 4.5:1 on it
 * (checked by palette.test.ts), so a status is readable on every screen; the status is
 * also always written out, never shown by colour alone.
 */

export interface ChipColour {
  fill: string;
  text: string;
}

export const STATUS_COLOURS: Readonly<Record<string, ChipColour>> = {
  available: { fill: '#137333', text: '#ffffff' },
  conditionally_available: { fill: '#f2c94c', text: '#1a1a1a' },
  dispatched: { fill: '#1967d2', text: '#ffffff' },
  acknowledged: { fill: '#1557b0', text: '#ffffff' },
  en_route: { fill: '#7b3fd1', text: '#ffffff' },
  on_scene: { fill: '#b3261e', text: '#ffffff' },
  out_of_service: { fill: '#5f6368', text: '#ffffff' },
  off_duty: { fill: '#c4c7c5', text: '#1a1a1a' },
  emergency: { fill: '#ff1744', text: '#000000' },
};

/** Priority badges: P1 red, P2 amber, P3 blue, P4 grey (fill; `PRIORITY_TEXT` is the text). */
export const PRIORITY_COLOURS: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: '#c5221f',
  2: '#f29900',
  3: '#1967d2',
  4: '#5f6368',
};

export const PRIORITY_TEXT: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: '#ffffff',
  2: '#1a1a1a',
  3: '#ffffff',
  4: '#ffffff',
};

/** Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.x). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS custom properties for the chips (`--status-<name>-fill`, `--status-<name>-text`). */
export function statusCss(): string {
  const lines = Object.entries(STATUS_COLOURS).map(
    ([name, c]) => `.unit-status--${name}{background:${c.fill};color:${c.text}}`,
  );
  for (const p of [1, 2, 3, 4] as const) lines.push(`.prio--${p}{background:${PRIORITY_COLOURS[p]};color:${PRIORITY_TEXT[p]}}`);
  return lines.join('\n');
}
