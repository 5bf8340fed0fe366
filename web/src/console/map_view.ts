import type * as GeoJSON from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { Incident, Position, RouteAnswer } from '../api/records';
import { OPEN_INCIDENT_STATUSES } from '../api/records';
import type { CityView, ConsoleMap } from '../map/basemap';
import type { Theme } from '../map/style';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import { CircleLayer } from './circle_layer';
import { seesCircles } from './circle_model';
import type { ConsoleContext } from './context';
import { HotspotLayer } from './hotspot_layer';
import { OVERLAY_NAMES, type CellOverlay, type OverlayName } from './map_overlay';
import { STATUS_COLOURS, PRIORITY_COLOURS } from './palette';
import { PatrolPlanLayer } from './patrol_plan_layer';

type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>;
type Collection = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;

type LiveLayer = 'units' | 'incidents' | 'stations' | 'route';
const LIVE_LAYERS: readonly LiveLayer[] = ['units', 'incidents', 'route', 'stations'];
export type MapLayer = LiveLayer | 'circles' | OverlayName;
/**
 * The layer bar, in order. The live layers start on; the quick-response circles and the
 * overlays start off (they ask the server for their data while they are on).
 */
export const MAP_LAYERS: readonly MapLayer[] = [...LIVE_LAYERS, 'circles', ...OVERLAY_NAMES];
/** The key sites and posts lie under the route, the incidents and the units. */
const CIRCLES_BELOW = 'route';
/** Hotspot cells under the station boundaries, the patrol plan over them, both under live incidents and units. */
const OVERLAY_BELOW: Readonly<Record<OverlayName, string>> = { hotspots: 'stations', patrol: 'candidates' };

/** How long a unit glides from one fix to the next, and how often the glide is redrawn. */
const GLIDE_MS = 1000;
const GLIDE_FRAME_MS = 100;
/**
 * Above this many units on the map they step from fix to fix instead of gliding, and the
 * layer is redrawn at most every STEP_FRAME_MS: re-indexing a thousand moving points ten
 * times a second would take the frames the dispatcher's keys need.
 */
export const GLIDE_MAX_UNITS = 300;
const STEP_FRAME_MS = 500;

interface Glide {
  from: [number, number];
  to: [number, number];
  start: number;
}

/** A point `t` (0..1) of the way from `a` to `b`. */
export function lerp(a: [number, number], b: [number, number], t: number): [number, number] {
  const k = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
}

