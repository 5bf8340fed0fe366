import '../styles/circles.css';
import type * as GeoJSON from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { asCirclesAnswer, CIRCLES_PATH, type CirclesAnswer, type KeySite } from '../api/circles';
import { failureText } from '../api/http';
import type { StoreChange } from '../live/store';
import type { ConsoleMap } from '../map/basemap';
import type { Theme } from '../map/style';
import { h } from '../ui/dom';
import {
  addCircleLayers,
  CIRCLE_LAYER_IDS,
  HIGHLIGHT_LAYER_IDS,
  HIGHLIGHT_SOURCE,
  highlightFeatures,
  POST_LAYER,
  postFeatures,
  POSTS_SOURCE,
  SITE_LAYER,
  siteFeatures,
  SITES_SOURCE,
} from './circle_map_layers';
import { circlesBySite, editsRegistry, gapKey, openGaps, SITE_STATES, sitesInOrder, type SiteWithState } from './circle_model';
import { circlesSummary, postFacts, siteFacts, stateName, tierText, type CircleNames } from './circle_wording';
import type { ConsoleContext } from './context';
import type { Tr } from './dashboard_model';
import { syncList } from './keyed';
import { factCard } from './map_overlay';

/** How often the circles are asked for while the layer is on (the server's watch refreshes every few seconds). */
export const CIRCLES_POLL_MS = 3_000;
/** After a site or post changed, the circles are asked for again this soon. */
const AFTER_CHANGE_MS = 300;
/** Round a lone site framed on the map: about two hundred metres each way. */
const FRAME_MARGIN_DEG = 0.002;

type Point = [number, number];

/**
 * The quick-response circles layer (快反圈) of the console's map: every key site in service
 * as a disc in its state's colour (covered green, gap red, out of reach amber, out of hours
 * grey) with its tier, a pulsing ring round each site with an open gap, the posts as rings,
 * and on request the move-up of a gap (the unit, the post and the way between them).
 *
 * The sites, posts and gaps are the store's (the state, then the stream); the circles
 * (nearest unit, time, covered) are `GET /api/v1/circles`, asked for every CIRCLES_POLL_MS
 * while the layer is on and soon after a site or post changes; there is no stream message
 * for them. Its panel sums the circles up and lists the sites, most urgent first, each a
 * button that shows the site's card: the map is not the only way to read them.
 *
 * Test hooks on the panel (`circles-panel`): `data-state` idle|loading|ready|error,
 * `data-refreshed` the refresh shown, `data-drawn` the distinct sites MapLibre drew in the
 * view (counted when the map comes to rest after a change), `data-highlight` "unit>post" of
 * the move-up shown. Rows `circle-site` (`data-site`, `data-state`); the card `circle-card`
 * (`data-site`) or `post-card` (`data-post`); the pulsing rings `.gap-marker[data-site]`.
 */
export class CircleLayer {
  readonly panel: HTMLElement;
  /** Opens the registry of key sites and posts; the button is there only for the seats that may edit. */
  onRegistry: (() => void) | null = null;
  private readonly heading: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly error: HTMLElement;
  private readonly listTitle: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly legendTitle: HTMLElement;
  private readonly legendList: HTMLElement;
  private readonly registryButton: HTMLButtonElement | null;
  private view: ConsoleMap | null = null;
  private shown = false;
  private answer: CirclesAnswer | null = null;
  private failure: unknown = null;
  private requests = 0;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private soonTimer: ReturnType<typeof setTimeout> | undefined;
  private awaitingDraw = false;
  /** The site whose move-up is marked on the map ("" for none). */
  private highlighted = '';
  private readonly gapMarkers = new Map<string, { key: string; remove(): void }>();
  /** The card open on the map, kept up to date while it is open. */
  private card: { kind: 'site' | 'post'; id: string; holder: HTMLElement } | null = null;

