import { SUPPORTED_LOCALES, type Locale } from '../i18n/locales';
import { h } from './dom';
import { createEmblem } from './emblem';

/**
 * Handles to the parts of the console that change after first paint.
 * `data-testid` values are a stable contract with the browser tests;
 * `data-i18n` marks elements whose whole text is one dictionary entry.
 */
export interface ConsoleLayout {
  root: HTMLElement;
  langButtons: ReadonlyMap<Locale, HTMLButtonElement>;
  langGroup: HTMLElement;
  refreshButton: HTMLButtonElement;
  errorBox: HTMLElement;
  errorList: HTMLUListElement;
  health: HTMLElement;
  version: HTMLElement;
  api: HTMLElement;
  service: HTMLElement;
  cityName: HTMLElement;
  cityCode: HTMLElement;
  cityCentre: HTMLElement;
  checkedAt: HTMLElement;
}

export function buildLayout(root: HTMLElement): ConsoleLayout {
  const langButtons = new Map<Locale, HTMLButtonElement>();
  for (const locale of SUPPORTED_LOCALES) {
    langButtons.set(
      locale,
      h('button', {
        type: 'button',
        class: 'lang-switch__option',
        lang: locale,
        'data-locale': locale,
        'data-testid': `lang-option-${locale}`,
        'data-i18n': `lang.${locale}`,
        'aria-pressed': 'false',
      }),
    );
  }
  const langGroup = h('div', { class: 'lang-switch', role: 'group', 'data-testid': 'lang-switch' }, [
    ...langButtons.values(),
  ]);

  const refreshButton = h('button', { type: 'button', class: 'btn', 'data-testid': 'status-refresh' });
  const errorList = h('ul', { class: 'alert__list' });
  const errorBox = h('div', { class: 'alert', role: 'alert', 'data-testid': 'status-error', hidden: true }, [
    h('strong', { class: 'alert__title', 'data-i18n': 'error.title' }),
    errorList,
  ]);

  const health = h('span', { class: 'health', 'data-testid': 'health-status', 'data-tone': 'pending' });
  const version = h('span', { class: 'mono', 'data-testid': 'server-version' });
  const api = h('span', { class: 'mono', 'data-testid': 'server-api' });
  const service = h('span', { class: 'mono', 'data-testid': 'server-name' });
  const checkedAt = h('span', { class: 'mono', 'data-testid': 'checked-at' });
  const cityName = h('span', { class: 'city__name', 'data-testid': 'city-name' });
  const cityCode = h('span', { class: 'city__meta mono', 'data-testid': 'city-code', hidden: true });
  const cityCentre = h('span', { class: 'city__meta mono', 'data-testid': 'city-centre', hidden: true });
  const city = h('span', { class: 'city' }, [cityName, cityCode, cityCentre]);

  const item = (labelKey: string, value: HTMLElement) =>
    h('div', { class: 'status-item' }, [
      h('dt', { class: 'status-item__label', 'data-i18n': labelKey }),
      h('dd', { class: 'status-item__value' }, [value]),
    ]);

  root.replaceChildren(
    h('header', { class: 'topbar' }, [
      h('div', { class: 'brand' }, [
        createEmblem(),
        h('div', { class: 'brand__text' }, [
          h('h1', { class: 'brand__title', 'data-testid': 'app-title', 'data-i18n': 'app.name' }),
          h('p', { class: 'brand__subtitle', 'data-testid': 'app-subtitle', 'data-i18n': 'app.subtitle' }),
        ]),
      ]),
      langGroup,
    ]),
    h('main', { class: 'content' }, [
      h('section', { class: 'panel', 'aria-labelledby': 'status-title', 'data-testid': 'status-panel' }, [
        h('header', { class: 'panel__head' }, [
          h('h2', { class: 'panel__title', id: 'status-title', 'data-i18n': 'status.title' }),
          refreshButton,
        ]),
        errorBox,
        h('dl', { class: 'status-grid' }, [
          item('status.health', health),
          item('status.version', version),
          item('status.api', api),
          item('status.service', service),
          item('status.city', city),
          item('status.checkedAt', checkedAt),
        ]),
      ]),
    ]),
    h('footer', { class: 'footer', 'data-i18n': 'app.footer' }),
  );

  return {
    root,
    langButtons,
    langGroup,
    refreshButton,
    errorBox,
    errorList,
    health,
    version,
    api,
    service,
    cityName,
    cityCode,
    cityCentre,
    checkedAt,
  };
}
