import { failureText } from '../api/http';
import { OPEN_ORDER_STATUSES, type Order, type RouteAnswer } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { ask } from './dialog';
import { clockTime, eta, metres } from './format';

type Step = 'sign-for' | 'en-route' | 'arrive' | 'complete';

/** The next step the officer can report for an order, if any. */
export function nextStep(order: Order): Step | null {
  switch (order.status) {
    case 'issued':
      return 'sign-for';
    case 'signed_for':
      return 'en-route';
    case 'en_route':
      return 'arrive';
    case 'arrived':
    case 'feedback':
      return order.feedback.length > 0 ? 'complete' : null;
    default:
      return null;
  }
}

/**
 * The unit terminal (警务通): a phone-sized page for the officers of one unit. Their
 * current order with the incident, one big button for the next step (sign for, en route,
 * arrived, complete), the feedback form, the route, their status and the emergency alarm.
 */
export class TerminalView {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private route: RouteAnswer | null = null;
  private routeFor = '';
  private busy = false;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly onRoute: (route: RouteAnswer | null) => void,
  ) {
    this.body = h('div', { class: 'terminal__body' });
    this.el = h('main', { class: 'terminal', 'data-testid': 'terminal' }, [this.body]);
  }

  get unitId(): string {
    return this.ctx.user.unit;
  }

  /** The open order of this unit (the newest when there are several). */
  currentOrder(): Order | null {
    let found: Order | null = null;
    for (const order of this.ctx.store.orders.values()) {
      if (order.target.kind !== 'unit' || order.target.id !== this.unitId) continue;
      if (!OPEN_ORDER_STATUSES.has(order.status)) continue;
      if (!found || (order.times.issued ?? '') > (found.times.issued ?? '')) found = order;
    }
    return found;
  }

  render(): void {
    const { ctx } = this;
    const unit = ctx.store.units.get(this.unitId);
    const order = this.currentOrder();
    if (order && order.id !== this.routeFor) void this.loadRoute(order);
    if (!order && this.route) {
      this.route = null;
      this.routeFor = '';
      this.onRoute(null);
    }
    const status = unit?.emergency ? 'emergency' : (unit?.status ?? 'off_duty');
    this.body.replaceChildren(
      h('header', { class: 'terminal__head' }, [
        h('h1', { class: 'terminal__unit' }, [this.unitId, ' ', h('small', {}, [unit?.profile.name ?? ''])]),
        h('span', { class: `chip unit-status--${status}`, 'data-testid': 'terminal-unit-status' }, [
          unit?.emergency ? ctx.tr('unit.emergency') : ctx.tr(`unit.status.${unit?.status ?? 'off_duty'}` as MessageKey),
        ]),
      ]),
      order ? this.orderCard(order) : h('p', { class: 'empty', 'data-testid': 'terminal-idle' }, [ctx.tr('terminal.noOrder')]),
      this.statusBar(order),
    );
  }

  private orderCard(order: Order): HTMLElement {
    const { ctx } = this;
    const incident = ctx.store.incidents.get(order.incident);
    const place = incident?.location.candidates[0];
    const step = nextStep(order);
    const stepButton = step
      ? h('button', { type: 'button', class: 'btn btn--primary btn--big', 'data-testid': `terminal-${step}` }, [ctx.tr(`terminal.step.${step}` as MessageKey)])
      : null;
    stepButton?.addEventListener('click', () => void this.report(order, step!));
    const feedback = h('textarea', { id: 'terminal-feedback', class: 'field__input', rows: '3', 'data-testid': 'terminal-feedback' });
    const send = h('button', { type: 'submit', class: 'btn', 'data-testid': 'terminal-feedback-send' }, [ctx.tr('terminal.sendFeedback')]);
    const form = h('form', { class: 'field' }, [
      h('label', { class: 'field__label', for: 'terminal-feedback' }, [ctx.tr('terminal.feedback')]),
      feedback,
      send,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (feedback.value.trim() !== '') void this.post(`/api/v1/orders/${order.id}/feedback`, { text: feedback.value.trim() }, 'toast.feedbackSent');
    });
    const canFeedback = order.status === 'arrived' || order.status === 'feedback';
    return h('section', { class: 'card', 'data-testid': 'terminal-order', 'data-order': order.id, 'data-status': order.status }, [
      h('h2', { class: 'card__title' }, [
        incident ? h('span', { class: `prio prio--${incident.priority}` }, [`P${incident.priority}`]) : '',
        ' ',
        incident ? ctx.typeName(incident.type_code) : order.incident,
      ]),
      h('p', {}, [incident?.summary ?? '']),
      h('p', { class: 'terminal__place', 'data-testid': 'terminal-place' }, [place?.text || (place ? `${place.lat.toFixed(5)}, ${place.lon.toFixed(5)}` : '')]),
      order.instructions ? h('p', { class: 'warn' }, [order.instructions]) : '',
      h('p', { class: 'muted' }, [
        h('span', { 'data-testid': 'terminal-order-status' }, [ctx.tr(`order.status.${order.status}` as MessageKey)]),
        ` · ${ctx.tr('order.step.issued')} ${clockTime(order.times.issued)}`,
      ]),
      this.route && this.routeFor === order.id
        ? h('p', { 'data-testid': 'terminal-route' }, [ctx.tr('terminal.route', { eta: eta(this.route.eta_s), length: metres(this.route.length_m) })])
        : '',
      stepButton ?? '',
      canFeedback ? form : '',
      ...order.feedback.map((f) => h('p', { class: 'feedback' }, [f.text])),
    ]);
  }

  private statusBar(order: Order | null): HTMLElement {
    const { ctx } = this;
    const unit = ctx.store.units.get(this.unitId);
    const buttons: HTMLElement[] = [];
    const idle = !order && unit && unit.status !== 'off_duty';
    if (idle) {
      for (const status of ['available', 'conditionally_available', 'out_of_service'] as const) {
        const b = h('button', { type: 'button', class: 'btn', 'aria-pressed': String(unit.status === status), 'data-testid': `terminal-status-${status}` }, [
          ctx.tr(`unit.status.${status}` as MessageKey),
        ]);
        b.addEventListener('click', () => void this.post(`/api/v1/units/${this.unitId}/status`, { status }, null));
        buttons.push(b);
      }
    }
    const alarm = h('button', { type: 'button', class: 'btn btn--danger', 'data-testid': 'terminal-emergency', disabled: !unit || unit.emergency !== undefined }, [
      ctx.tr('terminal.emergency'),
    ]);
    alarm.addEventListener('click', () => void this.raiseEmergency());
    return h('footer', { class: 'terminal__status', role: 'group', 'aria-label': ctx.tr('terminal.statusGroup') }, [...buttons, alarm]);
  }

  private async raiseEmergency(): Promise<void> {
    const { ctx } = this;
    const note = await ask({
      title: ctx.tr('terminal.emergencyTitle'),
      label: ctx.tr('terminal.emergencyNote'),
      confirm: ctx.tr('terminal.emergency'),
      cancel: ctx.tr('dialog.cancel'),
      testId: 'emergency-dialog',
    });
    if (note === null) return;
    const p = ctx.store.positions.get(this.unitId);
    await this.post(`/api/v1/units/${this.unitId}/emergency`, { note, ...(p ? { lat: p.lat, lon: p.lon } : {}) }, 'toast.emergencyRaised');
  }

  private async report(order: Order, step: Step): Promise<void> {
    await this.post(`/api/v1/orders/${order.id}/${step}`, {}, `toast.step.${step}` as MessageKey);
  }

  private async loadRoute(order: Order): Promise<void> {
    this.routeFor = order.id;
    try {
      this.route = await this.ctx.http.get<RouteAnswer>(`/api/v1/incidents/${order.incident}/route`, { unit: this.unitId });
      this.onRoute(this.route);
    } catch {
      this.route = null;
    }
    this.render();
  }

  private async post(path: string, body: unknown, done: MessageKey | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.ctx.http.post(path, body);
      if (done) this.ctx.notify(this.ctx.tr(done), 'ok');
    } catch (error) {
      this.ctx.notify(failureText(error), 'error');
    } finally {
      this.busy = false;
    }
  }
}
