import type { ApiError } from '../api/errors';
import type { CityInfo, Health, VersionInfo } from '../api/client';
import type { Locale } from '../i18n/locales';
import type { Translator } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import type { Load, StatusSnapshot } from './model';

export type Tone = 'ok' | 'warn' | 'error' | 'pending';

export interface HealthView {
  tone: Tone;
  text: string;
}

/** Health indicator: "ok" only for `{"status":"ok"}`; any other status is degraded. */
export function presentHealth(load: Load<Health>, locale: Locale, t: Translator<MessageKey>): HealthView {
  switch (load.state) {
    case 'pending':
      return { tone: 'pending', text: t(locale, 'health.pending') };
    case 'error':
      return { tone: 'error', text: t(locale, 'health.down') };
    case 'ok':
      return load.value.status === 'ok'
        ? { tone: 'ok', text: t(locale, 'health.ok') }
        : { tone: 'warn', text: t(locale, 'health.degraded', { status: load.value.status }) };
  }
}

/** A field of the version response, or a placeholder while pending / on failure. */
export function presentVersionField(
  load: Load<VersionInfo>,
  field: keyof VersionInfo,
  locale: Locale,
  t: Translator<MessageKey>,
): string {
  switch (load.state) {
    case 'pending':
      return t(locale, 'value.pending');
    case 'error':
      return t(locale, 'value.unavailable');
    case 'ok':
      return load.value[field];
  }
}

export interface CityView {
  /** Name in the display language, or the "no city data" / pending / unavailable text. */
  name: string;
  /** e.g. "区划代码 991500"; null when no city is shown. */
  code: string | null;
  /** e.g. "31.6234° N, 115.2044° E"; null when no city is shown. */
  centre: string | null;
  /** True when the server answered that it has no city data loaded. */
  none: boolean;
}

/** The city row: name in the display language (zh-CN: `name`, en: `name_en`), code and centre. */
export function presentCity(load: Load<CityInfo | null>, locale: Locale, t: Translator<MessageKey>): CityView {
  switch (load.state) {
    case 'pending':
      return { name: t(locale, 'value.pending'), code: null, centre: null, none: false };
    case 'error':
      return { name: t(locale, 'value.unavailable'), code: null, centre: null, none: false };
    case 'ok': {
      const city = load.value;
      if (city === null) return { name: t(locale, 'city.none'), code: null, centre: null, none: true };
      return {
        name: locale === 'zh-CN' ? city.name : city.nameEn,
        code: t(locale, 'city.code', { code: city.code }),
        centre: formatLatLon(city.centre[1], city.centre[0]),
        none: false,
      };
    }
  }
}

/**
 * A position as `31.6234° N, 115.2044° E`: latitude first, 4 decimals
 * (about 10 m), hemisphere letters instead of signs; the same in every locale.
 */
export function formatLatLon(lat: number, lon: number): string {
  const part = (value: number, positive: string, negative: string) => {
    const text = Math.abs(value).toFixed(4);
    // A value that rounds to zero has no hemisphere worth a minus sign.
    const hemisphere = value < 0 && Number(text) !== 0 ? negative : positive;
    return `${text}° ${hemisphere}`;
  };
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}

/** One translated line per failed endpoint, in panel order (health, version, city). */
export function presentErrors(snapshot: StatusSnapshot, locale: Locale, t: Translator<MessageKey>): string[] {
  const sources: ReadonlyArray<[Load<unknown>, MessageKey]> = [
    [snapshot.health, 'error.source.health'],
    [snapshot.version, 'error.source.version'],
    [snapshot.city, 'error.source.city'],
  ];
  const lines: string[] = [];
  for (const [load, source] of sources) {
    if (load.state === 'error') {
      lines.push(
        t(locale, 'error.line', { source: t(locale, source), message: presentError(load.error, locale, t) }),
      );
    }
  }
  return lines;
}

export function presentError(error: ApiError, locale: Locale, t: Translator<MessageKey>): string {
  switch (error.kind) {
    case 'network':
      return t(locale, 'error.network', { detail: error.detail });
    case 'timeout':
      return t(locale, 'error.timeout', { ms: error.timeoutMs ?? '?' });
    case 'http':
      return t(locale, 'error.http', { status: error.status ?? '?', detail: error.detail });
    case 'malformed':
      return t(locale, 'error.malformed', { detail: error.detail });
  }
}

/**
 * Time of the last completed check as local `YYYY-MM-DD HH:mm:ss` (24-hour):
 * the same unambiguous form in every locale, as in duty logs.
 */
export function presentCheckedAt(checkedAt: Date | null, locale: Locale, t: Translator<MessageKey>): string {
  if (!checkedAt) return t(locale, 'status.never');
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${checkedAt.getFullYear()}-${two(checkedAt.getMonth() + 1)}-${two(checkedAt.getDate())}`;
  const time = `${two(checkedAt.getHours())}:${two(checkedAt.getMinutes())}:${two(checkedAt.getSeconds())}`;
  return `${date} ${time}`;
}
