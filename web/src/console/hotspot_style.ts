import type { ExpressionSpecification } from 'maplibre-gl';
import type { HotspotCell, HotspotClass, HotspotMethod } from '../api/cell_maps';
import type { Theme } from '../map/style';

/**
 * How a hotspot map is coloured, per method and theme, as MapLibre paint expressions and
 * the legend that explains them. Counts and densities go on a ramp of up to five classes
 * cut from the map's own values; Gi* and local Moran's I by significance class. Every
 * colour keeps a 3:1 contrast with its theme's basemap background (WCAG 1.4.11 for
 * graphics; checked by hotspot_style.test.ts), so the cells read on the day and the night
 * map alike. Pure: no DOM, no MapLibre.
 */

/**
 * What a ramp reads of a map's features: a cell's or a street segment's count (segments are
 * graded by count too, not per km, which a single incident on a short segment inflates),
 * a cell's density.
 */
export type RampSource = Pick<HotspotCell, 'count' | 'density_per_km2'>;

/** A significance class, `none` for a cell whose p is not below alpha. */
export type SignificanceKey = HotspotClass | 'none';

export const GI_STAR_CLASSES: readonly SignificanceKey[] = ['hot', 'cold', 'none'];
export const LOCAL_MORAN_CLASSES: readonly SignificanceKey[] = ['HH', 'LL', 'HL', 'LH', 'none'];

/** The ramps, quietest to busiest: a cool start, then warmer and brighter (night) or darker (day). */
export const RAMP_COLOURS: Readonly<Record<Theme, readonly string[]>> = {
  night: ['#5a7fa8', '#b99b2e', '#f08a24', '#f0442c', '#ff2d95'],
  day: ['#6b8cae', '#b7791f', '#d9480f', '#b91c1c', '#6b0f2a'],
};

/** Clusters in the hot (red) and cold (blue) colours; outliers orange and violet; the rest grey. */
export const SIGNIFICANCE_COLOURS: Readonly<Record<Theme, Readonly<Record<SignificanceKey, string>>>> = {
  night: { hot: '#ff4d4d', cold: '#4da3ff', HH: '#ff4d4d', LL: '#4da3ff', HL: '#ffb74d', LH: '#b39dff', none: '#7b8794' },
  day: { hot: '#c62828', cold: '#1d5fbf', HH: '#c62828', LL: '#1d5fbf', HL: '#b45309', LH: '#6d4bc4', none: '#7a7a7a' },
};

/** Fill opacity of a cell: the basemap stays readable under it; cells that say nothing fade. */
export const CELL_OPACITY = 0.55;
export const QUIET_CELL_OPACITY = 0.12;

/**
 * Where the ramp classes start, as quantiles of the values: the classes narrow towards the
 * top, because a hotspot map is read for its hottest cells (the top 3 % get a class).
 */
const RAMP_QUANTILES = [0.5, 0.75, 0.9, 0.97];

/** One entry of the legend. */
export interface LegendClass {
  /** `r0`…`r4` for ramp classes, else the significance class. */
  key: string;
  colour: string;
  /** Ramp classes: the values from `from` up to `to` (the next class's `from`, or the largest value). */
  from?: number;
  to?: number;
}

/** A hotspot map's paint and legend. Expressions are MapLibre style-spec arrays. */
export interface HotspotLook {
  /** The cell property a ramp reads; undefined for the significance methods. */
  property: 'count' | 'density_per_km2' | undefined;
  /** Whether the ramp's values are whole numbers (counts). */
  integers: boolean;
  classes: LegendClass[];
  fillColour: string | ExpressionSpecification;
  fillOpacity: number | ExpressionSpecification;
  lineOpacity: number | ExpressionSpecification;
}

/** Two significant digits: class bounds a reader can compare at a glance. */
export function roundBound(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

/**
 * The lower bounds of the ramp classes of `values` (positive and finite ones), strictly
 * increasing, the first being the smallest value; at most 1 + RAMP_QUANTILES.length.
 */
export function rampBounds(values: readonly number[], integers: boolean): number[] {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [];
  const first = sorted[0] as number;
  const largest = sorted[n - 1] as number;
  const bounds = [integers ? first : roundBound(first)];
  for (const q of RAMP_QUANTILES) {
    const at = sorted[Math.min(n - 1, Math.floor(q * n))] as number;
    const bound = integers ? Math.ceil(at) : roundBound(at);
    if (bound > (bounds[bounds.length - 1] as number) && bound <= largest) bounds.push(bound);
  }
  return bounds;
}

/** The ramp colour of class `i` of `k`: spread over the ramp, the top class always its hottest. */
export function rampColour(theme: Theme, i: number, k: number): string {
  const ramp = RAMP_COLOURS[theme];
  const last = ramp.length - 1;
  return ramp[k <= 1 ? last : Math.round((i * last) / (k - 1))] as string;
}

function rampLook(property: 'count' | 'density_per_km2', cells: readonly RampSource[], theme: Theme): HotspotLook {
  const integers = property === 'count';
  const values = cells.map((c) => c[property] ?? 0);
  const bounds = rampBounds(values, integers);
  const largest = Math.max(0, ...values);
  const classes: LegendClass[] = bounds.map((from, i) => ({
    key: `r${i}`,
    colour: rampColour(theme, i, bounds.length),
    from,
    to: i + 1 < bounds.length ? (bounds[i + 1] as number) : integers ? largest : roundBound(largest),
  }));
  const input = ['coalesce', ['get', property], 0];
  const fillColour =
    classes.length < 2
      ? (classes[0]?.colour ?? rampColour(theme, 0, 1))
      : (['step', input, classes[0]?.colour, ...classes.slice(1).flatMap((c) => [c.from, c.colour])] as ExpressionSpecification);
  return { property, integers, classes, fillColour, fillOpacity: CELL_OPACITY, lineOpacity: 0.9 };
}

function significanceLook(keys: readonly SignificanceKey[], theme: Theme): HotspotLook {
  const colours = SIGNIFICANCE_COLOURS[theme];
  const classes: LegendClass[] = keys.map((key) => ({ key, colour: colours[key] }));
  // A null class (not significant) reads as "" here, and falls to the last entry.
  const key: ExpressionSpecification = ['to-string', ['get', 'class']];
  const significant = keys.filter((k) => k !== 'none');
  return {
    property: undefined,
    integers: false,
    classes,
    fillColour: ['match', key, ...significant.flatMap((k) => [k, colours[k]]), colours.none] as ExpressionSpecification,
    fillOpacity: ['match', key, significant, CELL_OPACITY, QUIET_CELL_OPACITY] as ExpressionSpecification,
    lineOpacity: ['match', key, significant, 0.9, 0.35] as ExpressionSpecification,
  };
}

/** The paint and legend of a hotspot map of `method` over `cells` (or street segments), in `theme`. */
export function hotspotLook(method: HotspotMethod, cells: readonly RampSource[], theme: Theme): HotspotLook {
  switch (method) {
    case 'counts':
      return rampLook('count', cells, theme);
    case 'kde':
      return rampLook('density_per_km2', cells, theme);
    case 'gi_star':
      return significanceLook(GI_STAR_CLASSES, theme);
    case 'local_moran':
      return significanceLook(LOCAL_MORAN_CLASSES, theme);
  }
}
