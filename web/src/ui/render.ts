import type { Locale } from '../i18n/locales';
import { t } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import type { StatusSnapshot } from '../status/model';
import {
  presentCheckedAt,
  presentCity,
  presentErrors,
  presentHealth,
  presentVersionField,
} from '../status/present';
import { h } from './dom';
import type { ConsoleLayout } from './layout';

/** Applies `locale` to every static text, the language switch and `<html lang>`. */
export function renderLocale(layout: ConsoleLayout, locale: Locale): void {
  document.documentElement.lang = locale;
  for (const element of layout.root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(locale, element.dataset.i18n as MessageKey);
  }
  layout.langGroup.setAttribute('aria-label', t(locale, 'lang.label'));
  layout.langGroup.title = t(locale, 'lang.label');
  for (const [option, button] of layout.langButtons) {
    button.setAttribute('aria-pressed', String(option === locale));
  }
}

/** Shows `snapshot` in the status panel, translated to `locale`. */
export function renderStatus(layout: ConsoleLayout, snapshot: StatusSnapshot, locale: Locale): void {
  const health = presentHealth(snapshot.health, locale, t);
  layout.health.textContent = health.text;
  layout.health.dataset.tone = health.tone;

  layout.version.textContent = presentVersionField(snapshot.version, 'version', locale, t);
  layout.api.textContent = presentVersionField(snapshot.version, 'api', locale, t);
  layout.service.textContent = presentVersionField(snapshot.version, 'name', locale, t);

  const city = presentCity(snapshot.city, locale, t);
  layout.cityName.textContent = city.name;
  layout.cityName.dataset.none = String(city.none);
  layout.cityCode.textContent = city.code ?? '';
  layout.cityCode.hidden = city.code === null;
  layout.cityCentre.textContent = city.centre ?? '';
  layout.cityCentre.hidden = city.centre === null;

  layout.checkedAt.textContent = presentCheckedAt(snapshot.checkedAt, locale, t);

  const errors = presentErrors(snapshot, locale, t);
  layout.errorList.replaceChildren(...errors.map((line) => h('li', {}, [line])));
  layout.errorBox.hidden = errors.length === 0;

  layout.refreshButton.disabled = snapshot.refreshing;
  layout.refreshButton.textContent = t(locale, snapshot.refreshing ? 'status.refreshing' : 'status.refresh');
  layout.root.dataset.statusState = snapshot.refreshing ? 'loading' : 'settled';
}
