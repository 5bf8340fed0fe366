import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Locale } from '../i18n/locales';
import { basemapStyle, type BasemapInfo, type Theme } from './style';

// The worker is bundled with the console and served by the shouwang server like every
// other asset: the map loads nothing from outside the centre.
maplibregl.setWorkerUrl(workerUrl);

/** What the console knows of the city (GET /api/v1/city). */
export interface CityView {
  bbox: [number, number, number, number]; // west, south, east, north
  centre: [number, number]; // lon, lat
  basemap: BasemapInfo | null;
}

/** The one map (一张图) of the console: the centre's basemap, framed on the city. */
export interface ConsoleMap {
  readonly map: maplibregl.Map;
  /** Shows `content` in a popup at [lon, lat] (one at a time: the previous one closes). */
  popup(at: [number, number], content: HTMLElement): void;
  /** Pins `element` to [lon, lat]: it moves with the map until removed. */
  marker(at: [number, number], element: HTMLElement): { remove(): void };
  setTheme(theme: Theme): void;
  setLocale(locale: Locale): void;
}

export function openMap(container: HTMLElement, city: CityView, theme: Theme, locale: Locale): ConsoleMap {
  const basemap: BasemapInfo = city.basemap ?? { tiles: '/tiles/{z}/{x}/{y}.pbf', minzoom: 8, maxzoom: 14 };
  const origin = window.location.origin;
  let current = { theme, locale };
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(basemap, theme, locale, origin) as unknown as maplibregl.StyleSpecification,
    bounds: [
      [city.bbox[0], city.bbox[1]],
      [city.bbox[2], city.bbox[3]],
    ],
    maxZoom: 19,
    attributionControl: { compact: true, customAttribution: '© OpenStreetMap contributors' },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  let open: maplibregl.Popup | null = null;
  const restyle = () => map.setStyle(basemapStyle(basemap, current.theme, current.locale, origin) as unknown as maplibregl.StyleSpecification);
  return {
    map,
    popup(at, content) {
      open?.remove();
      open = new maplibregl.Popup({ closeButton: true, maxWidth: '280px' }).setLngLat(at).setDOMContent(content).addTo(map);
    },
    marker(at, element) {
      return new maplibregl.Marker({ element }).setLngLat(at).addTo(map);
    },
    setTheme(next) {
      if (next === current.theme) return;
      current = { ...current, theme: next };
      restyle();
    },
    setLocale(next) {
      if (next === current.locale) return;
      current = { ...current, locale: next };
      restyle();
    },
  };
}
