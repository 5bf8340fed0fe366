import { OPEN_INCIDENT_STATUSES, type Incident } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { pendingDeadline } from './deadlines';
import { tickTimers } from './timers';
import { syncList } from './keyed';

/** Queue order: most urgent priority first, then the one waiting longest. */
export function queueOrder(a: Incident, b: Incident): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ta = Date.parse(a.times.created ?? '');
  const tb = Date.parse(b.times.created ?? '');
  if (ta !== tb) return ta - tb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The incidents a dispatcher still has to work: open, not yet terminated. */
export function queueOf(incidents: Iterable<Incident>): Incident[] {
  const open: Incident[] = [];
  for (const incident of incidents) if (OPEN_INCIDENT_STATUSES.has(incident.status)) open.push(incident);
  return open.sort(queueOrder);
}

/**
 * The incident queue (警情队列): a listbox of open incidents with their waiting time.
 * Arrow keys (or j / k) move the selection, which opens the incident in the detail panel.
 */
export class QueueView {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly title: HTMLElement;
  private readonly count: HTMLElement;
  private selected = '';
  private ids: string[] = [];

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly onSelect: (id: string) => void,
  ) {
    this.title = h('h2', { class: 'panel__title', id: 'queue-title' });
    this.count = h('span', { class: 'badge', 'data-testid': 'queue-count' });
    this.list = h('div', {
      class: 'queue',
      role: 'listbox',
      tabindex: '0',
      'aria-labelledby': 'queue-title',
      'data-testid': 'queue',
    });
    this.el = h('section', { class: 'panel panel--queue', 'data-testid': 'queue-panel' }, [
      h('header', { class: 'panel__head' }, [this.title, this.count]),
      this.list,
    ]);
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('click', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
      if (row?.dataset.key) this.select(row.dataset.key);
    });
  }

  get selection(): string {
    return this.selected;
  }

  focus(): void {
    this.list.focus();
  }

  select(id: string, announce = true): void {
    this.selected = id;
    for (const row of this.list.children) {
      const on = (row as HTMLElement).dataset.key === id;
      row.setAttribute('aria-selected', String(on));
      if (on) (row as HTMLElement).scrollIntoView({ block: 'nearest' });
    }
    if (id !== '') this.list.setAttribute('aria-activedescendant', `queue-row-${id}`);
    if (announce) this.onSelect(id);
  }

  /** Moves the selection by `step` rows (the first row when nothing is selected). */
  move(step: number): void {
    if (this.ids.length === 0) return;
    const at = this.ids.indexOf(this.selected);
    const next = at < 0 ? 0 : Math.min(this.ids.length - 1, Math.max(0, at + step));
    const id = this.ids[next];
    if (id !== undefined) this.select(id);
  }

  render(): void {
    const { ctx } = this;
    this.title.textContent = ctx.tr('queue.title');
    const incidents = queueOf(ctx.store.incidents.values());
    this.ids = incidents.map((i) => i.id);
    this.count.textContent = String(incidents.length);
    this.count.setAttribute('aria-label', ctx.tr('queue.count', { n: incidents.length }));
    syncList(
      this.list,
      incidents,
      (i) => i.id,
      (i) =>
        h('div', { class: 'queue__row', role: 'option', id: `queue-row-${i.id}`, 'data-testid': 'queue-row' }),
      (row, i) => this.fill(row, i),
    );
    if (this.list.children.length === 0) {
      this.list.append(h('p', { class: 'empty', 'data-testid': 'queue-empty' }, [ctx.tr('queue.empty')]));
    } else {
      this.list.querySelector('.empty')?.remove();
    }
    if (this.selected !== '' && !this.ids.includes(this.selected)) this.selected = '';
    this.select(this.selected, false);
    this.tick();
  }

  /** Refreshes the waiting timers (called every second). */
  tick(): void {
    tickTimers(this.list, Date.now(), this.ctx.tr('deadline.over'));
  }

  private fill(row: HTMLElement, i: Incident): void {
    const { ctx } = this;
    const place = i.location.candidates[0]?.text ?? '';
    const created = Date.parse(i.times.created ?? '');
    const pending = pendingDeadline(i, ctx.store.policy);
    row.dataset.priority = String(i.priority);
    row.dataset.status = i.status;
    row.dataset.incident = i.id;
    row.replaceChildren(
      h('span', { class: `prio prio--${i.priority}`, title: ctx.tr('incident.priority') }, [`P${i.priority}`]),
      h('span', { class: 'queue__main' }, [
        h('span', { class: 'queue__type' }, [ctx.typeName(i.type_code)]),
        h('span', { class: 'queue__summary' }, [i.summary]),
        h('span', { class: 'queue__place' }, [place || ctx.orgName(i.station)]),
      ]),
      h('span', { class: 'queue__side' }, [
        h('span', { class: `status status--${i.status}`, 'data-testid': 'queue-status' }, [
          ctx.tr(`incident.status.${i.status}` as MessageKey),
        ]),
        h('span', {
          class: 'timer mono',
          'data-since': String(Number.isFinite(created) ? created : Date.now()),
          title: ctx.tr('queue.waiting'),
        }),
        pending
          ? h('span', { class: 'deadline mono', 'data-due': String(pending.due), 'data-label': ctx.tr('deadline.pending'), 'data-testid': 'queue-deadline' })
          : '',
        (i.missed ?? []).length > 0 ? h('span', { class: 'deadline', 'data-overdue': 'true' }, [ctx.tr('deadline.missed.pending')]) : '',
      ]),
    );
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      this.move(step);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      this.move(event.key === 'Home' ? -1e9 : 1e9);
    }
  }
}
