import { failureText } from '../api/http';
import { OPEN_ORDER_STATUSES, type RouteAnswer } from '../api/records';
import type { StoreChange } from '../live/store';
import type { CityView } from '../map/basemap';
import type { Theme } from '../map/style';
import { h } from '../ui/dom';
import { editsRegistry, hearsGapAlarms } from './circle_model';
import { CircleRegistry } from './circle_registry';
import type { ConsoleContext } from './context';
import { GapAlarms } from './gap_alarms';
import { IncidentDetail } from './incident_detail';
import { IntakeView } from './intake';
import { MapView } from './map_view';
import { QueueView } from './queue';
import { showShortcutSheet, typingIn } from './shortcuts';
import { tickTimers } from './timers';
import { UnitBoard } from './unit_board';

/** The units' status changes come often: the recommendation is fetched again at most this often. */
const RECOMMEND_REFRESH_MS = 5_000;
/**
 * While the dispatcher runs through the queue with the keys, only the list and the detail
 * follow every press; the map, the route and the recommendation wait until the selection
 * rests this long, so a burst of presses costs one ranking, not one per incident.
 */
const SELECTION_SETTLE_MS = 120;

type RightPane = 'intake' | 'detail';

/**
 * The command workspace (一张图): the incident queue on the left, the map in the middle,
 * the call intake or the selected incident on the right, the unit board below; a
 * big-screen mode shows the map alone with the counts. Every action has a key.
 */
