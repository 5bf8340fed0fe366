import type * as maplibregl from 'maplibre-gl';
import { asCellCollection, PATROL_SHIFTS, type PatrolCell, type PatrolPlanMap, type PatrolShift } from '../api/cell_maps';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import type { Tr } from './dashboard_model';
import { CellOverlay, EMPTY_COLLECTION, factCard, fillOptions, selectField, type Collection } from './map_overlay';
import { DEFAULT_PATROL_SHIFT, PATROL_COLOURS, PLAN_PATH, planFacts, planParams, planSummary, printPath, rankPoints } from './patrol_plan_model';

const CELLS = 'patrol';
const RANKS = 'patrol-ranks';
const HIT = 'patrol-hit';
const OUTLINE = 'patrol-outline';
const LABELS = 'patrol-rank';

/**
 * The patrol plan layer (巡逻建议) for dispatchers: each station's top cells for a shift
 * from `GET /api/v1/forecast/patrol-plan?format=geojson`, drawn as outlined cells with
 * their rank in the station, a shift picker (next, day, night) and a link that opens the
 * printable list of the same shift in the console's language in a new tab. A click on a
 * cell shows its station, the incidents expected and those of the last 28 days.
 *
 * Test hooks besides CellOverlay's: `patrol-shift`, `patrol-print` (the link), `patrol-card`.
 */
export class PatrolPlanLayer extends CellOverlay {
  protected readonly sourceIds = [CELLS, RANKS];
  protected readonly cellLayer = HIT;
  private readonly shift: ReturnType<typeof selectField>;
  private readonly print: HTMLAnchorElement;
  private readonly key: HTMLElement;
  private chosen: PatrolShift = DEFAULT_PATROL_SHIFT;
  private plan: PatrolPlanMap | null = null;
  private ranks: Collection = EMPTY_COLLECTION;

  constructor(ctx: ConsoleContext) {
    super(ctx, 'patrol');
    this.shift = selectField('patrol-shift', 'patrol-shift');
    this.print = h('a', { class: 'btn btn--small', target: '_blank', rel: 'noopener', 'data-testid': 'patrol-print' });
    this.controls.append(this.shift.field, this.print);
    this.key = h('span', {});
    this.legend.append(h('p', { class: 'legend__item' }, [h('span', { class: 'legend__swatch legend__swatch--outline', 'aria-hidden': 'true' }), this.key]));
    this.shift.select.addEventListener('change', () => {
      this.chosen = this.shift.select.value as PatrolShift;
      this.reload();
      this.renderPanel();
    });
    this.render();
  }

  private get tr(): Tr {
    return (key, params) => this.ctx.tr(key, params);
  }

  protected query(): { path: string; params: Record<string, string> } {
    return { path: PLAN_PATH, params: planParams(this.chosen) };
  }

  protected accept(body: unknown, path: string): void {
    this.plan = asCellCollection<PatrolPlanMap>(body, path);
    this.ranks = rankPoints(this.plan);
  }

  protected clear(): void {
    this.plan = null;
    this.ranks = EMPTY_COLLECTION;
  }

  protected sourceData(id: string): Collection {
    if (id === RANKS) return this.ranks;
    return this.plan ?? EMPTY_COLLECTION;
  }

  protected cellCount(): number {
    return this.plan?.features.length ?? 0;
  }

  protected addLayers(map: maplibregl.Map, beforeId: string | undefined): void {
    const colours = PATROL_COLOURS[this.theme];
    // A faint fill, so that a click anywhere inside a planned cell finds it.
    map.addLayer({ id: HIT, type: 'fill', source: CELLS, paint: { 'fill-color': colours.outline, 'fill-opacity': 0.1 } }, beforeId);
    map.addLayer(
      { id: OUTLINE, type: 'line', source: CELLS, layout: { 'line-join': 'miter' }, paint: { 'line-color': colours.outline, 'line-width': 2.5 } },
      beforeId,
    );
    map.addLayer(
      {
        id: LABELS,
        type: 'symbol',
        source: RANKS,
        layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-size': 14, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': colours.text, 'text-halo-color': colours.halo, 'text-halo-width': 2 },
      },
      beforeId,
    );
  }

  protected layerIds(): readonly string[] {
    return [HIT, OUTLINE, LABELS];
  }

  protected describe(properties: Record<string, unknown>): HTMLElement {
    const cell = properties as unknown as PatrolCell;
    return factCard(this.tr('patrol.rank', { rank: cell.rank }), planFacts(this.tr, cell, this.ctx.orgName(cell.station)), 'patrol-card');
  }

  protected failureMessage(detail: string): string {
    return this.tr('patrol.failed', { detail });
  }

  protected renderPanel(): void {
    const tr = this.tr;
    this.heading.textContent = tr('patrol.title');
    this.shift.label.textContent = tr('patrol.shift');
    fillOptions(this.shift.select, PATROL_SHIFTS, (s) => tr(`patrol.shift.${s}` as MessageKey), this.chosen);
    this.print.textContent = tr('patrol.print');
    this.print.title = tr('patrol.printHint');
    this.print.href = printPath(this.chosen, this.ctx.locale);
    this.summary.textContent = this.state === 'loading' ? tr('patrol.loading') : this.plan ? planSummary(tr, this.plan) : '';
    this.key.textContent = tr('patrol.legend');
    this.legend.hidden = this.plan === null || this.plan.features.length === 0;
    const swatch = this.legend.querySelector<HTMLElement>('.legend__swatch');
    if (swatch) swatch.style.borderColor = PATROL_COLOURS[this.theme].outline;
  }
}
