import { parseCity, type CityInfo } from '../api/client';
import { Http, RequestRefused, failureText } from '../api/http';
import type { Taxonomy, User } from '../api/records';
import type { Locale } from '../i18n/locales';
import { loadLocale, saveLocale } from '../i18n/persistence';
import { t } from '../i18n/translate';
import { LiveStore } from '../live/store';
import { StateSync } from '../live/sync';
import type { BasemapInfo, Theme } from '../map/style';
import { h } from '../ui/dom';
import { createEmblem } from '../ui/emblem';
import { ConsoleContext, type OrgUnit } from './context';
import type { DashboardView } from './dashboard';
import { setCentreOffset } from './format';
import { siteStateCss } from './circle_style';
import { statusCss } from './palette';
import { Shell } from './shell';
import { showShortcutSheet } from './shortcuts';
import { TerminalView } from './terminal';
import { MapView } from './map_view';
import { seesWarnings } from './warning_model';
import { WarningsPanel } from './warnings_panel';
import { Workspace } from './workspace';

const THEME_KEY = 'shouwang.console.theme';
const CSRF_KEY = 'shouwang.console.csrf';

interface Me extends User {
  csrf_token?: string;
}

interface CityAnswer {
  loaded: boolean;
  bbox: [number, number, number, number];
  centre: [number, number];
  basemap: BasemapInfo | null;
  utc_offset_minutes?: number;
}

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Starts the console in `root`: the login form without a session, else the seat's
 * view: the unit terminal for a unit's account, the command workspace for everyone else.
 */
export async function startConsole(root: HTMLElement): Promise<void> {
  const style = document.createElement('style');
  style.textContent = `${statusCss()}\n${siteStateCss()}`;
  document.head.append(style);
  const http = new Http({ workstation: `console-${navigator.platform || 'web'}` });
  let locale: Locale = loadLocale(storage('local'));
  document.documentElement.lang = locale;
  // The reference data is asked for at once, while the session is checked.
  const reference = loadReference(http);
  reference.catch(() => undefined);
  let me: Me;
  try {
    me = await http.get<Me>('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof RequestRefused && error.refusal.status === 401) {
      showLogin(root, http, locale, (l) => (locale = l));
      return;
    }
    root.replaceChildren(h('p', { class: 'alert', role: 'alert' }, [failureText(error)]));
    setTimeout(() => void startConsole(root), 3000);
    return;
  }
  performance.mark('sw:session');
  http.setCsrfToken(me.csrf_token ?? storage('session')?.getItem(CSRF_KEY) ?? '');
  await launch(root, http, me, locale, reference);
}

interface Reference {
  cityAnswer: CityAnswer;
  taxonomy: Taxonomy;
  org: { features: { properties: OrgUnit }[] };
}

function loadReference(http: Http): Promise<Reference> {
  return Promise.all([
    http.get<CityAnswer>('/api/v1/city'),
    http.get<Taxonomy>('/api/v1/taxonomy'),
    http.get<{ features: { properties: OrgUnit }[] }>('/api/v1/org').catch(() => ({ features: [] })),
  ]).then(([cityAnswer, taxonomy, org]) => ({ cityAnswer, taxonomy, org }));
}

