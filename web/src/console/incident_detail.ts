import { failureText } from '../api/http';
import { OPEN_ORDER_STATUSES, type Incident, type Order, type RankedUnit } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { ask } from './dialog';
import { orderDeadline } from './deadlines';
import { tickTimers } from './timers';
import { clockTime, elapsed } from './format';
import { RecommendPanel } from './recommend_panel';

const ORDER_STEPS = ['issued', 'signed_for', 'en_route', 'arrived', 'feedback', 'done'] as const;

/** The commands the detail panel offers for an incident in its current status. */
export function actionsFor(incident: Incident, orders: readonly Order[]): Set<'accept' | 'dispatch' | 'close' | 'terminate'> {
  const out = new Set<'accept' | 'dispatch' | 'close' | 'terminate'>();
  const s = incident.status;
  if (s === 'accepting') out.add('accept');
  if (['accepting', 'accepted', 'dispatched', 'units_out', 'arrived', 'feedback'].includes(s)) out.add('dispatch');
  if (orders.length > 0 && ['dispatched', 'units_out', 'arrived', 'feedback'].includes(s)) out.add('close');
  if (s === 'scene_closed') out.add('terminate');
  return out;
}

/**
 * The selected incident (警情详情): what was reported, where (every location candidate
 * with its source and uncertainty), its orders step by step with their times, the
 * recommendation, and the commands for its status.
 */
