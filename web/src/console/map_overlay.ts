import type * as GeoJSON from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import '../styles/map_overlays.css';
import { failureText, withQuery } from '../api/http';
import type { ConsoleMap } from '../map/basemap';
import type { Theme } from '../map/style';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';

/** The map layers that bring their own data and panel (off until switched on). */
export type OverlayName = 'hotspots' | 'patrol';
export const OVERLAY_NAMES: readonly OverlayName[] = ['hotspots', 'patrol'];

export type Collection = GeoJSON.FeatureCollection<GeoJSON.Geometry, object>;
export const EMPTY_COLLECTION: Collection = { type: 'FeatureCollection', features: [] };

/** Data older than this is asked for again when its layer is switched back on. */
export const RELOAD_AFTER_MS = 10 * 60_000;

/**
 * A switchable layer of cells on the console's map that fetches its own data. It asks the
 * server only while it is on: when it is switched on, and again when one of its options
 * changes (an answer to an older question is dropped). What it fetched is kept across
 * style reloads (theme, language), so the map is never asked to redraw from the network.
 *
 * Its panel holds its controls, a line saying what the map shows, the server's refusal
 * (`{code, message}`) when there is one, and the legend. Test hooks on the panel:
 * `data-state` idle|loading|ready|error, `data-cells` the cells of the answer,
 * `data-drawn` the distinct cells MapLibre drew in the view, counted once the map is idle
 * after new data, a new style or the layer being switched on, and `data-theme` the theme
 * of the style the layer was last added to.
 */
export abstract class CellOverlay {
  readonly panel: HTMLElement;
  protected readonly heading: HTMLElement;
  protected readonly controls: HTMLElement;
  protected readonly summary: HTMLElement;
  protected readonly legend: HTMLElement;
  private readonly error: HTMLElement;
  protected view: ConsoleMap | null = null;
  protected theme: Theme = 'night';
  private shown = false;
  private requests = 0;
  private loadedKey = '';
  private loadedAt = 0;
  private failure: unknown = null;
  private awaitingDraw = false;

  /** The MapLibre sources this layer feeds. */
  protected abstract readonly sourceIds: readonly string[];
  /** The layer whose features are the cells: clicked for a popup, counted when drawn. */
  protected abstract readonly cellLayer: string;

  constructor(
    protected readonly ctx: ConsoleContext,
    readonly name: OverlayName,
  ) {
    this.heading = h('h2', { class: 'map-overlay__title', id: `${name}-title` });
    this.controls = h('div', { class: 'map-overlay__controls' });
    this.summary = h('p', { class: 'map-overlay__summary', 'aria-live': 'polite', 'data-testid': `${name}-summary` });
    this.error = h('p', { class: 'alert map-overlay__error', role: 'alert', hidden: true, 'data-testid': `${name}-error` });
    this.legend = h('div', { class: 'map-overlay__legend' });
    this.panel = h(
      'section',
      { class: 'map-overlay', hidden: true, 'aria-labelledby': `${name}-title`, 'data-testid': `${name}-panel`, 'data-state': 'idle' },
      [this.heading, this.controls, this.summary, this.error, this.legend],
    );
  }

  /** The query of the layer's data as its options stand. */
  protected abstract query(): { path: string; params: Record<string, string> };
  /** Checks and keeps an answer; throws (ApiError) when it is not the documented shape. */
  protected abstract accept(body: unknown, path: string): void;
  /** Forgets the data (after a refusal: cells of other options must not stay on the map). */
  protected abstract clear(): void;
  protected abstract sourceData(id: string): Collection;
  protected abstract cellCount(): number;
  /** Adds the layer's MapLibre layers (its sources exist), under `beforeId`. */
  protected abstract addLayers(map: maplibregl.Map, beforeId: string | undefined): void;
  /** The MapLibre layer ids, for switching them on and off. */
  protected abstract layerIds(): readonly string[];
  /** The popup of a clicked cell. */
  protected abstract describe(properties: Record<string, unknown>): HTMLElement;
  /** The panel's labels, summary and legend in the interface language. */
  protected abstract renderPanel(): void;
  /** The panel's text for a failed request, `detail` being the server's message. */
  protected abstract failureMessage(detail: string): string;
  /** Paint that depends on the data (a ramp cut from its values); nothing by default. */
  protected restyle(_map: maplibregl.Map): void {}

  get state(): string {
    return this.panel.dataset.state ?? 'idle';
  }

  /** The map is there: the layer counts what it draws whenever the map comes to rest. */
  attach(view: ConsoleMap): void {
    this.view = view;
    view.map.on('idle', () => this.countDrawn());
  }