/** A circle of `radius` metres as a 32-gon (uncertainty of a location candidate). */
export function circlePolygon(lon: number, lat: number, radius: number): GeoJSON.Polygon {
  const ring: [number, number][] = [];
  const dLat = radius / 111_320;
  const dLon = radius / (111_320 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i <= 32; i++) {
    const a = (i / 32) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The one map (一张图): live units gliding between fixes and coloured by status,
 * incidents by priority, the selected incident's location candidates with their
 * uncertainty circles, the route of a dispatched unit and the station areas, each a
 * layer that can be switched off. Clicking an incident selects it. The same layer bar
 * switches on the quick-response circles (circle_layer.ts) and the hotspot and patrol plan
 * layers (hotspot_layer.ts, patrol_plan_layer.ts), which bring their own data and panel.
 * A position can be picked by clicking the map (pickPosition).
 */
export class MapView {
  readonly el: HTMLElement;
  private view: ConsoleMap | null = null;
  private readonly glides = new Map<string, Glide>();
  private glideTimer: ReturnType<typeof setInterval> | undefined;
  private selected = '';
  private route: RouteAnswer | null = null;
  private pin: { lon: number; lat: number; radius: number } | null = null;
  private readonly visible = new Set<MapLayer>(LIVE_LAYERS);
  /** The hotspot and patrol plan layers: not on a unit terminal (its role may not read statistics). */
  private readonly cellOverlays: readonly CellOverlay[];
  /** The quick-response circles: not on a unit terminal (its role may not read them). */
  readonly circles: CircleLayer | null;
  /** Ends the pick in progress with a position, or null when given up. */
  private picking: ((at: [number, number] | null) => void) | null = null;
  /** The layers this seat's layer bar offers. */
  private readonly layers: readonly MapLayer[];
  private orgAreas: Collection = { type: 'FeatureCollection', features: [] };
  private readonly layerBar: HTMLElement;
  private readonly canvasBox: HTMLElement;

  constructor(
    private readonly ctx: ConsoleContext,
    private theme: Theme,
    private readonly onSelectIncident: (id: string) => void,
  ) {
    this.canvasBox = h('div', { class: 'map__canvas', 'data-testid': 'map' });
    this.layerBar = h('div', { class: 'map__layers', role: 'group' });
    this.cellOverlays = ctx.user.role === 'unit_terminal' ? [] : [new HotspotLayer(ctx), new PatrolPlanLayer(ctx)];
    this.circles = seesCircles(ctx.user.role) ? new CircleLayer(ctx) : null;
    this.layers = MAP_LAYERS.filter(
      (layer) =>
        (LIVE_LAYERS as readonly string[]).includes(layer) || (layer === 'circles' && this.circles !== null) || this.cellOverlays.some((o) => o.name === layer),
    );
    const panels = h('div', { class: 'map__overlays' }, [...(this.circles ? [this.circles.panel] : []), ...this.cellOverlays.map((o) => o.panel)]);
    this.el = h('section', { class: 'panel panel--map' }, [this.canvasBox, this.layerBar, panels]);
  }

  /**
   * Opens the map once the element is in the page (MapLibre measures its container).
   * MapLibre is loaded here, not with the page: the lists work before the map is there.
   */
  async open(city: CityView): Promise<void> {
    const { openMap } = await import('../map/basemap');
    this.view = openMap(this.canvasBox, city, this.theme, this.ctx.locale);
    const map = this.view.map;
    for (const overlay of this.cellOverlays) overlay.attach(this.view);
    this.circles?.attach(this.view);
    map.on('style.load', () => this.addOverlays());
    // `load`: the first complete picture; `idle` may never come while units keep moving.
    map.once('load', () => this.canvasBox.setAttribute('data-loaded', 'true'));
    map.on('idle', () => this.canvasBox.setAttribute('data-idle', 'true'));
    map.on('click', (event) => {
      if (this.picking) {
        this.picking([event.lngLat.lng, event.lngLat.lat]);
        return;
      }
      const layers = ['incidents', 'units'].filter((l) => map.getLayer(l));
      const hit = layers.length > 0 ? map.queryRenderedFeatures(event.point, { layers }) : [];
      const first = hit[0];
      const id = first?.properties?.id;
      if (first?.layer.id === 'units' && typeof id === 'string') this.showUnit(id);
      else if (typeof id === 'string' && id !== '') this.onSelectIncident(id);
      else if (this.circles?.popupAt(event.point)) return;
      else if (!this.cellPopup(event.point, [event.lngLat.lng, event.lngLat.lat])) this.onMapClick?.(event.lngLat.lng, event.lngLat.lat);
    });
    void this.ctx.http
      .get<Collection>('/api/v1/org')
      .then((org) => {
        this.orgAreas = { ...org, features: org.features.filter((f: Feature) => f.properties.level === 'station') };
        this.setData('stations', this.orgAreas);
      })
      .catch(() => undefined);
    this.renderLayerBar();
  }

  get map(): maplibregl.Map | null {
    return this.view?.map ?? null;
  }

  /** Called for a click on the map that hits no incident (the intake pins it). */
  onMapClick: ((lon: number, lat: number) => void) | null = null;

  /** A unit's card on the map: callsign, name, station, status and its current incident. */
  showUnit(id: string): void {
    const { ctx } = this;
    const unit = ctx.store.units.get(id);
    const p = ctx.store.positions.get(id);
    if (!unit || !p || !this.view) return;
    const order = unit.orders.map((o) => ctx.store.orders.get(o)).find((o) => o !== undefined);
    const incident = order ? ctx.store.incidents.get(order.incident) : undefined;
    const card = h('div', { class: 'unit-card', 'data-testid': 'unit-card', 'data-unit': id }, [
      h('strong', {}, [id]),
      ` ${unit.profile.name}`,
      h('div', { class: 'muted' }, [ctx.orgName(unit.profile.station)]),
      h('span', { class: `chip unit-status--${unit.emergency ? 'emergency' : unit.status}` }, [
        unit.emergency ? ctx.tr('unit.emergency') : ctx.tr(`unit.status.${unit.status}` as MessageKey),
      ]),
    ]);
    if (incident) {
      const link = h('button', { type: 'button', class: 'btn btn--small' }, [`${ctx.typeName(incident.type_code)} · ${incident.id}`]);
      link.addEventListener('click', () => this.onSelectIncident(incident.id));
      card.append(h('div', {}, [link]));
    }
    this.view.popup([p.lon, p.lat], card);
  }

  /** The map's centre as [lon, lat], or null before the map is open. */
  centre(): [number, number] | null {
    const c = this.view?.map.getCenter();
    return c ? [c.lng, c.lat] : null;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.view?.setTheme(theme);
  }

  setLocale(): void {
    this.view?.setLocale(this.ctx.locale);
    this.renderLayerBar();
    this.circles?.render();
    for (const overlay of this.cellOverlays) overlay.render();
  }

  /** Whether the map has the quick-response circles (every seat but a unit terminal). */
  get hasCircles(): boolean {
    return this.circles !== null;
  }

  /**
   * Shows the move-up of `site`'s coverage gap, switching the circles on if they are off:
   * the unit, the post and the way between them marked; with `frame` the map also takes
   * them in and the site's card opens.
   */
  showGap(site: string, frame: boolean): void {
    if (!this.circles) return;
    if (!this.visible.has('circles')) this.toggle('circles');
    if (frame) this.circles.showSite(site, true);
    else this.circles.highlight(site, false);
  }

  /**
   * Lets the user pick a position by clicking the map, `hint` saying so over it: resolves
   * with [lon, lat], or null on Esc (or when another pick starts, or there is no map yet).
   */
  pickPosition(hint: string): Promise<[number, number] | null> {
    this.picking?.(null);
    if (!this.view) return Promise.resolve(null);
    return new Promise((resolve) => {
      const banner = h('p', { class: 'map__pick-hint', role: 'status', 'data-testid': 'map-pick-hint' }, [hint]);
      this.el.append(banner);
      this.canvasBox.classList.add('map__canvas--picking');
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        // Taken before the workspace's own Esc (back to the queue).
        event.preventDefault();
        event.stopPropagation();
        this.picking?.(null);
      };
      document.addEventListener('keydown', onKey, true);
      this.picking = (at) => {
        this.picking = null;
        banner.remove();
        this.canvasBox.classList.remove('map__canvas--picking');
        document.removeEventListener('keydown', onKey, true);
        resolve(at);
      };
    });
  }

  /** The popup of the topmost overlay cell at `point`; false when no overlay has one there. */
  private cellPopup(point: maplibregl.PointLike, at: [number, number]): boolean {
    return [...this.cellOverlays].reverse().some((overlay) => overlay.popupAt(point, at));
  }

  resize(): void {
    this.view?.map.resize();
  }

  /** New fixes: each unit glides from where it is drawn to its new position. */
  moveUnits(units: Iterable<string>): void {
    if (this.ctx.store.positions.size > GLIDE_MAX_UNITS) {
      this.glides.clear();
      if (this.glideTimer === undefined) {
        this.glideTimer = setTimeout(() => {
          this.glideTimer = undefined;
          this.drawUnits();
        }, STEP_FRAME_MS);
      }
      return;
    }
    const now = performance.now();
    for (const id of units) {
      const p = this.ctx.store.positions.get(id);
      if (!p) continue;
      const glide = this.glides.get(id);
      const from = glide ? lerp(glide.from, glide.to, (now - glide.start) / GLIDE_MS) : ([p.lon, p.lat] as [number, number]);
      this.glides.set(id, { from, to: [p.lon, p.lat], start: now });
    }
    if (this.glideTimer === undefined) {
      this.glideTimer = setInterval(() => this.drawUnits(), GLIDE_FRAME_MS);
    }
  }

  /** Redraws the units (status colours) and incidents from the store. */
  refresh(): void {
    this.drawUnits();
    this.drawIncidents();
  }

  select(id: string): void {
    if (id !== this.selected) this.route = null;
    this.selected = id;
    this.drawIncidents();
    this.drawRoute();
  }

  /** Frames the selected incident (or a position) on the map. */
  /**
   * Brings a position into view: only when it is outside the map's view (then the map pans
   * there and keeps its zoom), unless `zoom`: then it also zooms in to street level. Moving
   * the map costs a full redraw (and new tiles), so running through the queue does not.
   */
  focusOn(lon: number, lat: number, zoom = false): void {
    const map = this.view?.map;
    if (!map) return;
    if (zoom) {
      map.jumpTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 15) });
      return;
    }
    const b = map.getBounds();
    const marginLon = (b.getEast() - b.getWest()) * 0.1;
    const marginLat = (b.getNorth() - b.getSouth()) * 0.1;
    const inside =
      lon > b.getWest() + marginLon && lon < b.getEast() - marginLon && lat > b.getSouth() + marginLat && lat < b.getNorth() - marginLat;
    if (!inside) map.jumpTo({ center: [lon, lat] });
  }

  /** Draws `route` (null: none) and frames it when `frame` is set (the terminal's map). */
  showRoute(route: RouteAnswer | null, frame = false): void {
    this.route = route;
    this.drawRoute();
    const map = this.view?.map;
    if (!route || !frame || !map || route.geometry.coordinates.length < 2) return;
    const lons = route.geometry.coordinates.map((c) => c[0]);
    const lats = route.geometry.coordinates.map((c) => c[1]);
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 40, duration: 0, maxZoom: 16 },
    );
  }

  /** The call-taker's pin: the address being entered, with its uncertainty. */
  showPin(pin: { lon: number; lat: number; radius: number } | null): void {
    this.pin = pin;
    this.drawIncidents();
    if (pin) this.focusOn(pin.lon, pin.lat, true);
  }

  toggle(layer: MapLayer): void {
    if (this.visible.has(layer)) this.visible.delete(layer);
    else this.visible.add(layer);
    this.applyVisibility();
    this.renderLayerBar();
  }

  /**
   * Labels the layer buttons in the current language and shows which are on. The buttons are
   * made once and updated in place, so a keyboard user's focus on one survives every redraw.
   */
  private renderLayerBar(): void {
    this.layerBar.setAttribute('aria-label', this.ctx.tr('map.layers'));
    if (this.layerBar.children.length !== this.layers.length) {
      this.layerBar.replaceChildren(
        ...this.layers.map((layer) => {
          const b = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': `layer-${layer}`, ...(layer === 'circles' ? { 'aria-keyshortcuts': 'O' } : {}) });
          b.addEventListener('click', () => this.toggle(layer));
          return b;
        }),
      );
    }
    this.layers.forEach((layer, i) => {
      const b = this.layerBar.children[i] as HTMLElement;
      b.setAttribute('aria-pressed', String(this.visible.has(layer)));
      b.textContent = this.ctx.tr(`map.layer.${layer}`);
    });
  }

  private addOverlays(): void {
    const map = this.view?.map;
    if (!map) return;
    const empty: Collection = { type: 'FeatureCollection', features: [] };
    for (const name of ['stations', 'candidates', 'route', 'incidents', 'units'] as const) {
      if (!map.getSource(name)) map.addSource(name, { type: 'geojson', data: name === 'stations' ? this.orgAreas : empty });
    }
    const night = this.theme === 'night';
    map.addLayer({
      id: 'stations',
      type: 'line',
      source: 'stations',
      paint: { 'line-color': night ? '#6b7f99' : '#7d6b99', 'line-width': 1, 'line-dasharray': [3, 2] },
    });
    map.addLayer({
      id: 'candidates',
      type: 'fill',
      source: 'candidates',
      paint: { 'fill-color': '#3d8bfd', 'fill-opacity': 0.18, 'fill-outline-color': '#3d8bfd' },
    });
    map.addLayer({
      id: 'route',
      type: 'line',
      source: 'route',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#1f9d55', 'line-width': 5, 'line-opacity': 0.85 },
    });
    map.addLayer({
      id: 'incidents',
      type: 'circle',
      source: 'incidents',
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 11, 8],
        'circle-color': ['match', ['get', 'priority'], 1, PRIORITY_COLOURS[1], 2, PRIORITY_COLOURS[2], 3, PRIORITY_COLOURS[3], PRIORITY_COLOURS[4]],
        'circle-stroke-width': ['case', ['get', 'selected'], 3, 1.5],
        'circle-stroke-color': night ? '#ffffff' : '#111111',
      },
    });
    const statusColour: unknown[] = ['match', ['get', 'status']];
    for (const [status, colour] of Object.entries(STATUS_COLOURS)) statusColour.push(status, colour.fill);
    statusColour.push('#888888');
    map.addLayer({
      id: 'units',
      type: 'circle',
      source: 'units',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 7],
        'circle-color': statusColour as maplibregl.ExpressionSpecification,
        'circle-stroke-width': 1,
        'circle-stroke-color': night ? '#0b0f14' : '#ffffff',
      },
    });
    this.circles?.install(this.theme, CIRCLES_BELOW);
    for (const overlay of this.cellOverlays) overlay.install(this.theme, OVERLAY_BELOW[overlay.name]);
    this.applyVisibility();
    this.refresh();
    this.drawRoute();
  }

  private applyVisibility(): void {
    for (const overlay of this.cellOverlays) overlay.setVisible(this.visible.has(overlay.name));
    this.circles?.setVisible(this.visible.has('circles'));
    const map = this.view?.map;
    if (!map) return;
    const layersOf: Record<LiveLayer, string[]> = {
      units: ['units'],
      incidents: ['incidents', 'candidates'],
      route: ['route'],
      stations: ['stations'],
    };
    for (const layer of LIVE_LAYERS) {
      for (const id of layersOf[layer]) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', this.visible.has(layer) ? 'visible' : 'none');
      }
    }
  }

  private setData(source: string, data: Collection): void {
    const s = this.view?.map.getSource(source) as maplibregl.GeoJSONSource | undefined;
    s?.setData(data);
  }

  private drawUnits(): void {
    const now = performance.now();
    const features: Feature[] = [];
    let moving = false;
    for (const [id, p] of this.ctx.store.positions) {
      const unit = this.ctx.store.units.get(id);
      const glide = this.glides.get(id);
      let at: [number, number] = [p.lon, p.lat];
      if (glide) {
        const t = (now - glide.start) / GLIDE_MS;
        at = lerp(glide.from, glide.to, t);
        if (t < 1) moving = true;
        else this.glides.delete(id);
      }
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: { id, status: unit?.emergency ? 'emergency' : (unit?.status ?? 'available') },
      });
    }
    this.setData('units', { type: 'FeatureCollection', features });
    if (!moving && this.glideTimer !== undefined && this.glides.size === 0 && this.ctx.store.positions.size <= GLIDE_MAX_UNITS) {
      clearInterval(this.glideTimer);
      this.glideTimer = undefined;
    }
  }

  private drawIncidents(): void {
    const features: Feature[] = [];
    const circles: Feature[] = [];
    for (const incident of this.ctx.store.incidents.values()) {
      if (!OPEN_INCIDENT_STATUSES.has(incident.status)) continue;
      const at = placeOf(incident);
      if (!at) continue;
      const selected = incident.id === this.selected;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: { id: incident.id, priority: incident.priority, selected },
      });
      if (selected) {
        for (const c of incident.location.candidates) {
          circles.push({ type: 'Feature', geometry: circlePolygon(c.lon, c.lat, Math.max(10, c.uncertainty_m)), properties: {} });
        }
      }
    }
    if (this.pin) {
      circles.push({ type: 'Feature', geometry: circlePolygon(this.pin.lon, this.pin.lat, this.pin.radius), properties: {} });
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [this.pin.lon, this.pin.lat] },
        properties: { id: '', priority: 0, selected: true },
      });
    }
    this.setData('incidents', { type: 'FeatureCollection', features });
    this.setData('candidates', { type: 'FeatureCollection', features: circles });
  }

  private drawRoute(): void {
    const features: Feature[] = this.route ? [{ type: 'Feature', geometry: this.route.geometry, properties: {} }] : [];
    this.setData('route', { type: 'FeatureCollection', features });
  }
}

/** Where an incident is drawn: its confirmed candidate, else its first. */
export function placeOf(incident: Incident): [number, number] | null {
  const c = incident.location.candidates[incident.location.confirmed ?? 0] ?? incident.location.candidates[0];
  return c ? [c.lon, c.lat] : null;
}

export type { Position };