  constructor(private readonly ctx: ConsoleContext) {
    this.heading = h('h2', { class: 'map-overlay__title', id: 'circles-title' });
    this.summary = h('p', { class: 'map-overlay__summary', 'aria-live': 'polite', 'data-testid': 'circles-summary' });
    this.error = h('p', { class: 'alert map-overlay__error', role: 'alert', hidden: true, 'data-testid': 'circles-error' });
    this.listTitle = h('h3', { class: 'circle-sites__title', id: 'circles-sites-title' });
    this.list = h('ul', { class: 'circle-sites', 'aria-labelledby': 'circles-sites-title', 'data-testid': 'circle-sites' });
    this.empty = h('p', { class: 'muted circle-sites__empty' });
    this.legendTitle = h('p', { class: 'map-overlay__legend-title', id: 'circles-legend-title' });
    this.legendList = h('ul', { class: 'legend', 'aria-labelledby': 'circles-legend-title', 'data-testid': 'circles-legend' });
    this.registryButton = editsRegistry(ctx.user.role)
      ? h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'circles-registry' })
      : null;
    this.registryButton?.addEventListener('click', () => this.onRegistry?.());
    this.panel = h(
      'section',
      { class: 'map-overlay circles-panel', hidden: true, 'aria-labelledby': 'circles-title', 'data-testid': 'circles-panel', 'data-state': 'idle' },
      [
        h('div', { class: 'circles-panel__head' }, [this.heading, ...(this.registryButton ? [this.registryButton] : [])]),
        this.summary,
        this.error,
        this.listTitle,
        this.list,
        this.empty,
        h('div', { class: 'map-overlay__legend' }, [this.legendTitle, this.legendList]),
      ],
    );
    ctx.store.subscribe((change) => this.onChange(change));
    this.render();
  }

  private get tr(): Tr {
    return (key, params) => this.ctx.tr(key, params);
  }

  private get names(): CircleNames {
    return { org: (code) => this.ctx.orgName(code), post: (id) => this.ctx.store.posts.get(id)?.profile.name ?? id };
  }

  /** The sites in service with their states, most urgent first. */
  private sites(): SiteWithState[] {
    return sitesInOrder(this.ctx.store.sites.values(), circlesBySite(this.answer));
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
    if (!map.getLayer(SITE_LAYER)) addCircleLayers(map, theme, (id) => this.sourceData(id), beforeId && map.getLayer(beforeId) ? beforeId : undefined);
    this.applyVisibility();
    this.draw();
  }

  /** Switched on or off (layer bar, O key, a gap alarm): on, it asks for the circles now and then every few seconds. */
  setVisible(on: boolean): void {
    if (on === this.shown) return;
    this.shown = on;
    this.panel.hidden = !on;
    this.applyVisibility();
    this.syncGapMarkers();
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    if (!on) return;
    this.recount();
    void this.load();
    this.pollTimer = setInterval(() => void this.load(), CIRCLES_POLL_MS);
  }

  render(): void {
    const tr = this.tr;
    this.heading.textContent = tr('circles.title');
    if (this.registryButton) this.registryButton.textContent = tr('circles.registry');
    this.error.hidden = this.failure === null;
    this.error.textContent = this.failure === null ? '' : tr('circles.failed', { detail: failureText(this.failure) });
    const sites = this.sites();
    const gaps = sites.filter((s) => s.state === 'gap').length;
    this.summary.textContent =
      this.answer !== null ? circlesSummary(tr, this.answer, gaps) : this.panel.dataset.state === 'loading' ? tr('circles.loading') : '';
    this.listTitle.textContent = tr('circles.sites');
    this.empty.textContent = tr('circles.none');
    this.empty.hidden = sites.length > 0;
    syncList(
      this.list,
      sites,
      (s) => s.site.id,
      () => h('li', {}, [h('button', { type: 'button', class: 'circle-site', 'data-testid': 'circle-site' })]),
      (item, s) => this.renderRow(item.firstElementChild as HTMLButtonElement, s),
    );
    this.renderLegend();
    this.fillCard();
  }

  private renderRow(button: HTMLButtonElement, { site, state }: SiteWithState): void {
    button.dataset.site = site.id;
    button.dataset.state = state;
    button.onclick = () => this.showSite(site.id, true);
    button.replaceChildren(
      h('span', { class: `chip site-state--${state}` }, [stateName(this.tr, state)]),
      h('span', { class: 'circle-site__name' }, [site.profile.name]),
      h('span', { class: 'muted circle-site__tier' }, [tierText(this.tr, site.profile.tier_s)]),
    );
  }

  private renderLegend(): void {
    const tr = this.tr;
    this.legendTitle.textContent = tr('circles.legend');
    const items = SITE_STATES.map((state) =>
      h('li', { class: 'legend__item', 'data-key': state }, [h('span', { class: `chip site-state--${state}` }, [stateName(tr, state)])]),
    );
    items.push(
      h('li', { class: 'legend__item', 'data-key': 'post' }, [h('span', { class: 'legend__ring', 'aria-hidden': 'true' }), tr('circles.legend.post')]),
      h('li', { class: 'legend__item legend__item--wide', 'data-key': 'tier' }, [tr('circles.legend.tier')]),
    );
    this.legendList.replaceChildren(...items);
  }

  /** Shows the card of the site at `point` or of the post there, when the layer is on and has one. */
  popupAt(point: maplibregl.PointLike): boolean {
    const map = this.view?.map;
    if (!this.shown || !map?.getLayer(SITE_LAYER)) return false;
    const hit = map.queryRenderedFeatures(point, { layers: [SITE_LAYER, POST_LAYER] })[0];
    const id = hit?.properties?.id;
    if (typeof id !== 'string') return false;
    if (hit?.layer.id === SITE_LAYER) this.showSite(id);
    else this.showPost(id);
    return true;
  }

  /** A site's card on the map (and its move-up marked while it has a gap); with `frame` the map goes there. */
  showSite(id: string, frame = false): void {
    const site = this.ctx.store.sites.get(id);
    if (!site) return;
    if (site.gap) this.highlight(id, frame);
    else if (frame) this.frame([[site.profile.lon, site.profile.lat]]);
    this.openCard('site', id, [site.profile.lon, site.profile.lat]);
  }

  private showPost(id: string): void {
    const post = this.ctx.store.posts.get(id);
    if (post) this.openCard('post', id, [post.profile.lon, post.profile.lat]);
  }

  private openCard(kind: 'site' | 'post', id: string, at: Point): void {
    const holder = h('div', { class: 'circle-card-holder' });
    this.card = { kind, id, holder };
    this.fillCard();
    this.view?.popup(at, holder);
  }

  /**
   * The open card written anew from the record and the circles as they are now: a card
   * left open while a gap opens or closes, or the language changes, never shows the past.
   */
  private fillCard(): void {
    const card = this.card;
    if (!card) return;
    if (card.holder.childElementCount > 0 && !card.holder.isConnected) {
      this.card = null;
      return;
    }
    if (card.kind === 'post') {
      const post = this.ctx.store.posts.get(card.id);
      if (!post) return;
      const content = factCard(`${post.profile.name} · ${post.id}`, postFacts(this.tr, this.names, post), 'post-card');
      content.dataset.post = post.id;
      card.holder.replaceChildren(content);
      return;
    }
    const site = this.ctx.store.sites.get(card.id);
    if (!site) return;
    const circle = circlesBySite(this.answer).get(site.id);
    const state = this.sites().find((s) => s.site.id === site.id)?.state ?? 'unknown';
    const content = factCard(`${site.profile.name} · ${site.id}`, siteFacts(this.tr, this.names, site, state, circle), 'circle-card');
    content.dataset.site = site.id;
    content.dataset.state = state;
    card.holder.replaceChildren(content);
  }

  /**
   * Marks the move-up of `site`'s gap: the unit, the post and the way between them. With
   * `frame` the map also takes in the site, the unit and the post.
   */
  highlight(site: string, frame: boolean): void {
    this.highlighted = site;
    this.drawHighlight();
    if (!frame) return;
    const record = this.ctx.store.sites.get(site);
    if (!record) return;
    const { unit, post } = this.moveUpPoints(record);
    this.frame([[record.profile.lon, record.profile.lat], ...(unit ? [unit] : []), ...(post ? [post] : [])]);
  }

  /**
   * Brings `points` into view beside the layer's panel (which covers the map's left side).
   * A lone point is taken in with some streets round it.
   */
  private frame(points: Point[]): void {
    const map = this.view?.map;
    if (!map || points.length === 0) return;
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const margin = points.length === 1 ? FRAME_MARGIN_DEG : 0;
    const box = map.getContainer().getBoundingClientRect();
    const panel = this.panel.getBoundingClientRect();
    const left = panel.width > 0 ? Math.min(box.width / 2, Math.max(40, panel.right - box.left + 24)) : 40;
    map.fitBounds(
      [
        [Math.min(...lons) - margin, Math.min(...lats) - margin],
        [Math.max(...lons) + margin, Math.max(...lats) + margin],
      ],
      { padding: { top: 60, bottom: 90, left, right: 60 }, duration: 0, maxZoom: 16 },
    );
  }

  /** Where the move-up's unit is (its live fix, else its home post) and where its post is. */
  private moveUpPoints(site: KeySite): { unit: Point | null; post: Point | null } {
    const moveUp = site.gap?.move_up;
    if (!moveUp) return { unit: null, post: null };
    const { store } = this.ctx;
    const fix = store.positions.get(moveUp.unit);
    const home = store.units.get(moveUp.unit)?.profile.home_post;
    const unit: Point | null = fix ? [fix.lon, fix.lat] : home ? [home.lon, home.lat] : null;
    const p = store.posts.get(moveUp.post)?.profile;
    return { unit, post: p ? [p.lon, p.lat] : null };
  }

  private onChange(change: StoreChange): void {
    const registry = change.reset || change.sites.size > 0 || change.posts.size > 0;
    if (registry) {
      const site = this.highlighted === '' ? undefined : this.ctx.store.sites.get(this.highlighted);
      if (this.highlighted !== '' && !site?.gap) this.highlighted = '';
      this.draw();
      this.render();
      if (this.shown) this.loadSoon();
      return;
    }
    const moveUp = this.highlighted === '' ? undefined : this.ctx.store.sites.get(this.highlighted)?.gap?.move_up;
    if (moveUp && (change.positions.has(moveUp.unit) || change.units.has(moveUp.unit))) this.drawHighlight();
  }

  private loadSoon(): void {
    clearTimeout(this.soonTimer);
    this.soonTimer = setTimeout(() => void this.load(), AFTER_CHANGE_MS);
  }

  private async load(): Promise<void> {
    const request = ++this.requests;
    if (this.answer === null) {
      this.panel.dataset.state = 'loading';
      this.panel.setAttribute('aria-busy', 'true');
      this.render();
    }
    try {
      const body = await this.ctx.http.get<unknown>(CIRCLES_PATH);
      if (request !== this.requests) return;
      const answer = asCirclesAnswer(body);
      // The same refresh again changes nothing on the map.
      const unchanged = this.answer?.refreshed_at === answer.refreshed_at && this.failure === null;
      this.answer = answer;
      this.failure = null;
      this.panel.dataset.state = 'ready';
      this.panel.dataset.refreshed = answer.refreshed_at;
      if (unchanged) return;
    } catch (failure) {
      if (request !== this.requests) return;
      // The last circles stay on the map, marked by the error: a poll that failed says so.
      this.failure = failure;
      this.panel.dataset.state = 'error';
    }
    this.panel.removeAttribute('aria-busy');
    this.draw();
    this.render();
  }

  private sourceData(id: string): GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>> {
    if (id === SITES_SOURCE) return siteFeatures(this.sites());
    if (id === POSTS_SOURCE) return postFeatures(this.ctx.store.posts.values());
    return this.highlightData();
  }

  private highlightData(): GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>> {
    const site = this.highlighted === '' ? undefined : this.ctx.store.sites.get(this.highlighted);
    const { unit, post } = site ? this.moveUpPoints(site) : { unit: null, post: null };
    return highlightFeatures(unit, post);
  }

  /** Hands the sites and posts to the map (once per change, not per frame). */
  private draw(): void {
    this.setData(SITES_SOURCE);
    this.setData(POSTS_SOURCE);
    this.drawHighlight();
    this.syncGapMarkers();
    this.recount();
  }

  private drawHighlight(): void {
    const moveUp = this.highlighted === '' ? undefined : this.ctx.store.sites.get(this.highlighted)?.gap?.move_up;
    if (moveUp) this.panel.dataset.highlight = `${moveUp.unit}>${moveUp.post}`;
    else delete this.panel.dataset.highlight;
    this.setData(HIGHLIGHT_SOURCE);
  }

  private setData(source: string): void {
    const s = this.view?.map.getSource(source) as maplibregl.GeoJSONSource | undefined;
    s?.setData(this.sourceData(source) as GeoJSON.GeoJSON);
  }

  /**
   * A pulsing ring round every site with an open gap while the layer is on. They are page
   * elements over the map, not map layers: a pulse drawn by the map would keep it redrawing
   * (and never at rest) for as long as a gap stays open.
   */
  private syncGapMarkers(): void {
    const view = this.view;
    const wanted = new Map((view && this.shown ? openGaps(this.ctx.store.sites.values()) : []).map((s) => [s.id, s]));
    for (const [id, marker] of this.gapMarkers) {
      const site = wanted.get(id);
      if (site && gapKey(site) === marker.key) continue;
      marker.remove();
      this.gapMarkers.delete(id);
    }
    if (!view) return;
    for (const [id, site] of wanted) {
      if (this.gapMarkers.has(id)) continue;
      // The ring pulses inside the marker: the marker's own transform is its place on the map.
      const element = h('div', { class: 'gap-marker', 'aria-hidden': 'true', 'data-site': id }, [h('span', { class: 'gap-marker__ring' })]);
      const marker = view.marker([site.profile.lon, site.profile.lat], element);
      this.gapMarkers.set(id, { key: gapKey(site), remove: () => marker.remove() });
    }
  }

  private applyVisibility(): void {
    const map = this.view?.map;
    if (!map) return;
    for (const id of [...CIRCLE_LAYER_IDS, ...HIGHLIGHT_LAYER_IDS]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', this.shown ? 'visible' : 'none');
    }
  }

  /** What the map shows changed: the sites drawn are counted again when it comes to rest. */
  private recount(): void {
    delete this.panel.dataset.drawn;
    this.awaitingDraw = true;
  }

  private countDrawn(): void {
    const map = this.view?.map;
    if (!this.awaitingDraw || !this.shown || !map?.getLayer(SITE_LAYER)) return;
    this.awaitingDraw = false;
    const drawn = new Set(map.queryRenderedFeatures({ layers: [SITE_LAYER] }).map((f) => f.id));
    this.panel.dataset.drawn = String(drawn.size);
  }
}
