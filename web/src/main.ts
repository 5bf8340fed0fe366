import './styles/console.css';
import { createApiClient } from './api/client';
import type { Locale } from './i18n/locales';
import { loadLocale, saveLocale } from './i18n/persistence';
import { INITIAL_STATUS, type StatusSnapshot } from './status/model';
import { refreshStatus } from './status/refresh';
import { buildLayout } from './ui/layout';
import { renderLocale, renderStatus } from './ui/render';

/** How often the status panel re-queries the server while the page is open. */
const AUTO_REFRESH_MS = 30_000;

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function start(root: HTMLElement): void {
  const storage = safeLocalStorage();
  const client = createApiClient();
  const layout = buildLayout(root);

  let locale: Locale = loadLocale(storage);
  let status: StatusSnapshot = INITIAL_STATUS;
  let inFlight = false;

  const render = () => {
    renderLocale(layout, locale);
    renderStatus(layout, status, locale);
  };

  const refresh = async () => {
    if (inFlight) return;
    inFlight = true;
    status = { ...status, refreshing: true };
    renderStatus(layout, status, locale);
    try {
      status = await refreshStatus(client);
    } finally {
      inFlight = false;
      renderStatus(layout, status, locale);
    }
  };

  for (const [option, button] of layout.langButtons) {
    button.addEventListener('click', () => {
      if (option === locale) return;
      locale = option;
      saveLocale(storage, locale);
      render();
    });
  }
  layout.refreshButton.addEventListener('click', () => void refresh());

  render();
  void refresh();
  window.setInterval(() => void refresh(), AUTO_REFRESH_MS);
}

const root = document.getElementById('app');
if (!root) throw new Error('console root element #app is missing from index.html');
start(root);
