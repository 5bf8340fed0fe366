import { describe, expect, it, vi } from 'vitest';
import type { Locale } from './locales';
import { createTranslator, interpolate, t } from './translate';

const dictionaries: Record<Locale, Record<string, string>> = {
  'zh-CN': { greet: '你好，{name}', onlyZh: '仅中文' },
  en: { greet: 'Hello, {name}' },
};

describe('t()', () => {
  it('returns the message of the requested locale', () => {
    expect(t('zh-CN', 'status.title')).toBe('系统状态');
    expect(t('en', 'status.title')).toBe('System status');
  });

  it('falls back to the fallback locale and reports the missing key', () => {
    const onMissing = vi.fn();
    const tr = createTranslator({ dictionaries, fallback: 'zh-CN', onMissing });
    expect(tr('en', 'onlyZh')).toBe('仅中文');
    expect(onMissing).toHaveBeenCalledTimes(1);
    expect(onMissing).toHaveBeenCalledWith('onlyZh', 'en');
  });

  it('renders an unknown key as itself and reports it', () => {
    const onMissing = vi.fn();
    const tr = createTranslator({ dictionaries, fallback: 'zh-CN', onMissing });
    expect(tr('en', 'no.such.key')).toBe('no.such.key');
    expect(onMissing).toHaveBeenCalledWith('no.such.key', 'en');
  });

  it('does not report keys that exist', () => {
    const onMissing = vi.fn();
    const tr = createTranslator({ dictionaries, fallback: 'zh-CN', onMissing });
    tr('en', 'greet', { name: 'A' });
    tr('zh-CN', 'onlyZh');
    expect(onMissing).not.toHaveBeenCalled();
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const tr = createTranslator({ dictionaries, fallback: 'zh-CN' });
    expect(tr('en', 'greet', { name: 'Dispatcher 7' })).toBe('Hello, Dispatcher 7');
    expect(tr('zh-CN', 'greet', { name: 7 })).toBe('你好，7');
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('the shipped translator interpolates error details', () => {
    expect(t('en', 'error.http', { status: 503, detail: 'down' })).toBe('Server answered HTTP 503: down');
    expect(t('zh-CN', 'error.timeout', { ms: 5000 })).toBe('请求超时（5000 毫秒）');
  });
});
