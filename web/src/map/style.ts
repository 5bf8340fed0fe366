import type { Locale } from '../i18n/locales';

/** Where the server keeps the basemap (GET /api/v1/city → basemap). */
export interface BasemapInfo {
  tiles: string;
  minzoom: number;
  maxzoom: number;
}

/** Command halls run dark screens at night; the day theme is for offices. */
export type Theme = 'day' | 'night';

/** The colours of one theme: every basemap layer's paint comes from here. */
interface Palette {
  background: string;
  water: string;
  park: string;
  residential: string;
  industrial: string;
  building: string;
  boundary: string;
  roadCasing: string;
  motorway: string;
  primary: string;
  secondary: string;
  minor: string;
  path: string;
  label: string;
  labelHalo: string;
}

const PALETTES: Record<Theme, Palette> = {
  day: {
    background: '#f3f1ec',
    water: '#a8c8e8',
    park: '#cfe5c0',
    residential: '#ebe6dd',
    industrial: '#e3dde6',
    building: '#d9d2c7',
    boundary: '#9a7aa0',
    roadCasing: '#c9c2b5',
    motorway: '#f2a65a',
    primary: '#f7d27a',
    secondary: '#fbe7a6',
    minor: '#ffffff',
    path: '#d8cfc0',
    label: '#333333',
    labelHalo: '#ffffff',
  },
  night: {
    background: '#0f1720',
    water: '#16304a',
    park: '#15291d',
    residential: '#18212b',
    industrial: '#1d1c2b',
    building: '#222c38',
    boundary: '#7a5f86',
    roadCasing: '#0a1016',
    motorway: '#b5763a',
    primary: '#8c7440',
    secondary: '#5d5a45',
    minor: '#3a4654',
    path: '#2b3542',
    label: '#c9d3de',
    labelHalo: '#0f1720',
  },
};

/** Road classes of the transportation layer, widest first, with their width at z14. */
const ROADS: ReadonlyArray<{ cls: string; width: number; colour: keyof Palette }> = [
  { cls: 'motorway', width: 7, colour: 'motorway' },
  { cls: 'trunk', width: 6.5, colour: 'motorway' },
  { cls: 'primary', width: 6, colour: 'primary' },
  { cls: 'secondary', width: 5, colour: 'secondary' },
  { cls: 'tertiary', width: 4.5, colour: 'secondary' },
  { cls: 'minor', width: 3.5, colour: 'minor' },
  { cls: 'service', width: 2, colour: 'minor' },
  { cls: 'path', width: 1.2, colour: 'path' },
];

type Layer = Record<string, unknown>;

/** A road width that grows with the zoom: a quarter at z10, full at z14, 4× at z18. */
function roadWidth(width: number): unknown[] {
  return ['interpolate', ['exponential', 1.6], ['zoom'], 10, width / 4, 14, width, 18, width * 4];
}

/** The label in the user's language, falling back to the name as mapped. */
function labelField(locale: Locale): unknown[] {
  const field = locale === 'zh-CN' ? 'name_zh' : 'name_en';
  return ['coalesce', ['get', field], ['get', 'name']];
}

/** The tile URL template made absolute (the map's worker fetches it), braces kept. */
function absoluteTemplate(template: string, origin: string): string {
  return template.startsWith('/') ? origin.replace(/\/$/, '') + template : template;
}

/**
 * The MapLibre style for the centre's own basemap. No `glyphs`: labels are drawn with the
 * machine's local fonts (CJK included), so nothing is fetched from outside.
 */
export function basemapStyle(basemap: BasemapInfo, theme: Theme, locale: Locale, origin: string): Record<string, unknown> {
  const p = PALETTES[theme];
  const fill = (id: string, layer: string, colour: string, filter?: unknown[]): Layer => ({
    id,
    type: 'fill',
    source: 'basemap',
    'source-layer': layer,
    ...(filter ? { filter } : {}),
    paint: { 'fill-color': colour },
  });
  const layers: Layer[] = [
    { id: 'background', type: 'background', paint: { 'background-color': p.background } },
    fill('landuse-residential', 'landuse', p.residential, ['in', ['get', 'class'], ['literal', ['residential', 'commercial', 'school', 'hospital']]]),
    fill('landuse-industrial', 'landuse', p.industrial, ['in', ['get', 'class'], ['literal', ['industrial', 'military']]]),
    fill('landuse-park', 'landuse', p.park, ['in', ['get', 'class'], ['literal', ['park', 'grass', 'wood', 'farmland', 'cemetery']]]),
    fill('water', 'water', p.water),
    {
      id: 'waterway',
      type: 'line',
      source: 'basemap',
      'source-layer': 'waterway',
      paint: { 'line-color': p.water, 'line-width': ['match', ['get', 'class'], 'river', 3, 'canal', 2, 1] },
    },
    { ...fill('building', 'building', p.building), minzoom: 14 },
    {
      id: 'boundary',
      type: 'line',
      source: 'basemap',
      'source-layer': 'boundary',
      paint: { 'line-color': p.boundary, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
  ];
  // Casings under all roads, then the roads narrowest first so that wide ones draw on top.
  for (const road of ROADS) {
    layers.push({
      id: `road-casing-${road.cls}`,
      type: 'line',
      source: 'basemap',
      'source-layer': 'transportation',
      filter: ['==', ['get', 'class'], road.cls],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': p.roadCasing, 'line-width': roadWidth(road.width + 1.5) },
    });
  }
  for (const road of [...ROADS].reverse()) {
    layers.push({
      id: `road-${road.cls}`,
      type: 'line',
      source: 'basemap',
      'source-layer': 'transportation',
      filter: ['==', ['get', 'class'], road.cls],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': p[road.colour], 'line-width': roadWidth(road.width) },
    });
  }
  layers.push(
    {
      id: 'road-label',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'transportation',
      minzoom: 13,
      filter: ['has', 'name'],
      layout: { 'symbol-placement': 'line', 'text-field': labelField(locale), 'text-size': 12 },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      id: 'place-label',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'place',
      layout: { 'text-field': labelField(locale), 'text-size': ['match', ['get', 'class'], 'city', 18, 'district', 16, 'suburb', 14, 12] },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 2 },
    },
    {
      id: 'poi-label',
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'poi',
      minzoom: 15,
      layout: { 'text-field': labelField(locale), 'text-size': 11, 'text-anchor': 'top' },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
    },
  );
  return {
    version: 8,
    name: `shouwang-${theme}`,
    sources: {
      basemap: {
        type: 'vector',
        tiles: [absoluteTemplate(basemap.tiles, origin)],
        minzoom: basemap.minzoom,
        maxzoom: basemap.maxzoom,
      },
    },
    layers,
  };
}
