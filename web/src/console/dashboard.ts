import '../styles/dashboard.css';
import { BRIEFING_KINDS, type Briefing, type BriefingKind, type BriefingQuery, type BriefingScope } from '../api/briefing';
import { fetchFile, saveFile } from '../api/download';
import { failureText } from '../api/http';
import type { MessageKey } from '../i18n/zh-CN';
import type { Theme } from '../map/style';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { ChartBox } from './dashboard_charts';
import {
  briefingParams,
  defaultDate,
  DOWNLOAD_FORMATS,
  downloadPath,
  isDay,
  kpiTiles,
  parseScope,
  periodText,
  scopeChoices,
  scopeValue,
  uncovered,
  type DownloadFormat,
  type Names,
  type Tr,
} from './dashboard_model';
import { chartLook, groupsOption, hotspotsOption, leagueOption, trendOption } from './dashboard_options';
import { alarmsTable, countTable, responseTable, safetyTable, streaksTable } from './dashboard_tables';
import { centreDay, clockTime } from './format';
import { showShortcutSheet, typingIn } from './shortcuts';

/** The big screen reloads the briefing this often while it is open. */
export const BIG_SCREEN_REFRESH_MS = 60_000;

type ChartId = 'groups' | 'trend' | 'league' | 'hotspots';
const CHARTS: readonly ChartId[] = ['groups', 'trend', 'league', 'hotspots'];

export interface DashboardHandlers {
  /** Back to the workspace. */
  onClose: () => void;
  onTheme: () => void;
  /** Opens the early-warning directives (W), for the seats that have them. */
  onWarnings?: () => void;
}

/**
 * The statistics dashboard (统计): the briefing of a day, a week or a month for the
 * centre, a sub-bureau or a station, as KPI tiles, four charts and the bulletin's
 * tables, with the bulletin itself to download as a web page, a workbook or a PDF. Its
 * big-screen mode fills a wall screen with the tiles, the charts and the alarms, dark,
 * and reloads itself every minute.
 *
 * Loaded with a dynamic import() the first time it is opened: ECharts never weighs on
 * the dispatcher's workspace.
 */
