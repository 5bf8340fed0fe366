import type * as maplibregl from 'maplibre-gl';
import { asCellCollection, type HotspotCell, type HotspotMap, type HotspotMethod } from '../api/cell_maps';
import { asSegmentCollection, HOTSPOT_UNITS, type HotspotSegment, type HotspotUnits, type SegmentHotspotMap } from '../api/segment_map';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import type { Tr } from './dashboard_model';
import { centreDay } from './format';
import { addHotspotLayers, HOTSPOT_LAYER_IDS, HOTSPOT_SOURCE, restyleHotspotLayers, unitLayer } from './hotspot_map_layers';
import {
  DEFAULT_HOTSPOT_METHOD,
  DEFAULT_HOTSPOT_PERIOD,
  DEFAULT_HOTSPOT_UNITS,
  HOTSPOT_PERIODS,
  hotspotParams,
  methodsOn,
  withUnits,
  type HotspotPeriodChoice,
  type HotspotQuery,
} from './hotspot_query';
import { hotspotLook, type HotspotLook } from './hotspot_style';
import { cellFacts, legendLabel, legendTitle, methodLabel, segmentFacts, segmentSummaryText, summaryText } from './hotspot_wording';
import { CellOverlay, EMPTY_COLLECTION, factCard, fillOptions, selectField, type Collection } from './map_overlay';

/** An answer of the hotspot API, tagged with the units it was asked for. */
type HotspotAnswer = { on: 'cells'; map: HotspotMap } | { on: 'segments'; map: SegmentHotspotMap };

/**
 * The hotspot layer (热点) for crime analysts and dispatchers: `GET /api/v1/stats/hotspots`
 * on square cells or on street segments (the stretches of road between junctions), for a
 * method (counts, kernel density on cells only, Getis–Ord Gi*, local Moran's I) and a
 * period; cells filled and segments drawn as lines, coloured by value or significance class,
 * with a legend. A click on a cell shows its count, density, z and p; on a segment its
 * count, length, incidents per km, z, p and class.
 *
 * Test hooks besides CellOverlay's (whose `data-cells` counts the segments of a segment
 * map): `hotspot-on`, `hotspot-method`, `hotspot-period`, `hotspot-legend` (`data-method`
 * and `data-on` of the map shown) with its `legend-item`s (`data-key`: r0…r4, hot, cold,
 * HH, LL, HL, LH, none), `hotspot-card` (the popup).
 */
export class HotspotLayer extends CellOverlay {
  protected readonly sourceIds = [HOTSPOT_SOURCE];
  private readonly units: ReturnType<typeof selectField>;
  private readonly method: ReturnType<typeof selectField>;
  private readonly period: ReturnType<typeof selectField>;
  private readonly legendTitle: HTMLElement;
  private readonly legendList: HTMLElement;
  private options: HotspotQuery = { on: DEFAULT_HOTSPOT_UNITS, method: DEFAULT_HOTSPOT_METHOD, period: DEFAULT_HOTSPOT_PERIOD };
  private answer: HotspotAnswer | null = null;
  private look: HotspotLook;

  constructor(ctx: ConsoleContext) {
    super(ctx, 'hotspots');
    this.units = selectField('hotspot-on', 'hotspot-on');
    this.method = selectField('hotspot-method', 'hotspot-method');
    this.period = selectField('hotspot-period', 'hotspot-period');
    this.controls.append(this.units.field, this.method.field, this.period.field);
    this.legendTitle = h('p', { class: 'map-overlay__legend-title', id: 'hotspot-legend-title' });
    this.legendList = h('ul', { class: 'legend', 'aria-labelledby': 'hotspot-legend-title' });
    this.legend.setAttribute('data-testid', 'hotspot-legend');
    this.legend.append(this.legendTitle, this.legendList);
    this.look = hotspotLook(this.options.method, [], this.theme);
    this.units.select.addEventListener('change', () => this.choose(withUnits(this.options, this.units.select.value as HotspotUnits)));
    this.method.select.addEventListener('change', () => this.choose({ ...this.options, method: this.method.select.value as HotspotMethod }));
    this.period.select.addEventListener('change', () => this.choose({ ...this.options, period: this.period.select.value as HotspotPeriodChoice }));
    this.render();
  }

  private get tr(): Tr {
    return (key, params) => this.ctx.tr(key, params);
  }

  /** The layer of the units of the map shown (or about to be): cells' fill or segments' hit line. */
  protected get cellLayer(): string {
    return unitLayer(this.answer?.on ?? this.options.on);
  }

