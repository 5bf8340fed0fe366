import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { t } from '../i18n/translate';
import { presentCheckedAt, presentErrors, presentHealth, presentVersionField } from './present';
import { refreshStatus } from './refresh';

const networkError = new ApiError({ kind: 'network', path: '/healthz', detail: 'Failed to fetch' });

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
    };
    const at = new Date('2030-01-01T00:00:00Z');
    const snapshot = await refreshStatus(client, () => at);
    expect(snapshot.health).toEqual({ state: 'error', error: networkError });
    expect(snapshot.version).toEqual({ state: 'ok', value: { name: 'shouwang', version: '0.1.0', api: 'v1' } });
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
});