async function launch(root: HTMLElement, http: Http, user: User, initialLocale: Locale, reference: Promise<Reference>): Promise<void> {
  const { cityAnswer, taxonomy, org } = await reference;
  performance.mark('sw:reference');
  const city: CityInfo | null = cityAnswer.loaded ? parseCity(cityAnswer) : null;
  setCentreOffset(cityAnswer.utc_offset_minutes ?? 480);
  const orgUnits = new Map<string, OrgUnit>(org.features.map((f) => [f.properties.code, f.properties]));
  const store = new LiveStore();
  let shell: Shell | null = null;
  let whenLive: () => void = () => undefined;
  const sync = new StateSync({
    http,
    store,
    onLink: (state, detail) => {
      shell?.setLink(state, detail);
      if (state === 'live') {
        performance.mark('sw:live');
        whenLive();
      }
      document.body.dataset.link = state;
      if (state === 'signed_out') window.location.reload();
    },
  });
  const ctx = new ConsoleContext(http, store, sync, user, city, taxonomy, orgUnits, initialLocale);
  // The directives a station must acknowledge: for the seats that may acknowledge them.
  const warnings = seesWarnings(user.role) ? new WarningsPanel(ctx) : null;
  const openWarnings = warnings ? () => warnings.open() : undefined;
  let theme: Theme = storage('local')?.getItem(THEME_KEY) === 'day' ? 'day' : 'night';
  document.body.dataset.theme = theme;
  const cityView = cityAnswer.loaded ? { bbox: cityAnswer.bbox, centre: cityAnswer.centre, basemap: cityAnswer.basemap } : null;

  let workspace: Workspace | null = null;
  let dashboard: DashboardView | null = null;
  let terminal: TerminalView | null = null;
  let terminalMap: MapView | null = null;
  const toggleTheme = () => {
    theme = theme === 'night' ? 'day' : 'night';
    storage('local')?.setItem(THEME_KEY, theme);
    document.body.dataset.theme = theme;
    shell?.setTheme(theme);
    workspace?.setTheme(theme);
    dashboard?.setTheme(theme);
    terminalMap?.setTheme(theme);
  };
  const setTitle = () => {
    const view = user.role === 'unit_terminal' ? 'terminal.title' : dashboard?.opened ? 'dash.title' : 'workspace.title';
    document.title = `${t(ctx.locale, 'app.name')} · ${ctx.tr(view)}`;
  };
  // The statistics dashboard takes the workspace's place; its code (and ECharts) is only
  // loaded the first time it is opened.
  let dashboardLoading = false;
  const toggleDashboard = async () => {
    if (!workspace || dashboardLoading) return;
    if (dashboard?.opened) {
      dashboard.close();
      workspace.el.hidden = false;
      workspace.map.resize();
    } else {
      if (!dashboard) {
        dashboardLoading = true;
        try {
          const { DashboardView } = await import('./dashboard');
          dashboard = new DashboardView(ctx, theme, { onClose: () => void toggleDashboard(), onTheme: toggleTheme, ...(openWarnings ? { onWarnings: openWarnings } : {}) });
          root.insertBefore(dashboard.el, shell?.toasts ?? null);
        } catch (error) {
          ctx.notify(failureText(error), 'error');
          return;
        } finally {
          dashboardLoading = false;
        }
      }
      workspace.el.hidden = true;
      dashboard.open();
    }
    shell?.setDashboard(dashboard.opened);
    setTitle();
  };
  shell = new Shell(
    ctx,
    {
      onLocale: (locale) => {
        saveLocale(storage('local'), locale);
        ctx.setLocale(locale);
      },
      onTheme: toggleTheme,
      onShortcuts: () => showShortcutSheet(ctx),
      onLogout: () => {
        void http.post('/api/v1/auth/logout').finally(() => {
          storage('session')?.removeItem(CSRF_KEY);
          window.location.reload();
        });
      },
      ...(user.role === 'unit_terminal'
        ? {}
        : {
            onBigScreen: () => (dashboard?.opened ? dashboard.toggleBigScreen() : workspace?.toggleBigScreen()),
            onDashboard: () => void toggleDashboard(),
          }),
      ...(openWarnings ? { onWarnings: openWarnings } : {}),
    },
    theme,
  );
  ctx.notify = (text, tone) => shell?.notify(text, tone);
  if (warnings) {
    warnings.onCount = (open, fresh) => shell?.setWarnings(open, fresh);
    document.body.append(warnings.el);
  }
  document.body.classList.toggle('seat-terminal', user.role === 'unit_terminal');
  root.replaceChildren(shell.el);

  if (user.role === 'unit_terminal') {
    terminalMap = new MapView(ctx, theme, () => undefined);
    terminal = new TerminalView(ctx, (route) => terminalMap?.showRoute(route, true));
    root.append(terminal.el, terminalMap.el, shell.toasts);
    store.subscribe((change) => {
      terminal?.render();
      terminalMap?.refresh();
      if (change.positions.size > 0) terminalMap?.moveUnits(change.positions);
    });
  } else {
    workspace = new Workspace(ctx, theme, toggleTheme, () => void toggleDashboard(), openWarnings);
    root.append(workspace.el, shell.toasts);
  }
  store.subscribe((change) => {
    if (change.reset) {
      document.body.dataset.loads = String(sync.loads);
      performance.mark('sw:state-drawn');
    }
    document.body.dataset.seq = String(store.seq);
  });
  // The lists come first: the map (WebGL, and without a GPU a second of the main thread)
  // starts once the state is on screen and the stream live, or after 1.5 s at the latest.
  sync.start();
  workspace?.open(null);
  let mapOpened = false;
  const openMap = () => {
    if (mapOpened || !cityView) return;
    mapOpened = true;
    if (terminalMap) void terminalMap.open(cityView);
    workspace?.openMap(cityView);
  };
  whenLive = () => setTimeout(openMap, 0);
  if (sync.link === 'live') whenLive();
  setTimeout(openMap, 1500);
  const renderAll = () => {
    setTitle();
    shell?.render();
    workspace?.render();
    if (dashboard?.opened) dashboard.render();
    warnings?.render();
    terminal?.render();
    terminalMap?.setLocale();
  };
  ctx.onLocale(renderAll);
  renderAll();
}

