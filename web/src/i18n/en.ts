import { circlesEn } from './messages/circles';
import { consoleEn } from './messages/console';
import { dashboardEn } from './messages/dashboard';
import { forecastEn } from './messages/forecast';
import { warningsEn } from './messages/warnings';
import type { MessageKey } from './zh-CN';

/** English messages; must carry exactly the keys of the zh-CN dictionary. */
export const en: Readonly<Record<MessageKey, string>> = {
  ...consoleEn,
  ...circlesEn,
  ...dashboardEn,
  ...forecastEn,
  ...warningsEn,
  'app.name': '守望 Shouwang',
  'app.subtitle': '110 call-taking and command-dispatch platform',
  'app.footer': 'Authorized personnel only',

  'lang.label': 'Interface language',
  'lang.zh-CN': '中文',
  'lang.en': 'English',

  'status.title': 'System status',
  'status.refresh': 'Refresh',
  'status.refreshing': 'Refreshing…',
  'status.health': 'Service health',
  'status.version': 'Server version',
  'status.api': 'API version',
  'status.service': 'Service name',
  'status.city': 'City',
  'status.checkedAt': 'Last checked',
  'status.never': 'Not checked yet',

  'health.pending': 'Checking…',
  'health.ok': 'OK',
  'health.degraded': 'Degraded ({status})',
  'health.down': 'Unavailable',

  'value.pending': 'Loading…',
  'value.unavailable': '—',

  'city.none': 'No city data loaded',
  'city.code': 'Code {code}',

  'error.title': 'Unable to retrieve service status',
  'error.network': 'Cannot reach the server: {detail}',
  'error.timeout': 'Request timed out ({ms} ms)',
  'error.http': 'Server answered HTTP {status}: {detail}',
  'error.malformed': 'Malformed server response: {detail}',
  'error.line': '{source}: {message}',
  'error.source.health': 'Health check',
  'error.source.version': 'Version information',
  'error.source.city': 'City information',
};
