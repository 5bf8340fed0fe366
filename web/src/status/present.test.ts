import { describe, expect, it } from 'vitest';
import type { ApiClient, CityInfo } from '../api/client';
import { ApiError } from '../api/errors';
import { t } from '../i18n/translate';
import {
  formatLatLon,
  presentCheckedAt,
  presentCity,
  presentErrors,
  presentHealth,
  presentVersionField,
} from './present';
import { refreshStatus } from './refresh';

const networkError = new ApiError({ kind: 'network', path: '/healthz', detail: 'Failed to fetch' });

const nanling: CityInfo = {
  name: '南陵市',
  nameEn: 'Nanling',
  code: '991500',
  bbox: [115.1726819, 31.5963951, 115.2360505, 31.6503543],
  centre: [115.20436620000001, 31.6233747],
};

describe('status presentation', () => {
  it('shows 正常 / OK only for status "ok"', () => {
    expect(presentHealth({ state: 'ok', value: { status: 'ok' } }, 'zh-CN', t)).toEqual({ tone: 'ok', text: '正常' });
    expect(presentHealth({ state: 'ok', value: { status: 'ok' } }, 'en', t)).toEqual({ tone: 'ok', text: 'OK' });
    expect(presentHealth({ state: 'ok', value: { status: 'draining' } }, 'en', t)).toEqual({
      tone: 'warn',
      text: 'Degraded (draining)',
    });
  });

  it('shows failures as unavailable with a translated reason', () => {
    const snapshot = {
      health: { state: 'error', error: networkError },
      version: { state: 'ok', value: { name: 'shouwang', version: '0.1.0', api: 'v1' } },
      city: { state: 'ok', value: null },
      checkedAt: new Date(0),
      refreshing: false,
    } as const;
    expect(presentHealth(snapshot.health, 'zh-CN', t)).toEqual({ tone: 'error', text: '不可用' });
    expect(presentErrors(snapshot, 'en', t)).toEqual(['Health check: Cannot reach the server: Failed to fetch']);
    expect(presentErrors(snapshot, 'zh-CN', t)).toEqual(['健康检查：无法连接服务器：Failed to fetch']);
    expect(presentVersionField(snapshot.version, 'version', 'en', t)).toBe('0.1.0');
  });

  it('a failing endpoint does not hide the other one', async () => {
    const client: ApiClient = {
      health: async () => {
        throw networkError;
      },
      version: async () => ({ name: 'shouwang', version: '0.1.0', api: 'v1' }),
      city: async () => nanling,
    };
    const at = new Date('2030-01-01T00:00:00Z');
    const snapshot = await refreshStatus(client, () => at);
    expect(snapshot.health).toEqual({ state: 'error', error: networkError });
    expect(snapshot.version).toEqual({ state: 'ok', value: { name: 'shouwang', version: '0.1.0', api: 'v1' } });
    expect(snapshot.city).toEqual({ state: 'ok', value: nanling });
    expect(snapshot.checkedAt).toBe(at);
    expect(snapshot.refreshing).toBe(false);
  });

  it('shows the last check as local YYYY-MM-DD HH:mm:ss, or "not checked" before the first one', () => {
    const at = new Date(2031, 0, 5, 9, 7, 3);
    expect(presentCheckedAt(at, 'zh-CN', t)).toBe('2031-01-05 09:07:03');
    expect(presentCheckedAt(at, 'en', t)).toBe('2031-01-05 09:07:03');
    expect(presentCheckedAt(null, 'zh-CN', t)).toBe('尚未检查');
    expect(presentCheckedAt(null, 'en', t)).toBe('Not checked yet');
  });

  it('shows the city name in the display language, its code and its centre as lat, lon', () => {
    const load = { state: 'ok', value: nanling } as const;
    expect(presentCity(load, 'zh-CN', t)).toEqual({
      name: '南陵市',
      code: '区划代码 991500',
      centre: '31.6234° N, 115.2044° E',
      none: false,
    });
    expect(presentCity(load, 'en', t)).toEqual({
      name: 'Nanling',
      code: 'Code 991500',
      centre: '31.6234° N, 115.2044° E',
      none: false,
    });
  });

  it('shows "no city data loaded" as a normal state, not as an error', () => {
    const snapshot = {
      health: { state: 'ok', value: { status: 'ok' } },
      version: { state: 'ok', value: { name: 'shouwang', version: '0.1.0', api: 'v1' } },
      city: { state: 'ok', value: null },
      checkedAt: new Date(0),
      refreshing: false,
    } as const;
    expect(presentCity(snapshot.city, 'zh-CN', t)).toEqual({ name: '未加载城市数据', code: null, centre: null, none: true });
    expect(presentCity(snapshot.city, 'en', t)).toEqual({
      name: 'No city data loaded',
      code: null,
      centre: null,
      none: true,
    });
    expect(presentErrors(snapshot, 'zh-CN', t)).toEqual([]);
  });

  it('shows a pending or failed city lookup like the other fields, and lists the failure', () => {
    expect(presentCity({ state: 'pending' }, 'en', t).name).toBe('Loading…');
    const error = new ApiError({ kind: 'malformed', path: '/api/v1/city', detail: 'field "bbox" must be …' });
    expect(presentCity({ state: 'error', error }, 'zh-CN', t)).toEqual({ name: '—', code: null, centre: null, none: false });
    const snapshot = {
      health: { state: 'ok', value: { status: 'ok' } },
      version: { state: 'error', error: networkError },
      city: { state: 'error', error },
      checkedAt: new Date(0),
      refreshing: false,
    } as const;
    expect(presentErrors(snapshot, 'en', t)).toEqual([
      'Version information: Cannot reach the server: Failed to fetch',
      'City information: Malformed server response: field "bbox" must be …',
    ]);
  });

  it('formats positions with hemisphere letters and 4 decimals', () => {
    expect(formatLatLon(31.6233747, 115.20436620000001)).toBe('31.6234° N, 115.2044° E');
    expect(formatLatLon(-33.86882, -70.64827)).toBe('33.8688° S, 70.6483° W');
    expect(formatLatLon(-0.00001, 0)).toBe('0.0000° N, 0.0000° E');
  });
});