  /** Adds sources and layers to a freshly loaded style (the first, or after a theme or language change). */
  install(theme: Theme, beforeId: string | undefined): void {
    const map = this.view?.map;
    if (!map) return;
    this.theme = theme;
    this.panel.dataset.theme = theme;
    // No simplification (tolerance 0): a unit is drawn however small it is at the zoom shown,
    // a street segment of a metre as a dot, rather than dropped from the tile; the shapes are
    // few and simple (squares, short polylines), so there is nothing to save.
    for (const id of this.sourceIds) {
      if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: this.sourceData(id) as GeoJSON.GeoJSON, generateId: true, tolerance: 0 });
    }
    if (!map.getLayer(this.cellLayer)) this.addLayers(map, beforeId && map.getLayer(beforeId) ? beforeId : undefined);
    this.applyVisibility();
    // Drawn anew by the new style.
    if (this.shown) this.recount();
    this.render();
  }

  /** Switched on or off from the layer bar; switching on fetches unless the data is fresh. */
  setVisible(on: boolean): void {
    if (on === this.shown) return;
    this.shown = on;
    this.panel.hidden = !on;
    this.applyVisibility();
    if (!on) return;
    this.recount();
    const { path, params } = this.query();
    const fresh = withQuery(path, params) === this.loadedKey && Date.now() - this.loadedAt < RELOAD_AFTER_MS;
    if (!fresh) void this.load();
  }

  /** An option changed: fetch now when on, else when next switched on. */
  protected reload(): void {
    if (this.shown) void this.load();
  }

  render(): void {
    this.error.hidden = this.failure === null;
    this.error.textContent = this.failure === null ? '' : this.failureMessage(failureText(this.failure));
    this.renderPanel();
  }

  /** Shows the popup of the cell at `point` when this layer is on and has one there. */
  popupAt(point: maplibregl.PointLike, at: [number, number]): boolean {
    const map = this.view?.map;
    if (!this.shown || !map?.getLayer(this.cellLayer)) return false;
    const hit = map.queryRenderedFeatures(point, { layers: [this.cellLayer] })[0];
    if (!hit) return false;
    this.view?.popup(at, this.describe(hit.properties));
    return true;
  }

  private async load(): Promise<void> {
    const request = ++this.requests;
    const { path, params } = this.query();
    const key = withQuery(path, params);
    this.panel.dataset.state = 'loading';
    this.panel.setAttribute('aria-busy', 'true');
    this.render();
    try {
      const body = await this.ctx.http.get<unknown>(path, params);
      if (request !== this.requests) return;
      this.accept(body, key);
      this.failure = null;
      this.loadedKey = key;
      this.loadedAt = Date.now();
      this.panel.dataset.state = 'ready';
    } catch (failure) {
      if (request !== this.requests) return;
      this.clear();
      this.failure = failure;
      this.loadedKey = '';
      this.panel.dataset.state = 'error';
    }
    this.panel.removeAttribute('aria-busy');
    this.draw();
    this.render();
  }

  /** Hands the data to the map once (not per frame: MapLibre keeps it in its worker). */
  private draw(): void {
    this.panel.dataset.cells = String(this.cellCount());
    this.recount();
    const map = this.view?.map;
    if (!map) return;
    for (const id of this.sourceIds) (map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(this.sourceData(id) as GeoJSON.GeoJSON);
    if (map.getLayer(this.cellLayer)) this.restyle(map);
  }

  /** What the map shows changed: the cells drawn are counted again when it comes to rest. */
  private recount(): void {
    delete this.panel.dataset.drawn;
    this.awaitingDraw = true;
  }

  private applyVisibility(): void {
    const map = this.view?.map;
    if (!map) return;
    for (const id of this.layerIds()) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', this.shown ? 'visible' : 'none');
    }
  }

  private countDrawn(): void {
    const map = this.view?.map;
    if (!this.awaitingDraw || !this.shown || this.state !== 'ready' || !map?.getLayer(this.cellLayer)) return;
    this.awaitingDraw = false;
    const drawn = new Set(map.queryRenderedFeatures({ layers: [this.cellLayer] }).map((f) => f.id));
    this.panel.dataset.drawn = String(drawn.size);
  }
}

/** A popup's content: a title and label–value rows. */
export function factCard(title: string, facts: readonly [string, string][], testId: string): HTMLElement {
  const list = h('dl', { class: 'cell-card__facts' });
  for (const [label, value] of facts) list.append(h('dt', {}, [label]), h('dd', {}, [value]));
  return h('div', { class: 'cell-card', 'data-testid': testId }, [h('strong', {}, [title]), list]);
}

/**
 * A labelled <select> for an overlay's panel; its owner words `label`. The label stands
 * beside the control rather than around it, so the control's accessible name is the label
 * alone, not the label and the option shown.
 */
export function selectField(id: string, testId: string): { field: HTMLElement; label: HTMLElement; select: HTMLSelectElement } {
  const select = h('select', { id, class: 'field__input field__input--small', 'data-testid': testId });
  const label = h('label', { class: 'field__label', for: id });
  return { field: h('div', { class: 'field field--inline' }, [label, select]), label, select };
}

/**
 * Fills a <select> with `values` labelled in the interface language, keeping its value. The
 * options are made anew only when the values change (a choice that offers other methods),
 * so a relabelling leaves an open list alone.
 */
export function fillOptions(select: HTMLSelectElement, values: readonly string[], label: (value: string) => string, value: string): void {
  const same = select.options.length === values.length && values.every((v, i) => select.options[i]?.value === v);
  if (!same) select.replaceChildren(...values.map((v) => h('option', { value: v })));
  values.forEach((v, i) => {
    const option = select.options[i];
    if (option) option.textContent = label(v);
  });
  select.value = value;
}