export class Workspace {
  readonly el: HTMLElement;
  readonly queue: QueueView;
  readonly detail: IncidentDetail;
  readonly intake: IntakeView;
  readonly map: MapView;
  readonly units: UnitBoard;
  /** The coverage-gap alarms over the map, for the seats that move units. */
  readonly gapAlarms: GapAlarms | null;
  /** The registry of key sites and posts, for the seats that may edit it. */
  readonly registry: CircleRegistry | null;
  private readonly tabs: HTMLElement;
  private readonly right: HTMLElement;
  private readonly counters: HTMLElement;
  private pane: RightPane;
  private big = false;
  private lastRecommend = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: ConsoleContext,
    theme: Theme,
    private readonly onTheme: () => void,
    private readonly onDashboard: () => void = () => undefined,
    /** Opens the early-warning directives; absent for seats without them (W does nothing). */
    private readonly onWarnings?: () => void,
  ) {
    this.pane = ctx.user.role === 'call_taker' ? 'intake' : 'detail';
    this.queue = new QueueView(ctx, (id) => this.select(id));
    this.detail = new IncidentDetail(ctx, (incident, unit) => void this.drawRoute(incident, unit));
    this.map = new MapView(ctx, theme, (id) => {
      this.queue.select(id);
    });
    this.intake = new IntakeView(
      ctx,
      (pin) => this.map.showPin(pin),
      (id) => {
        if (this.ctx.user.role !== 'call_taker') {
          this.queue.select(id);
          this.showPane('detail');
        }
      },
    );
    this.intake.near = () => this.map.centre() ?? ctx.city?.centre ?? null;
    this.map.onMapClick = (lon, lat) => {
      if (this.pane === 'intake') this.intake.pinAt(lon, lat);
    };
    this.units = new UnitBoard(ctx, (unit) => {
      const p = ctx.store.positions.get(unit);
      if (p) this.map.focusOn(p.lon, p.lat);
    });
    this.tabs = h('div', { class: 'tabs', role: 'tablist' });
    this.right = h('div', { class: 'workspace__right' });
    this.counters = h('div', { class: 'counters', 'data-testid': 'big-counters', hidden: true });
    this.gapAlarms = this.map.hasCircles && hearsGapAlarms(ctx.user.role) ? new GapAlarms(ctx) : null;
    if (this.gapAlarms) this.gapAlarms.onFocusGap = (site, frame) => this.map.showGap(site, frame);
    this.registry = this.map.circles && editsRegistry(ctx.user.role) ? new CircleRegistry(ctx, (hint) => this.map.pickPosition(hint)) : null;
    if (this.map.circles && this.registry) this.map.circles.onRegistry = () => this.registry?.open();
    this.el = h('div', { class: 'workspace', 'data-testid': 'workspace' }, [
      this.queue.el,
      h('div', { class: 'workspace__map' }, [this.map.el, ...(this.gapAlarms ? [this.gapAlarms.el] : []), this.counters]),
      h('div', { class: 'workspace__side' }, [this.tabs, this.right]),
      this.units.el,
    ]);
    ctx.store.subscribe((change) => this.onChange(change));
    document.addEventListener('keydown', (event) => this.onKey(event));
    setInterval(() => tickTimers(this.el, Date.now(), ctx.tr('deadline.over')), 1000);
  }

  /** Draws everything, and opens the map for `city` (the workspace must be in the page). */
  open(city: CityView | null): void {
    if (city) void this.map.open(city);
    this.render();
  }

  /** Opens the map later than the rest (it is the slowest part to start). */
  openMap(city: CityView): void {
    void this.map.open(city);
  }

  render(): void {
    this.renderTabs();
    this.queue.render();
    this.detail.render();
    this.intake.render();
    this.units.render();
    this.map.setLocale();
    this.map.refresh();
    this.gapAlarms?.render();
    this.registry?.render();
    this.renderCounters();
  }

  setTheme(theme: Theme): void {
    this.map.setTheme(theme);
  }

  select(id: string): void {
    this.detail.show(id);
    if (id !== '' && this.pane !== 'detail') this.showPane('detail');
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(id), SELECTION_SETTLE_MS);
  }

  /** The heavier part of a selection: the map, the recommendation and the route. */
  private settle(id: string, zoom = false): void {
    this.map.select(id);
    this.detail.loadRecommendation();
    this.lastRecommend = Date.now();
    const incident = this.ctx.store.incidents.get(id);
    const c = incident?.location.candidates[0];
    if (c) this.map.focusOn(c.lon, c.lat, zoom);
    const order = incident ? this.ctx.store.ordersOf(incident).find((o) => o.target.kind === 'unit' && OPEN_ORDER_STATUSES.has(o.status)) : undefined;
    if (order) void this.drawRoute(id, order.target.id);
  }

  toggleBigScreen(): void {
    this.big = !this.big;
    document.body.classList.toggle('big-screen', this.big);
    this.counters.hidden = !this.big;
    this.renderCounters();
    setTimeout(() => this.map.resize(), 0);
  }

  private showPane(pane: RightPane): void {
    this.pane = pane;
    this.renderTabs();
  }

  private renderTabs(): void {
    const { ctx } = this;
    const tab = (pane: RightPane, label: string, key: string) => {
      const b = h('button', { type: 'button', role: 'tab', class: 'tab', id: `tab-${pane}`, 'aria-selected': String(this.pane === pane), 'aria-keyshortcuts': key, 'data-testid': `tab-${pane}` }, [
        label,
        h('kbd', {}, [key]),
      ]);
      b.addEventListener('click', () => this.showPane(pane));
      return b;
    };
    this.tabs.replaceChildren(tab('intake', ctx.tr('intake.title'), 'N'), tab('detail', ctx.tr('detail.title'), 'Q'));
    this.right.replaceChildren(this.pane === 'intake' ? this.intake.el : this.detail.el);
    this.right.setAttribute('role', 'tabpanel');
    this.right.setAttribute('aria-labelledby', `tab-${this.pane}`);
  }

  private renderCounters(): void {
    if (!this.big) return;
    const { ctx } = this;
    const open = [...ctx.store.incidents.values()].filter((i) => ['accepting', 'accepted', 'dispatched', 'units_out', 'arrived', 'feedback'].includes(i.status));
    const byPriority = [1, 2, 3, 4].map((p) => open.filter((i) => i.priority === p).length);
    const onDuty = [...ctx.store.units.values()].filter((u) => u.status !== 'off_duty' && !u.retired);
    const free = onDuty.filter((u) => u.status === 'available').length;
    this.counters.replaceChildren(
      h('div', { class: 'counter' }, [h('strong', {}, [String(open.length)]), ctx.tr('big.open')]),
      ...byPriority.map((n, i) => h('div', { class: `counter prio--${i + 1}` }, [h('strong', {}, [String(n)]), `P${i + 1}`])),
      h('div', { class: 'counter' }, [h('strong', {}, [`${free}/${onDuty.length}`]), ctx.tr('big.available')]),
    );
  }

  private onChange(change: StoreChange): void {
    const selected = this.queue.selection;
    const incidentsChanged = change.reset || change.incidents.size > 0 || change.orders.size > 0;
    const unitsChanged = change.reset || change.units.size > 0;
    if (incidentsChanged) this.queue.render();
    if (unitsChanged) this.units.renderRows();
    if (incidentsChanged || unitsChanged) {
      const selectedChanged = change.reset || change.incidents.has(selected);
      const now = Date.now();
      const reload = selectedChanged || (unitsChanged && now - this.lastRecommend > RECOMMEND_REFRESH_MS);
      if (reload) this.lastRecommend = now;
      this.detail.refresh(false, reload);
      this.map.refresh();
      this.renderCounters();
    }
    if (change.positions.size > 0) this.map.moveUnits(change.positions);
    for (const event of change.events) {
      if (event.type === 'unit.emergency_raised') {
        this.ctx.notify(this.ctx.tr('alert.emergency', { unit: event.entities[0]?.replace('unit/', '') ?? '' }), 'error');
        document.body.classList.add('emergency-active');
      } else if (event.type.endsWith('deadline_missed')) {
        this.ctx.notify(this.ctx.tr('alert.deadline', { id: event.entities[0] ?? '' }), 'warn');
      }
    }
    const anyEmergency = [...this.ctx.store.units.values()].some((u) => u.emergency !== undefined);
    document.body.classList.toggle('emergency-active', anyEmergency);
  }

  private async drawRoute(incident: string, unit: string): Promise<void> {
    try {
      const route = await this.ctx.http.get<RouteAnswer>(`/api/v1/incidents/${incident}/route`, { unit });
      if (this.queue.selection === incident) this.map.showRoute(route);
    } catch (error) {
      this.ctx.notify(failureText(error), 'warn');
    }
  }

  private onKey(event: KeyboardEvent): void {
    // Hidden behind the statistics dashboard, which has its own keys.
    if (this.el.hidden || event.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (event.key === 'F2') {
      event.preventDefault();
      this.showPane('intake');
      this.intake.focus();
      return;
    }
    if (typingIn(event.target)) {
      if (event.key === 'Escape') {
        (event.target as HTMLElement).blur();
        this.queue.focus();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const run = (action: () => unknown) => {
      event.preventDefault();
      void action();
    };
    switch (key) {
      case 'n':
        return run(() => {
          this.showPane('intake');
          this.intake.focus();
        });
      case 'q':
        return run(() => {
          this.showPane('detail');
          this.queue.focus();
        });
      case 'a':
        return run(() => this.detail.accept());
      case 'd':
        return run(() => this.detail.dispatchRank(1));
      case 'c':
        return run(() => this.detail.closeScene());
      case 't':
        return run(() => this.detail.terminate());
      case 'r':
        return run(() => this.settle(this.queue.selection, true));
      case 'u':
        return run(() => this.units.el.querySelector<HTMLElement>('select')?.focus());
      case 'b':
        return run(() => this.toggleBigScreen());
      case 'l':
        return run(() => this.onTheme());
      case 's':
        return run(() => this.onDashboard());
      case 'w':
        if (this.onWarnings) return run(this.onWarnings);
        return;
      case 'o':
        if (this.map.hasCircles) return run(() => this.map.toggle('circles'));
        return;
      case 'g':
        if (this.gapAlarms) return run(() => this.gapAlarms?.focusNewest());
        return;
      case '?':
        return run(() => showShortcutSheet(this.ctx));
      case 'Escape':
        if (this.big) return run(() => this.toggleBigScreen());
        return run(() => this.queue.focus());
      case 'ArrowDown':
      case 'ArrowUp':
      case 'j':
      case 'k':
        if (!this.queue.el.contains(event.target as Node)) return run(() => this.queue.move(key === 'ArrowDown' || key === 'j' ? 1 : -1));
        return;
      default:
        if (/^[1-9]$/.test(key)) return run(() => this.detail.dispatchRank(Number(key)));
    }
  }
}
