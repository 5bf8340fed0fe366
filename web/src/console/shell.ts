import { SUPPORTED_LOCALES, type Locale } from '../i18n/locales';
import type { MessageKey } from '../i18n/zh-CN';
import type { LinkState } from '../live/sync';
import type { Theme } from '../map/style';
import { h } from '../ui/dom';
import { createEmblem } from '../ui/emblem';
import type { ConsoleContext, Tone } from './context';
import { clockTime } from './format';

export interface ShellHandlers {
  onLocale: (locale: Locale) => void;
  onTheme: () => void;
  onShortcuts: () => void;
  onLogout: () => void;
  onBigScreen?: () => void;
  /** Opens the statistics dashboard, or goes back from it to the workspace. */
  onDashboard?: () => void;
  /** Opens the early-warning directives (only for the seats that acknowledge them). */
  onWarnings?: () => void;
}

/**
 * The bar across the top of every console: who is working, the link to the server
 * (live / reconnecting, never silently stale), the centre's clock, the language, theme
 * and shortcut switches; and the toasts that report what a command did.
 */
export class Shell {
  readonly el: HTMLElement;
  readonly toasts: HTMLElement;
  private readonly linkBadge: HTMLElement;
  private readonly clock: HTMLElement;
  private readonly right: HTMLElement;
  private link: LinkState = 'connecting';
  private dashboardOpen = false;
  private linkDetail = '';
  private readonly warningsButton: HTMLButtonElement | null = null;
  private openWarnings = 0;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly handlers: ShellHandlers,
    private theme: Theme,
  ) {
    this.linkBadge = h('span', { class: 'link', role: 'status', 'data-testid': 'link-status' });
    this.clock = h('span', { class: 'clock mono', 'data-testid': 'clock' });
    this.right = h('div', { class: 'shell__right' });
    this.toasts = h('div', { class: 'toasts', role: 'log', 'aria-live': 'polite', 'data-testid': 'toasts' });
    this.el = h('header', { class: 'shell' }, [
      h('div', { class: 'brand' }, [createEmblem(), h('span', { class: 'brand__name' }, ['守望'])]),
      h('span', { class: 'shell__city', 'data-testid': 'shell-city' }),
      this.linkBadge,
      this.clock,
      this.right,
    ]);
    if (handlers.onWarnings) {
      // One element for the shell's life: the count changes often, the button keeps its focus.
      this.warningsButton = h('button', { type: 'button', class: 'btn btn--small warnings-toggle', 'aria-keyshortcuts': 'W', 'data-testid': 'warnings-toggle' });
      this.warningsButton.addEventListener('click', () => this.handlers.onWarnings?.());
      this.warningsButton.addEventListener('animationend', () => this.warningsButton?.classList.remove('warnings-toggle--fresh'));
    }
    setInterval(() => (this.clock.textContent = clockTime(Date.now())), 1000);
    this.clock.textContent = clockTime(Date.now());
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.render();
  }

  /** Whether the dashboard is on screen (its button then leads back to the workspace). */
  setDashboard(open: boolean): void {
    this.dashboardOpen = open;
    this.render();
  }

  setLink(state: LinkState, detail: string): void {
    this.link = state;
    this.linkDetail = detail;
    this.renderLink();
  }

  /**
   * How many directives wait for the seat's acknowledgement; `fresh` when one just arrived,
   * which makes the button flash a few times besides turning amber.
   */
  setWarnings(open: number, fresh = false): void {
    this.openWarnings = open;
    this.renderWarnings();
    if (fresh) this.warningsButton?.classList.add('warnings-toggle--fresh');
  }

  notify(text: string, tone: Tone): void {
    const toast = h('p', { class: `toast toast--${tone}`, 'data-testid': `toast-${tone}` }, [text]);
    this.toasts.append(toast);
    setTimeout(() => toast.remove(), tone === 'error' ? 12_000 : 5_000);
    while (this.toasts.children.length > 5) this.toasts.firstElementChild?.remove();
  }

  render(): void {
    const { ctx } = this;
    const city = ctx.city;
    (this.el.querySelector('.shell__city') as HTMLElement).textContent = city ? (ctx.locale === 'en' ? city.nameEn : city.name) : '';
    const langs = SUPPORTED_LOCALES.map((locale) => {
      const b = h('button', { type: 'button', class: 'btn btn--small', lang: locale, 'aria-pressed': String(locale === ctx.locale), 'data-testid': `lang-${locale}` }, [
        ctx.tr(`lang.${locale}` as MessageKey),
      ]);
      b.addEventListener('click', () => this.handlers.onLocale(locale));
      return b;
    });
    const theme = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'theme-toggle', 'aria-keyshortcuts': 'L' }, [
      ctx.tr(this.theme === 'night' ? 'shell.dayTheme' : 'shell.nightTheme'),
    ]);
    theme.addEventListener('click', () => this.handlers.onTheme());
    const keys = h('button', { type: 'button', class: 'btn btn--small', 'aria-keyshortcuts': 'Shift+?', 'data-testid': 'shortcuts-button' }, [ctx.tr('shell.shortcuts')]);
    keys.addEventListener('click', () => this.handlers.onShortcuts());
    const logout = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'logout' }, [ctx.tr('shell.logout')]);
    logout.addEventListener('click', () => this.handlers.onLogout());
    const extra: HTMLElement[] = [];
    if (this.handlers.onDashboard) {
      const stats = h('button', { type: 'button', class: 'btn btn--small', 'aria-keyshortcuts': 'S', 'data-testid': 'dashboard-toggle' }, [
        ctx.tr(this.dashboardOpen ? 'shell.workspace' : 'shell.dashboard'),
      ]);
      stats.addEventListener('click', () => this.handlers.onDashboard?.());
      extra.push(stats);
    }
    if (this.warningsButton) {
      this.renderWarnings();
      extra.push(this.warningsButton);
    }
    if (this.handlers.onBigScreen) {
      const big = h('button', { type: 'button', class: 'btn btn--small', 'aria-keyshortcuts': 'B', 'data-testid': 'bigscreen-toggle' }, [ctx.tr('shell.bigScreen')]);
      big.addEventListener('click', () => this.handlers.onBigScreen?.());
      extra.push(big);
    }
    this.right.replaceChildren(
      h('span', { class: 'shell__user', 'data-testid': 'shell-user' }, [
        `${ctx.user.display_name || ctx.user.username} · ${ctx.tr(`role.${ctx.user.role}` as MessageKey)}`,
      ]),
      ...extra,
      keys,
      theme,
      h('div', { class: 'lang-switch', role: 'group', 'aria-label': ctx.tr('lang.label') }, langs),
      logout,
    );
    this.renderLink();
  }

  private renderWarnings(): void {
    const button = this.warningsButton;
    if (!button) return;
    const n = this.openWarnings;
    button.classList.toggle('warnings-toggle--pending', n > 0);
    button.title = this.ctx.tr('warnings.count', { n });
    button.replaceChildren(
      `${this.ctx.tr('warnings.button')} `,
      h('span', { class: 'warnings-toggle__count', 'data-testid': 'warnings-count', 'data-count': String(n) }, [String(n)]),
    );
  }

  private renderLink(): void {
    this.linkBadge.dataset.state = this.link;
    this.linkBadge.textContent = this.ctx.tr(`link.${this.link}` as MessageKey);
    this.linkBadge.title = this.linkDetail;
  }
}
