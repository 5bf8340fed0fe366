import type { ApiError } from '../api/errors';
import type { Health, VersionInfo } from '../api/client';
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

/** One translated line per failed endpoint, in panel order (health, then version). */
export function presentErrors(snapshot: StatusSnapshot, locale: Locale, t: Translator<MessageKey>): string[] {
  const lines: string[] = [];
  if (snapshot.health.state === 'error') {
    lines.push(
      t(locale, 'error.line', {
        source: t(locale, 'error.source.health'),
        message: presentError(snapshot.health.error, locale, t),
      }),
    );
  }
  if (snapshot.version.state === 'error') {
    lines.push(
      t(locale, 'error.line', {
        source: t(locale, 'error.source.version'),
        message: presentError(snapshot.version.error, locale, t),
      }),
    );
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
