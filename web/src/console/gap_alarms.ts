import type { KeySite } from '../api/circles';
import type { StoreChange } from '../live/store';
import { h } from '../ui/dom';
import { freshGaps, gapKey, openGaps } from './circle_model';
import { gapAlarmText, type CircleNames } from './circle_wording';
import type { ConsoleContext } from './context';
import type { Tr } from './dashboard_model';
import { syncList } from './keyed';

/**
 * The coverage-gap alarms (快反圈缺口) over the map: one line per key site with an open gap,
 * newest first, saying which site lost its circle and which unit to move up to which post.
 * A gap that opens while the console is open is announced like an emergency: a toast and
 * the line flashing; a gap already open when the console loads is listed without the noise.
 * The line stays until the server closes the gap (a toast says so). Each line is a button:
 * focusing it marks the move-up on the map, clicking it also brings the map there.
 *
 * Test hooks: `gap-alarms` (the region, `data-count`), lines `gap-alarm` (`data-site`).
 */
export class GapAlarms {
  readonly el: HTMLElement;
  /** A line was focused (`frame` false) or clicked (`frame` true). */
  onFocusGap: (site: string, frame: boolean) => void = () => undefined;
  private readonly list: HTMLElement;
  private readonly hint: HTMLElement;
  /** The gaps on screen, by site: their gapKey and name (for the closing toast). */
  private shown = new Map<string, { key: string; name: string }>();

  constructor(private readonly ctx: ConsoleContext) {
    this.hint = h('p', { class: 'visually-hidden', id: 'gap-alarms-hint' });
    this.list = h('ul', { class: 'gap-alarms__list' });
    this.el = h('section', { class: 'gap-alarms', hidden: true, 'aria-live': 'assertive', 'data-testid': 'gap-alarms', 'data-count': '0' }, [this.hint, this.list]);
    ctx.store.subscribe((change) => this.onChange(change));
  }

  private get tr(): Tr {
    return (key, params) => this.ctx.tr(key, params);
  }

  private get names(): CircleNames {
    return { org: (code) => this.ctx.orgName(code), post: (id) => this.ctx.store.posts.get(id)?.profile.name ?? id };
  }

  /** The cursor on the newest gap's line (and its move-up on the map); false when there is none. */
  focusNewest(): boolean {
    const first = this.list.querySelector<HTMLButtonElement>('button');
    first?.focus();
    return first !== null;
  }

  render(): void {
    this.el.setAttribute('aria-label', this.ctx.tr('circles.alarms'));
    this.hint.textContent = this.ctx.tr('circles.alarmHint');
    const gaps = openGaps(this.ctx.store.sites.values());
    syncList(
      this.list,
      gaps,
      (site) => site.id,
      (site) => this.line(site.id),
      (item, site) => {
        const button = item.firstElementChild as HTMLButtonElement;
        button.textContent = gapAlarmText(this.tr, this.names, site);
        button.dataset.gap = gapKey(site);
      },
    );
    this.el.hidden = gaps.length === 0;
    this.el.dataset.count = String(gaps.length);
    document.body.classList.toggle('coverage-gap-active', gaps.length > 0);
  }

  private line(site: string): HTMLElement {
    const button = h('button', { type: 'button', class: 'gap-alarm', 'aria-describedby': 'gap-alarms-hint', 'data-testid': 'gap-alarm', 'data-site': site });
    button.addEventListener('focus', () => this.onFocusGap(site, false));
    button.addEventListener('click', () => this.onFocusGap(site, true));
    button.addEventListener('animationend', () => button.classList.remove('gap-alarm--fresh'));
    return h('li', {}, [button]);
  }

  private onChange(change: StoreChange): void {
    if (!change.reset && change.sites.size === 0 && change.posts.size === 0) return;
    const touched = [...change.sites].map((id) => this.ctx.store.sites.get(id)).filter((s): s is KeySite => s !== undefined);
    const fresh = change.reset ? [] : freshGaps(new Set([...this.shown.values()].map((g) => g.key)), touched);
    if (!change.reset) {
      for (const id of change.sites) {
        // A retired site leaves the list without a word: its gap closed because it is gone.
        const was = this.shown.get(id);
        const now = this.ctx.store.sites.get(id);
        if (was && now && !now.gap) this.ctx.notify(this.ctx.tr('circles.gap.closed', { site: was.name }), 'ok');
      }
    }
    this.render();
    this.shown = new Map(openGaps(this.ctx.store.sites.values()).map((s) => [s.id, { key: gapKey(s), name: s.profile.name }]));
    for (const site of [...fresh].reverse()) {
      this.ctx.notify(gapAlarmText(this.tr, this.names, site), 'error');
      this.list.querySelector(`[data-site="${CSS.escape(site.id)}"]`)?.classList.add('gap-alarm--fresh');
    }
  }
}
