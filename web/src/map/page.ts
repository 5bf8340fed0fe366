import { openMap, type CityView } from './basemap';
import type { Theme } from './style';
import type { Locale } from '../i18n/locales';

// The map alone, full screen (the command hall's big screen starts here):
// ?theme=night&lang=en pick the look.
async function start(): Promise<void> {
  const container = document.getElementById('map');
  if (!container) return;
  const params = new URLSearchParams(window.location.search);
  const theme: Theme = params.get('theme') === 'night' ? 'night' : 'day';
  const locale: Locale = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  const city = (await (await fetch('/api/v1/city')).json()) as CityView & { loaded: boolean };
  if (!city.loaded) {
    container.textContent = 'no city loaded';
    return;
  }
  const view = openMap(container, city, theme, locale);
  view.map.once('idle', () => container.setAttribute('data-idle', 'true'));
}

void start();
