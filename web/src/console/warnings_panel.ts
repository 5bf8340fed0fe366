import '../styles/warnings.css';
import { failureText } from '../api/http';
import type { Warning, WarningList } from '../api/warnings';
import type { StoreChange } from '../live/store';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { syncList } from './keyed';
import { renderWarningCard } from './warning_card';
import { freshlyRaised, openWarnings } from './warning_model';
import { subjectName } from './warning_wording';

/** How many acknowledged directives the panel asks for (the newest). */
const ACKNOWLEDGED_LIMIT = 50;

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The warnings panel (预警指令): a modal drawer listing the open early-warning directives of
 * the seat's scope, live from the store (the state's `warnings`, then the stream's), each
 * with its evidence and the form to acknowledge it; on request also the acknowledged ones,
 * asked from `GET /api/v1/warnings?status=acknowledged` and asked again whenever the stream
 * says one was acknowledged. `onCount` hears the number of open directives after every
 * change (for the shell's badge), with `fresh` true when one arrived that the seat had not
 * been shown yet; such an arrival is also announced with a toast.
 */
export class WarningsPanel {
  readonly el: HTMLDialogElement;
  onCount: (open: number, fresh: boolean) => void = () => undefined;
  private readonly title: HTMLElement;
  private readonly count: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly openTitle: HTMLElement;
  private readonly openList: HTMLElement;
  private readonly openEmpty: HTMLElement;
  private readonly toggle: HTMLInputElement;
  private readonly toggleText: HTMLElement;
  private readonly ackSection: HTMLElement;
  private readonly ackTitle: HTMLElement;
  private readonly ackStatus: HTMLElement;
  private readonly ackList: HTMLElement;
  private shownOpen = new Set<string>();
  private ackState: LoadState = 'idle';
  private acknowledged: WarningList | null = null;
  private ackFailure = '';
  private ackRequests = 0;

  constructor(private readonly ctx: ConsoleContext) {
    this.title = h('h2', { class: 'dialog__title', id: 'warnings-title' });
    this.count = h('span', { class: 'badge', 'data-testid': 'warnings-open-count' });
    this.closeButton = h('button', { type: 'button', class: 'btn btn--small', 'aria-keyshortcuts': 'Escape', 'data-testid': 'warnings-close' });
    this.intro = h('p', { class: 'muted warnings__intro' });
    this.openTitle = h('h3', { class: 'panel__subtitle', id: 'warnings-open-title' });
    this.openList = h('div', { class: 'warnings__list', role: 'list', 'aria-labelledby': 'warnings-open-title', 'data-testid': 'warnings-open' });
    this.openEmpty = h('p', { class: 'empty', 'data-testid': 'warnings-empty' });
    this.toggle = h('input', { type: 'checkbox', id: 'warnings-show-acknowledged', 'data-testid': 'warnings-show-acknowledged' });
    this.toggleText = h('span');
    this.ackTitle = h('h3', { class: 'panel__subtitle', id: 'warnings-ack-title' });
    this.ackStatus = h('p', { class: 'muted', role: 'status', 'data-testid': 'warnings-ack-status' });
    this.ackList = h('div', { class: 'warnings__list', role: 'list', 'aria-labelledby': 'warnings-ack-title', 'data-testid': 'warnings-acknowledged' });
    this.ackSection = h('section', { class: 'warnings__section', hidden: true, 'data-testid': 'warnings-ack-section', 'data-state': 'idle' }, [
      this.ackTitle,
      this.ackStatus,
      this.ackList,
    ]);
    this.el = h('dialog', { class: 'dialog warnings', 'aria-labelledby': 'warnings-title', 'data-testid': 'warnings-panel' }, [
      h('header', { class: 'warnings__head' }, [this.title, this.count, this.closeButton]),
      h('div', { class: 'warnings__body' }, [
        this.intro,
        h('section', { class: 'warnings__section' }, [this.openTitle, this.openList, this.openEmpty]),
        h('label', { class: 'check warnings__toggle', for: 'warnings-show-acknowledged' }, [this.toggle, this.toggleText]),
        this.ackSection,
      ]),
    ]);
    this.closeButton.addEventListener('click', () => this.el.close());
    this.toggle.addEventListener('change', () => this.showAcknowledged(this.toggle.checked));
    ctx.store.subscribe((change) => this.onChange(change));
  }

  get opened(): boolean {
    return this.el.open;
  }

  /** Opens the panel (modal) with the cursor in the first open directive's response. */
  open(): void {
    if (!this.el.isConnected) document.body.append(this.el);
    if (!this.el.open) this.el.showModal();
    this.focusFirst();
  }

  close(): void {
    if (this.el.open) this.el.close();
  }

  render(): void {
    const { ctx } = this;
    this.title.textContent = ctx.tr('warnings.title');
    this.closeButton.textContent = ctx.tr('warnings.close');
    this.intro.textContent = ctx.tr('warnings.intro');
    this.openTitle.textContent = ctx.tr('warnings.open');
    this.openEmpty.textContent = ctx.tr('warnings.noneOpen');
    this.toggleText.textContent = ctx.tr('warnings.showAcknowledged');
    this.ackTitle.textContent = ctx.tr('warnings.acknowledged');
    this.renderOpen();
    this.renderAcknowledged();
  }

  private onChange(change: StoreChange): void {
    if (!change.reset && change.warnings.size === 0) return;
    const touched = [...change.warnings].map((id) => this.ctx.store.warnings.get(id)).filter((w): w is Warning => w !== undefined);
    const fresh = change.reset ? [] : freshlyRaised(this.shownOpen, touched);
    for (const warning of fresh) this.announce(warning);
    this.renderOpen(fresh.length > 0);
    const acknowledgedNow = change.reset || touched.some((w) => w.status === 'acknowledged');
    if (acknowledgedNow && this.toggle.checked) void this.loadAcknowledged();
  }

  /** A toast for a directive that has just arrived: the station, what rose, the day. */
  private announce(warning: Warning): void {
    const { ctx } = this;
    const names = { org: (code: string) => ctx.orgName(code), type: (code: string) => ctx.typeName(code) };
    const subject = subjectName((key, params) => ctx.tr(key, params), names, warning.subject);
    ctx.notify(ctx.tr('warnings.new', { area: names.org(warning.subject.area), subject, day: warning.subject.day }), 'warn');
  }

  private renderOpen(fresh = false): void {
    const open = openWarnings(this.ctx.store.warnings.values());
    this.shownOpen = new Set(open.map((w) => w.id));
    this.count.textContent = String(open.length);
    this.count.setAttribute('aria-label', this.ctx.tr('warnings.count', { n: open.length }));
    this.el.dataset.open = String(open.length);
    syncList(
      this.openList,
      open,
      (w) => w.id,
      () => h('article', { class: 'warning', role: 'listitem', 'data-testid': 'warning-row' }),
      (card, w) => renderWarningCard(this.ctx, card, w, 'open', (done) => this.acknowledgedHere(done)),
    );
    this.openEmpty.hidden = open.length > 0;
    this.onCount(open.length, fresh);
  }

  /** The seat's own acknowledgement: shown at once, and the cursor moves on to the next directive. */
  private acknowledgedHere(warning: Warning): void {
    const cards = [...this.openList.children] as HTMLElement[];
    const at = cards.findIndex((card) => card.dataset.key === warning.id);
    this.ctx.store.putWarning(warning);
    this.ctx.store.flush();
    if (!this.el.open) return;
    const next = (this.openList.children[at] ?? this.openList.lastElementChild) as HTMLElement | null;
    (next?.querySelector('textarea') ?? this.toggle).focus();
  }

  private focusFirst(): void {
    (this.openList.querySelector('textarea') ?? this.closeButton).focus();
  }

  private showAcknowledged(on: boolean): void {
    this.ackSection.hidden = !on;
    if (on) void this.loadAcknowledged();
  }

  private async loadAcknowledged(): Promise<void> {
    const request = ++this.ackRequests;
    this.ackState = 'loading';
    this.renderAcknowledged();
    try {
      const list = await this.ctx.http.get<WarningList>('/api/v1/warnings', { status: 'acknowledged', limit: ACKNOWLEDGED_LIMIT });
      if (request !== this.ackRequests) return;
      this.acknowledged = list;
      this.ackState = 'ready';
    } catch (error) {
      if (request !== this.ackRequests) return;
      this.ackFailure = failureText(error);
      this.ackState = 'error';
    }
    this.renderAcknowledged();
  }

  private renderAcknowledged(): void {
    const { ctx } = this;
    this.ackSection.dataset.state = this.ackState;
    const list = this.acknowledged;
    const warnings = list?.warnings ?? [];
    let status = '';
    if (this.ackState === 'loading' && !list) status = ctx.tr('warnings.loading');
    else if (this.ackState === 'error') status = ctx.tr('warnings.loadFailed', { detail: this.ackFailure });
    else if (list && warnings.length === 0) status = ctx.tr('warnings.noneAcknowledged');
    else if (list && list.total > warnings.length) status = ctx.tr('warnings.more', { total: list.total, shown: warnings.length });
    this.ackStatus.textContent = status;
    this.ackStatus.hidden = status === '';
    syncList(
      this.ackList,
      warnings,
      (w) => w.id,
      () => h('article', { class: 'warning warning--acknowledged', role: 'listitem', 'data-testid': 'warning-ack-row' }),
      (card, w) => renderWarningCard(ctx, card, w, 'ack', () => undefined),
    );
  }
}