function showLogin(root: HTMLElement, http: Http, locale: Locale, setLocale: (l: Locale) => void): void {
  const tr = (key: Parameters<typeof t>[1]) => t(locale, key);
  const user = h('input', { id: 'login-user', class: 'field__input', autocomplete: 'username', required: true, 'data-testid': 'login-user' });
  const pass = h('input', { id: 'login-pass', class: 'field__input', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-pass' });
  const error = h('p', { class: 'alert', role: 'alert', hidden: true, 'data-testid': 'login-error' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'login-submit' }, [tr('login.submit')]);
  const lang = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'login-lang' }, [locale === 'en' ? '中文' : 'English']);
  lang.addEventListener('click', () => {
    const next: Locale = locale === 'en' ? 'zh-CN' : 'en';
    saveLocale(storage('local'), next);
    setLocale(next);
    document.documentElement.lang = next;
    showLogin(root, http, next, setLocale);
  });
  const form = h('form', { class: 'login', 'data-testid': 'login-form', 'aria-labelledby': 'login-title' }, [
    h('div', { class: 'brand' }, [createEmblem(), h('span', { class: 'brand__name' }, [tr('app.name')])]),
    h('h1', { id: 'login-title', class: 'login__title' }, [tr('login.title')]),
    h('p', { class: 'muted' }, [tr('app.subtitle')]),
    h('label', { class: 'field', for: 'login-user' }, [h('span', { class: 'field__label' }, [tr('login.user')]), user]),
    h('label', { class: 'field', for: 'login-pass' }, [h('span', { class: 'field__label' }, [tr('login.password')]), pass]),
    error,
    h('div', { class: 'actions' }, [submit, lang, h('a', { href: '/status', class: 'muted' }, [tr('status.title')])]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    http
      .post<{ csrf_token: string; user: User }>('/api/v1/auth/login', { username: user.value.trim(), password: pass.value, kind: 'cookie' })
      .then((answer) => {
        storage('session')?.setItem(CSRF_KEY, answer.csrf_token);
        http.setCsrfToken(answer.csrf_token);
        return launch(root, http, answer.user, locale, loadReference(http));
      })
      .catch((failure) => {
        error.hidden = false;
        error.textContent = failure instanceof RequestRefused && failure.refusal.status === 401 ? tr('login.refused') : failureText(failure);
        submit.disabled = false;
      });
  });
  root.replaceChildren(h('main', { class: 'login-page' }, [form]));
  user.focus();
}
