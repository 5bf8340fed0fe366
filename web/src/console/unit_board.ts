import { UNIT_STATUSES, type Unit } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { syncList } from './keyed';

export interface UnitFilter {
  station: string;
  type: string;
  status: string;
}

export function unitMatches(unit: Unit, filter: UnitFilter): boolean {
  if (unit.retired) return false;
  if (filter.station !== '' && unit.profile.station !== filter.station) return false;
  if (filter.type !== '' && unit.profile.type !== filter.type) return false;
  if (filter.status === 'on_duty') return unit.status !== 'off_duty';
  if (filter.status !== '' && unit.status !== filter.status) return false;
  return true;
}

/** Board order: emergencies first, then by status (available first), then callsign. */
export function boardOrder(a: Unit, b: Unit): number {
  const ea = a.emergency ? 0 : 1;
  const eb = b.emergency ? 0 : 1;
  if (ea !== eb) return ea - eb;
  const sa = UNIT_STATUSES.indexOf(a.status);
  const sb = UNIT_STATUSES.indexOf(b.status);
  if (sa !== sb) return sa - sb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The unit board (警力看板): every unit the seat may see with its status colour-coded,
 * filtered by station, type and status, and a count per status.
 */
export class UnitBoard {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly title: HTMLElement;
  private filter: UnitFilter = { station: '', type: '', status: 'on_duty' };

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly onPick: (unit: string) => void,
  ) {
    this.title = h('h2', { class: 'panel__title', id: 'units-title' });
    this.counts = h('div', { class: 'unit-counts', 'data-testid': 'unit-counts' });
    this.filters = h('div', { class: 'filters' });
    this.list = h('div', { class: 'unit-list', role: 'list', 'aria-labelledby': 'units-title', 'data-testid': 'unit-board' });
    this.el = h('section', { class: 'panel panel--units' }, [
      h('header', { class: 'panel__head' }, [this.title, this.counts]),
      this.filters,
      this.list,
    ]);
    this.list.addEventListener('click', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
      if (row?.dataset.key) this.onPick(row.dataset.key);
    });
  }

  render(): void {
    this.title.textContent = this.ctx.tr('units.title');
    this.renderFilters();
    this.renderRows();
  }

  renderRows(): void {
    const { ctx } = this;
    const all = [...ctx.store.units.values()].filter((u) => !u.retired);
    const shown = all.filter((u) => unitMatches(u, this.filter)).sort(boardOrder);
    const perStatus = new Map<string, number>();
    for (const u of all) perStatus.set(u.status, (perStatus.get(u.status) ?? 0) + 1);
    this.counts.replaceChildren(
      ...UNIT_STATUSES.filter((s) => perStatus.has(s)).map((s) =>
        h('span', { class: `chip unit-status--${s}`, title: ctx.tr(`unit.status.${s}` as MessageKey) }, [
          `${ctx.tr(`unit.status.${s}` as MessageKey)} ${perStatus.get(s)}`,
        ]),
      ),
    );
    syncList(
      this.list,
      shown,
      (u) => u.id,
      () => h('div', { class: 'unit-row', role: 'listitem', 'data-testid': 'unit-row' }),
      (row, u) => {
        const signature = `${u.status}|${u.emergency ? 'E' : ''}|${u.orders.join(',')}|${ctx.locale}`;
        if (row.dataset.signature === signature) return;
        row.dataset.signature = signature;
        row.dataset.status = u.status;
        row.dataset.unit = u.id;
        row.classList.toggle('unit-row--emergency', u.emergency !== undefined);
        row.replaceChildren(
          h('strong', { class: 'unit-row__id' }, [u.id]),
          h('span', { class: 'unit-row__name' }, [u.profile.name]),
          h('span', { class: 'muted unit-row__station' }, [ctx.orgName(u.profile.station)]),
          h('span', { class: `chip unit-status--${u.emergency ? 'emergency' : u.status}`, 'data-testid': 'unit-status' }, [
            u.emergency ? ctx.tr('unit.emergency') : ctx.tr(`unit.status.${u.status}` as MessageKey),
          ]),
        );
      },
    );
  }

  private renderFilters(): void {
    const { ctx } = this;
    const stations = new Set<string>();
    const types = new Set<string>();
    for (const u of ctx.store.units.values()) {
      stations.add(u.profile.station);
      types.add(u.profile.type);
    }
    const select = (
      name: keyof UnitFilter,
      label: MessageKey,
      options: [string, string][],
    ): HTMLElement => {
      const id = `unit-filter-${name}`;
      const field = h(
        'select',
        { id, class: 'field__input field__input--small', 'data-testid': id },
        options.map(([value, text]) => h('option', { value, selected: value === this.filter[name] }, [text])),
      );
      field.addEventListener('change', () => {
        this.filter = { ...this.filter, [name]: field.value };
        this.renderRows();
      });
      return h('label', { class: 'field field--inline', for: id }, [h('span', { class: 'field__label' }, [ctx.tr(label)]), field]);
    };
    this.filters.replaceChildren(
      select('station', 'units.filter.station', [
        ['', ctx.tr('units.filter.all')],
        ...[...stations].sort().map((s): [string, string] => [s, ctx.orgName(s)]),
      ]),
      select('type', 'units.filter.type', [
        ['', ctx.tr('units.filter.all')],
        ...[...types].sort().map((s): [string, string] => [s, ctx.tr(`unit.type.${s}` as MessageKey)]),
      ]),
      select('status', 'units.filter.status', [
        ['on_duty', ctx.tr('units.filter.onDuty')],
        ['', ctx.tr('units.filter.all')],
        ...UNIT_STATUSES.map((s): [string, string] => [s, ctx.tr(`unit.status.${s}` as MessageKey)]),
      ]),
    );
  }
}