  /** The method of the map shown, else the one chosen. */
  private get shownMethod(): HotspotMethod {
    return this.answer?.map.properties.method ?? this.options.method;
  }

  private choose(options: HotspotQuery): void {
    this.options = options;
    this.reload();
    this.render();
  }

  protected query(): { path: string; params: Record<string, string> } {
    return { path: '/api/v1/stats/hotspots', params: hotspotParams(this.options, centreDay(Date.now())) };
  }

  /** Checks the answer against the units asked for: a segment map is lines, a cell map polygons. */
  protected accept(body: unknown, path: string): void {
    this.answer =
      this.options.on === 'segments'
        ? { on: 'segments', map: asSegmentCollection(body, path) }
        : { on: 'cells', map: asCellCollection<HotspotMap>(body, path) };
    this.relook();
  }

  protected clear(): void {
    this.answer = null;
    this.relook();
  }

  protected sourceData(): Collection {
    return this.answer?.map ?? EMPTY_COLLECTION;
  }

  protected cellCount(): number {
    return this.answer?.map.features.length ?? 0;
  }

  /** The colours follow the data (ramp classes) and the theme. */
  private relook(): void {
    const features: readonly { properties: HotspotCell | HotspotSegment }[] = this.answer?.map.features ?? [];
    this.look = hotspotLook(this.shownMethod, features.map((f) => f.properties), this.theme);
  }

  protected addLayers(map: maplibregl.Map, beforeId: string | undefined): void {
    this.relook();
    addHotspotLayers(map, this.shownMethod, this.look, this.theme, beforeId);
  }

  protected override restyle(map: maplibregl.Map): void {
    restyleHotspotLayers(map, this.shownMethod, this.look, this.theme);
  }

  protected layerIds(): readonly string[] {
    return HOTSPOT_LAYER_IDS;
  }

  protected describe(properties: Record<string, unknown>): HTMLElement {
    const method = this.shownMethod;
    if (this.answer?.on === 'segments') {
      const segment = properties as unknown as HotspotSegment;
      return factCard(this.tr('hotspot.segment', { segment: segment.segment }), segmentFacts(this.tr, method, segment), 'hotspot-card');
    }
    const cell = properties as unknown as HotspotCell;
    return factCard(this.tr('hotspot.cell', { cell: cell.cell }), cellFacts(this.tr, method, cell), 'hotspot-card');
  }

  protected failureMessage(detail: string): string {
    return this.tr('hotspot.failed', { detail });
  }

  protected renderPanel(): void {
    const tr = this.tr;
    const on = this.options.on;
    this.heading.textContent = tr('hotspot.title');
    this.units.label.textContent = tr('hotspot.on');
    this.method.label.textContent = tr('hotspot.method');
    this.period.label.textContent = tr('hotspot.period');
    fillOptions(this.units.select, HOTSPOT_UNITS, (u) => tr(`hotspot.on.${u}` as MessageKey), on);
    fillOptions(this.method.select, methodsOn(on), (m) => methodLabel(tr, on, m as HotspotMethod), this.options.method);
    fillOptions(this.period.select, HOTSPOT_PERIODS, (p) => tr(`hotspot.period.${p}` as MessageKey), this.options.period);
    this.summary.textContent = this.state === 'loading' ? tr('hotspot.loading') : this.summaryLine();
    this.renderLegend();
  }

  private summaryLine(): string {
    const answer = this.answer;
    if (!answer) return '';
    const listed = answer.map.features.length;
    return answer.on === 'segments' ? segmentSummaryText(this.tr, answer.map.properties, listed) : summaryText(this.tr, answer.map.properties, listed);
  }

  private renderLegend(): void {
    const answer = this.answer;
    this.legend.hidden = answer === null || answer.map.features.length === 0;
    if (!answer) return;
    this.relook();
    const info = answer.map.properties;
    this.legend.dataset.method = info.method;
    this.legend.dataset.on = answer.on;
    this.legendTitle.textContent = legendTitle(this.tr, info.method, info, answer.on);
    // A segment's swatch is a stroke, as the map draws it.
    const swatch = answer.on === 'segments' ? 'legend__swatch legend__swatch--line' : 'legend__swatch';
    this.legendList.replaceChildren(
      ...this.look.classes.map((entry, i) =>
        h('li', { class: 'legend__item', 'data-testid': 'legend-item', 'data-key': entry.key }, [
          h('span', { class: swatch, style: `background:${entry.colour}`, 'aria-hidden': 'true' }),
          legendLabel(this.tr, this.look, entry, i),
        ]),
      ),
    );
  }
}
