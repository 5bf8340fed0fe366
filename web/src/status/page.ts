import { createApiClient } from '../api/client';
import type { Locale } from '../i18n/locales';
import { loadLocale, saveLocale } from '../i18n/persistence';
import { INITIAL_STATUS, type StatusSnapshot } from './model';
import { refreshStatus } from './refresh';
import { buildLayout } from '../ui/layout';
import { renderLocale, renderStatus } from '../ui/render';

/** How often the status panel re-queries the server while the page is open. */
const AUTO_REFRESH_MS = 30_000;

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The system status page: health, version and city, refreshed every 30 s. */
export function startStatusPage(root: HTMLElement): void {
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