export class DashboardView {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly period: HTMLElement;
  private readonly updated: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly labels = new Map<'kind' | 'date' | 'scope', HTMLElement>();
  private readonly kind: HTMLSelectElement;
  private readonly date: HTMLInputElement;
  private readonly scope: HTMLSelectElement;
  private readonly refreshButton: HTMLButtonElement;
  private readonly bigButton: HTMLButtonElement;
  private readonly exitButton: HTMLButtonElement;
  private readonly downloads: HTMLElement;
  private readonly error: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly tiles: HTMLElement;
  private readonly figures = new Map<ChartId, { heading: HTMLElement; box: ChartBox; empty: HTMLElement }>();
  private readonly bigAlarms: HTMLElement;
  private readonly tables: HTMLElement;
  private readonly choices: BriefingScope[];
  private query: BriefingQuery;
  private dateTouched = false;
  private briefing: Briefing | null = null;
  private loadedAt = 0;
  private requests = 0;
  private isOpen = false;
  private big = false;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly ctx: ConsoleContext,
    private theme: Theme,
    private readonly handlers: DashboardHandlers,
  ) {
    this.choices = scopeChoices(ctx.user.scope, ctx.org);
    const today = centreDay(Date.now());
    this.query = { kind: 'daily', date: defaultDate('daily', today), scope: this.choices[0] ?? { level: 'centre' } };

    this.title = h('h1', { class: 'dashboard__title', id: 'dash-title' });
    this.period = h('span', { class: 'dashboard__period', 'data-testid': 'dashboard-period' });
    this.updated = h('span', { class: 'dashboard__updated muted', 'data-testid': 'dashboard-updated' });
    this.kind = h('select', { id: 'dash-kind', class: 'field__input field__input--small', 'data-testid': 'dash-kind' });
    this.date = h('input', { id: 'dash-date', type: 'date', class: 'field__input field__input--small', 'data-testid': 'dash-date', required: true });
    this.scope = h('select', { id: 'dash-scope', class: 'field__input field__input--small', 'data-testid': 'dash-scope' });
    this.refreshButton = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'dash-refresh' });
    this.bigButton = h('button', { type: 'button', class: 'btn btn--small', 'aria-keyshortcuts': 'B', 'data-testid': 'dash-bigscreen' });
    this.exitButton = h('button', { type: 'button', class: 'btn dashboard__exit', 'aria-keyshortcuts': 'Escape', 'data-testid': 'dash-big-exit' });
    const field = (name: 'kind' | 'date' | 'scope', control: HTMLElement) => {
      const label = h('span', { class: 'field__label' });
      this.labels.set(name, label);
      return h('label', { class: 'field field--inline', for: control.id }, [label, control]);
    };
    this.controls = h('div', { class: 'dashboard__controls', role: 'group', 'aria-labelledby': 'dash-title' }, [
      field('kind', this.kind),
      field('date', this.date),
      field('scope', this.scope),
      this.refreshButton,
      this.bigButton,
    ]);
    this.downloads = h('div', { class: 'dashboard__downloads', 'data-testid': 'dash-downloads' });
    this.error = h('p', { class: 'alert', role: 'alert', hidden: true, 'data-testid': 'dashboard-error' });
    this.notes = h('div', { class: 'dashboard__notes' });
    this.tiles = h('div', { class: 'kpis', 'data-testid': 'kpis' });
    const charts = h('div', { class: 'dashboard__charts' });
    for (const id of CHARTS) {
      const heading = h('h2', { class: 'chart__title', id: `chart-${id}-title` });
      const box = new ChartBox(`chart-${id}`);
      box.el.setAttribute('aria-labelledby', `chart-${id}-title`);
      const empty = h('p', { class: 'chart__empty', hidden: true });
      charts.append(h('figure', { class: `chart chart--${id}` }, [heading, h('div', { class: 'chart__body' }, [box.el, empty])]));
      this.figures.set(id, { heading, box, empty });
    }
    this.bigAlarms = h('div', { class: 'dashboard__big-alarms', 'data-testid': 'big-alarms' });
    charts.append(this.bigAlarms);
    this.tables = h('div', { class: 'dashboard__tables' });

    this.el = h('section', { class: 'dashboard', 'data-testid': 'dashboard', 'data-state': 'loading', 'aria-labelledby': 'dash-title' }, [
      h('header', { class: 'dashboard__head' }, [
        h('div', { class: 'dashboard__heading' }, [this.title, this.period, this.updated]),
        this.controls,
        this.downloads,
        this.exitButton,
      ]),
      this.error,
      this.notes,
      this.tiles,
      charts,
      this.tables,
    ]);

    this.kind.addEventListener('change', () => {
      const kind = this.kind.value as BriefingKind;
      const date = this.dateTouched ? this.query.date : defaultDate(kind, centreDay(Date.now()));
      this.ask({ ...this.query, kind, date });
    });
    this.date.addEventListener('change', () => {
      if (!isDay(this.date.value)) return;
      this.dateTouched = true;
      this.ask({ ...this.query, date: this.date.value });
    });
    this.scope.addEventListener('change', () => this.ask({ ...this.query, scope: parseScope(this.scope.value) }));
    this.refreshButton.addEventListener('click', () => void this.load());
    this.bigButton.addEventListener('click', () => this.toggleBigScreen());
    this.exitButton.addEventListener('click', () => this.toggleBigScreen());
    document.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Shows the dashboard (it must be in the page) and loads the briefing. */
  open(): void {
    this.isOpen = true;
    this.el.hidden = false;
    this.render();
    void this.load();
  }

  /** Leaves the dashboard: the big screen closes and nothing reloads in the background. */
  close(): void {
    if (this.big) this.toggleBigScreen();
    this.isOpen = false;
    this.el.hidden = true;
  }

  get opened(): boolean {
    return this.isOpen;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.renderCharts();
  }

  toggleBigScreen(): void {
    this.big = !this.big;
    document.body.classList.toggle('dashboard-big', this.big);
    this.el.classList.toggle('dashboard--big', this.big);
    clearInterval(this.refreshTimer);
    if (this.big) this.refreshTimer = setInterval(() => void this.load(), BIG_SCREEN_REFRESH_MS);
    this.render();
    if (this.big) this.exitButton.focus();
    else this.bigButton.focus();
  }

  /** Re-labels everything in the interface language, from the briefing already loaded. */
  render(): void {
    const tr = this.tr;
    this.title.textContent = tr('dash.title');
    this.renderControls();
    this.renderDownloads();
    this.exitButton.textContent = tr('dash.exitBigScreen');
    this.exitButton.hidden = !this.big;
    const b = this.briefing;
    this.period.textContent = b ? `${tr(`dash.kind.${b.kind}` as MessageKey)} · ${periodText(tr, b.period)} · ${this.scopeName(this.query.scope)}` : '';
    this.updated.textContent = this.loadedAt > 0 ? tr('dash.updated', { time: clockTime(this.loadedAt) }) : tr('dash.loading');
    this.notes.replaceChildren(...(b ? uncovered(b).map((which) => h('p', { class: 'dashboard__note' }, [tr(`dash.notCovered.${which}` as MessageKey)])) : []));
    this.renderTiles();
    this.renderCharts();
    this.renderTables();
  }

  private get tr(): Tr {
    return (key, params) => this.ctx.tr(key, params);
  }

  private get names(): Names {
    return { type: (code) => this.ctx.typeName(code), org: (code) => this.ctx.orgName(code) };
  }

  private scopeName(scope: BriefingScope): string {
    return scope.level === 'centre' ? this.tr('dash.scope.centre') : this.ctx.orgName(scope.code);
  }

  private ask(query: BriefingQuery): void {
    this.query = query;
    this.renderControls();
    this.renderDownloads();
    void this.load();
  }

  /** Asks the server for the briefing; an answer to an older question is dropped. */
  private async load(): Promise<void> {
    const request = ++this.requests;
    this.el.dataset.state = 'loading';
    this.el.setAttribute('aria-busy', 'true');
    try {
      const briefing = await this.ctx.http.get<Briefing>('/api/v1/stats/briefing', briefingParams(this.query));
      if (request !== this.requests) return;
      this.briefing = briefing;
      this.loadedAt = Date.now();
      this.error.hidden = true;
      this.el.dataset.state = 'ready';
      this.el.dataset.query = new URLSearchParams(briefingParams(this.query)).toString();
    } catch (failure) {
      if (request !== this.requests) return;
      this.error.hidden = false;
      this.error.textContent = this.tr('dash.failed', { detail: failureText(failure) });
      this.el.dataset.state = 'error';
    } finally {
      if (request === this.requests) this.el.removeAttribute('aria-busy');
    }
    if (this.isOpen) this.render();
  }

  /** The controls keep their elements (and so the focus); only their words and values change. */
  private renderControls(): void {
    const tr = this.tr;
    for (const [name, label] of this.labels) label.textContent = tr(`dash.${name}`);
    this.kind.replaceChildren(
      ...BRIEFING_KINDS.map((kind) => h('option', { value: kind, selected: kind === this.query.kind }, [tr(`dash.kind.${kind}` as MessageKey)])),
    );
    this.kind.value = this.query.kind;
    this.date.value = this.query.date;
    this.date.max = centreDay(Date.now());
    const option = (scope: BriefingScope) => {
      const value = scopeValue(scope);
      return h('option', { value, selected: value === scopeValue(this.query.scope) }, [this.scopeName(scope)]);
    };
    const group = (label: MessageKey, level: 'district' | 'station') => {
      const members = this.choices.filter((c) => c.level === level);
      return members.length === 0 ? [] : [h('optgroup', { label: tr(label) }, members.map(option))];
    };
    this.scope.replaceChildren(
      ...this.choices.filter((c) => c.level === 'centre').map(option),
      ...group('dash.scope.districts', 'district'),
      ...group('dash.scope.stations', 'station'),
    );
    this.scope.value = scopeValue(this.query.scope);
    this.scope.disabled = this.choices.length < 2;
    this.refreshButton.textContent = tr('dash.refresh');
    this.bigButton.textContent = tr('dash.bigScreen');
  }

  private renderDownloads(): void {
    const tr = this.tr;
    const link = (format: DownloadFormat) => {
      const href = downloadPath(this.query, format, this.ctx.locale);
      const a = h('a', { class: 'btn btn--small', href, download: '', 'data-format': format, 'data-testid': `download-${format}` }, [
        tr(`dash.download.${format}` as MessageKey),
      ]);
      a.addEventListener('click', (event) => {
        event.preventDefault();
        void this.download(a, href, format);
      });
      return a;
    };
    this.downloads.replaceChildren(h('span', { class: 'field__label' }, [tr('dash.download')]), ...DOWNLOAD_FORMATS.map(link));
  }

  /** Fetches the file and saves it; a refusal (no chromium for the PDF) is said in a toast. */
  private async download(link: HTMLElement, href: string, format: DownloadFormat): Promise<void> {
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    const lang = this.ctx.locale === 'en' ? 'en' : 'zh';
    try {
      saveFile(await fetchFile(href, `briefing-${this.query.kind}-${this.query.date}-${lang}.${format}`));
    } catch (failure) {
      this.ctx.notify(this.tr('dash.downloadFailed', { detail: failureText(failure) }), 'warn');
    } finally {
      link.removeAttribute('aria-busy');
    }
  }

  private renderTiles(): void {
    const b = this.briefing;
    if (!b) {
      this.tiles.replaceChildren();
      return;
    }
    this.tiles.replaceChildren(
      ...kpiTiles(b, this.tr).map((tile) =>
        h('div', { class: `kpi kpi--${tile.id}`, 'data-testid': `kpi-${tile.id}`, 'data-value': tile.raw === null ? '' : String(tile.raw) }, [
          h('span', { class: 'kpi__label', 'data-testid': 'kpi-label' }, [tile.label]),
          h('strong', { class: 'kpi__value mono', 'data-testid': 'kpi-value' }, [tile.value]),
          ...tile.notes.map((note) => h('span', { class: 'kpi__note' }, [note])),
        ]),
      ),
    );
  }

  private renderCharts(): void {
    const b = this.briefing;
    const tr = this.tr;
    const look = chartLook(this.theme, this.big);
    const heading = (id: ChartId): string => {
      if (id === 'groups') return tr('dash.chart.groups');
      if (id === 'trend') return tr(b?.trend.unit === 'day' ? 'dash.chart.trendDay' : 'dash.chart.trendHour');
      if (id === 'league') return tr('dash.chart.league', { min: Math.round((b?.league.standard_s ?? 900) / 60) });
      return tr('dash.chart.hotspots', { m: b?.hotspots.cell_metres ?? 500 });
    };
    for (const id of CHARTS) {
      const figure = this.figures.get(id);
      if (!figure) continue;
      figure.heading.textContent = heading(id);
      if (!b) continue;
      const empty = (id === 'league' && b.league.rows.length === 0) || (id === 'hotspots' && b.hotspots.cells.length === 0);
      figure.empty.hidden = !empty;
      figure.empty.textContent = tr('dash.chartEmpty');
      if (id === 'groups') figure.box.show(groupsOption(b, tr, look));
      else if (id === 'trend') figure.box.show(trendOption(b, tr, look));
      else if (id === 'league') figure.box.show(leagueOption(b, tr, this.names, look));
      else figure.box.show(hotspotsOption(b, tr, look));
    }
  }

  private renderTables(): void {
    const b = this.briefing;
    if (!b) {
      this.tables.replaceChildren();
      this.bigAlarms.replaceChildren();
      return;
    }
    const tr = this.tr;
    const names = this.names;
    this.tables.replaceChildren(
      responseTable(b, tr),
      alarmsTable(b, tr, names),
      countTable(b, 'types', tr, names),
      ...(b.areas.length > 0 ? [countTable(b, 'areas', tr, names)] : []),
      safetyTable(b, tr, names),
      streaksTable(b, tr, names),
    );
    const bigAlarms = alarmsTable(b, tr, names);
    bigAlarms.dataset.testid = 'big-alarms-table';
    this.bigAlarms.replaceChildren(bigAlarms);
  }

  /** The dashboard's keys while it is open: S back, B big screen, L theme, W directives, ? the sheet, Esc. */
  private onKey(event: KeyboardEvent): void {
    if (!this.isOpen || event.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (typingIn(event.target)) {
      if (event.key === 'Escape') (event.target as HTMLElement).blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const run = (action: () => void) => {
      event.preventDefault();
      action();
    };
    switch (key) {
      case 's':
        return run(() => this.handlers.onClose());
      case 'b':
        return run(() => this.toggleBigScreen());
      case 'l':
        return run(() => this.handlers.onTheme());
      case 'w':
        if (this.handlers.onWarnings) return run(this.handlers.onWarnings);
        return;
      case '?':
        return run(() => showShortcutSheet(this.ctx));
      case 'Escape':
        return run(() => (this.big ? this.toggleBigScreen() : this.handlers.onClose()));
    }
  }
}