export class IncidentDetail {
  readonly el: HTMLElement;
  readonly recommend: RecommendPanel;
  private readonly body: HTMLElement;
  private incidentId = '';
  private busy = false;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly onRoute: (incident: string, unit: string) => void,
  ) {
    this.recommend = new RecommendPanel(ctx, (unit) => void this.dispatch(unit));
    this.body = h('div', { class: 'detail__body' });
    this.el = h('section', { class: 'panel panel--detail', 'data-testid': 'incident-detail', tabindex: '-1' }, [
      this.body,
      this.recommend.el,
    ]);
  }

  get incident(): Incident | null {
    return this.ctx.store.incidents.get(this.incidentId) ?? null;
  }

  /** Shows incident `id` at once; its recommendation comes with `loadRecommendation()`. */
  show(id: string): void {
    this.incidentId = id;
    this.render();
  }

  loadRecommendation(): void {
    void this.recommend.load(this.incident);
  }

  /** Redraws after a store change; reloads the recommendation when units or the incident moved on. */
  refresh(unitsChanged: boolean, incidentChanged: boolean): void {
    this.render();
    if (unitsChanged || incidentChanged) void this.recommend.load(this.incident);
  }

  render(): void {
    const { ctx } = this;
    const incident = this.incident;
    this.el.dataset.incident = incident?.id ?? '';
    if (!incident) {
      this.body.replaceChildren(h('p', { class: 'empty' }, [ctx.tr('detail.none')]));
      this.recommend.el.hidden = true;
      return;
    }
    const orders = ctx.store.ordersOf(incident);
    const actions = actionsFor(incident, orders);
    this.recommend.el.hidden = !actions.has('dispatch');
    this.recommend.render();
    const calls = incident.calls.map((id) => ctx.store.calls.get(id)).filter((c) => c !== undefined);
    this.body.replaceChildren(
      h('header', { class: 'detail__head' }, [
        h('span', { class: `prio prio--${incident.priority}` }, [`P${incident.priority}`]),
        h('h2', { class: 'detail__title', id: 'detail-title' }, [ctx.typeName(incident.type_code)]),
        h('span', { class: `status status--${incident.status}`, 'data-testid': 'detail-status' }, [
          ctx.tr(`incident.status.${incident.status}` as MessageKey),
        ]),
      ]),
      h('p', { class: 'mono muted', 'data-testid': 'detail-id' }, [incident.id]),
      h('p', { class: 'detail__summary' }, [incident.summary]),
      h('dl', { class: 'facts' }, [
        ...fact(ctx.tr('detail.created'), clockTime(incident.times.created)),
        ...fact(ctx.tr('detail.station'), ctx.orgName(incident.station)),
        ...fact(ctx.tr('detail.callers'), calls.map((c) => c.caller_number).join(', ') || '—'),
        ...fact(
          ctx.tr('detail.cautions'),
          incident.cautions.map((c) => ctx.tr(`caution.${c.kind}` as MessageKey)).join(', ') || '—',
        ),
      ]),
      h('h3', { class: 'panel__subtitle' }, [ctx.tr('detail.locations')]),
      incident.location.needs_confirmation
        ? h('p', { class: 'warn', role: 'alert', 'data-testid': 'location-conflict' }, [ctx.tr('detail.locationConflict')])
        : '',
      h(
        'ul',
        { class: 'candidates', 'data-testid': 'detail-locations' },
        incident.location.candidates.map((c, index) =>
          h('li', { 'data-confirmed': String(c.confirmed_by !== '') }, [
            h('span', { class: 'tag' }, [ctx.tr(`source.${c.source}` as MessageKey)]),
            ` ${c.text || `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`} `,
            h('span', { class: 'muted' }, [`±${Math.round(c.uncertainty_m)} m`]),
            c.confirmed_by !== '' ? h('span', { class: 'tag' }, [` ✓ ${ctx.tr('detail.confirmed')}`]) : '',
            incident.location.needs_confirmation ? this.confirmButton(incident, index) : '',
          ]),
        ),
      ),
      this.actionBar(incident, actions),
      h('h3', { class: 'panel__subtitle' }, [ctx.tr('detail.orders')]),
      h(
        'ol',
        { class: 'orders', 'data-testid': 'detail-orders' },
        orders.length > 0 ? orders.map((o) => this.orderRow(o)) : [h('li', { class: 'muted' }, [ctx.tr('detail.noOrders')])],
      ),
    );
    tickTimers(this.body, Date.now(), ctx.tr('deadline.over'));
  }

  /** A: accept (受理). */
  async accept(): Promise<void> {
    const incident = this.incident;
    if (!incident || !actionsFor(incident, []).has('accept')) return;
    await this.command(`/api/v1/incidents/${incident.id}/accept`, {}, 'toast.accepted');
  }

  /** D / 1–9: dispatch the unit ranked `rank` (1: the recommended one). */
  async dispatchRank(rank: number): Promise<void> {
    const unit = this.recommend.ranked.find((u) => u.rank === rank);
    if (unit) await this.dispatch(unit);
    else this.ctx.notify(this.ctx.tr('toast.noRank', { rank }), 'warn');
  }

  async dispatch(unit: RankedUnit): Promise<void> {
    const { ctx } = this;
    const incident = this.incident;
    if (!incident) return;
    const body: Record<string, string> = { unit: unit.unit };
    if (unit.rank > 1) {
      const reason = await ask({
        title: ctx.tr('dispatch.bypassTitle', { unit: unit.unit }),
        label: ctx.tr('dispatch.bypassReason'),
        confirm: ctx.tr('dialog.confirm'),
        cancel: ctx.tr('dialog.cancel'),
        testId: 'bypass-dialog',
      });
      if (reason === null) return;
      body.bypass_reason = reason;
    }
    if (incident.status === 'accepting') {
      const accepted = await this.command(`/api/v1/incidents/${incident.id}/accept`, {}, null);
      if (!accepted) return;
    }
    const ok = await this.command(`/api/v1/incidents/${incident.id}/dispatch`, body, 'toast.dispatched', { unit: unit.unit });
    if (ok) this.onRoute(incident.id, unit.unit);
  }

  /** C: close the scene (现场处置完毕) with a disposition. */
  async closeScene(): Promise<void> {
    const { ctx } = this;
    const incident = this.incident;
    if (!incident || !actionsFor(incident, ctx.store.ordersOf(incident)).has('close')) return;
    const disposition = await ask(
      {
        title: ctx.tr('close.title'),
        label: ctx.tr('close.disposition'),
        confirm: ctx.tr('close.confirm'),
        cancel: ctx.tr('dialog.cancel'),
        testId: 'close-dialog',
      },
      ctx.taxonomy.dispositions.map((d) => ({
        value: d.code,
        label: `${d.code} ${ctx.locale === 'en' ? d.name_en : d.name_zh}`,
      })),
    );
    if (disposition === null) return;
    await this.command(`/api/v1/incidents/${incident.id}/close-scene`, { disposition }, 'toast.closed');
  }

  /** T: terminate (结案). */
  async terminate(): Promise<void> {
    const incident = this.incident;
    if (!incident || incident.status !== 'scene_closed') return;
    await this.command(`/api/v1/incidents/${incident.id}/terminate`, {}, 'toast.terminated');
  }

  private async command(
    path: string,
    body: unknown,
    done: MessageKey | null,
    params: Record<string, string> = {},
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await this.ctx.http.post(path, body);
      if (done) this.ctx.notify(this.ctx.tr(done, { id: this.incidentId, ...params }), 'ok');
      return true;
    } catch (error) {
      this.ctx.notify(failureText(error), 'error');
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The sources disagree: a person picks the right one before units can be ranked. */
  private confirmButton(incident: Incident, index: number): HTMLElement {
    const b = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'location-confirm' }, [this.ctx.tr('detail.confirmLocation')]);
    b.addEventListener('click', () => void this.command(`/api/v1/incidents/${incident.id}/locations/${index}/confirm`, {}, 'toast.locationConfirmed'));
    return b;
  }

  private actionBar(incident: Incident, actions: ReadonlySet<string>): HTMLElement {
    const { ctx } = this;
    const button = (name: string, key: string, label: MessageKey, run: () => Promise<void>) => {
      const b = h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-testid': `action-${name}`,
          'aria-keyshortcuts': key,
          disabled: !actions.has(name),
        },
        [ctx.tr(label), h('kbd', {}, [key])],
      );
      b.addEventListener('click', () => void run());
      return b;
    };
    return h('div', { class: 'actions', role: 'toolbar', 'aria-label': ctx.tr('detail.actions') }, [
      button('accept', 'A', 'action.accept', () => this.accept()),
      button('dispatch', 'D', 'action.dispatch', () => this.dispatchRank(1)),
      button('close', 'C', 'action.close', () => this.closeScene()),
      button('terminate', 'T', 'action.terminate', () => this.terminate()),
      h('span', { class: 'muted' }, [incident.disposition ? `${ctx.tr('detail.disposition')}: ${incident.disposition}` : '']),
    ]);
  }

  private orderRow(order: Order): HTMLElement {
    const { ctx } = this;
    const unit = order.target.kind === 'unit' ? ctx.store.units.get(order.target.id) : undefined;
    const open = OPEN_ORDER_STATUSES.has(order.status);
    const since = Date.parse(order.times.issued ?? '');
    const steps = ORDER_STEPS.filter((s) => order.times[s]).map((s) =>
      h('li', { class: 'steps__item' }, [ctx.tr(`order.step.${s}` as MessageKey), ' ', h('span', { class: 'mono' }, [clockTime(order.times[s])])]),
    );
    const incident = ctx.store.incidents.get(order.incident);
    const deadline = orderDeadline(order, incident?.priority ?? 4, ctx.store.policy);
    const missed = (order.missed ?? []).map((m) =>
      h('span', { class: 'deadline', 'data-overdue': 'true', 'data-testid': 'order-missed' }, [
        ctx.tr(`deadline.missed.${m.kind}` as MessageKey),
        m.offered_unit ? ` → ${m.offered_unit}` : '',
      ]),
    );
    const route = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'order-route' }, [ctx.tr('order.showRoute')]);
    route.addEventListener('click', () => this.onRoute(order.incident, order.target.id));
    return h('li', { class: 'order', 'data-testid': 'order-row', 'data-order': order.id, 'data-status': order.status }, [
      h('div', { class: 'order__head' }, [
        h('strong', {}, [order.target.id]),
        ' ',
        h('span', { class: 'muted' }, [unit?.profile.name ?? ctx.orgName(order.target.id)]),
        h('span', { class: `status status--order-${order.status}`, 'data-testid': 'order-status' }, [
          ctx.tr(`order.status.${order.status}` as MessageKey),
        ]),
        open && Number.isFinite(since)
          ? h('span', { class: 'timer mono', 'data-since': String(since) }, [elapsed(Date.now() - since)])
          : '',
        deadline
          ? h('span', {
              class: 'deadline mono',
              'data-due': String(deadline.due),
              'data-label': ctx.tr(`deadline.${deadline.kind}` as MessageKey),
              'data-testid': 'order-deadline',
              title: clockTime(deadline.due),
            })
          : '',
        ...missed,
      ]),
      h('ol', { class: 'steps' }, steps),
      ...order.feedback.map((f) => h('p', { class: 'feedback', 'data-testid': 'order-feedback' }, [f.text])),
      ...(order.target.kind === 'unit' && open ? [route] : []),
    ]);
  }
}

function fact(label: string, value: string): HTMLElement[] {
  return [h('dt', {}, [label]), h('dd', {}, [value])];
}
