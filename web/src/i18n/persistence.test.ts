import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, isLocale } from './locales';
import { LOCALE_STORAGE_KEY, loadLocale, saveLocale, type LocaleStorage } from './persistence';

function memoryStorage(initial: Record<string, string> = {}): LocaleStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const brokenStorage: LocaleStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('locale persistence', () => {
  it('defaults to zh-CN when nothing is stored', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(loadLocale(memoryStorage())).toBe('zh-CN');
    expect(loadLocale(null)).toBe('zh-CN');
  });

  it('round-trips a saved locale', () => {
    const storage = memoryStorage();
    expect(saveLocale(storage, 'en')).toBe(true);
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(loadLocale(storage)).toBe('en');
    saveLocale(storage, 'zh-CN');
    expect(loadLocale(storage)).toBe('zh-CN');
  });

  it('ignores stored values that are not supported locales', () => {
    for (const junk of ['fr', 'EN', 'zh', '', '"en"']) {
      expect(loadLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: junk })), junk).toBe('zh-CN');
    }
  });

  it('survives storage that throws', () => {
    expect(loadLocale(brokenStorage)).toBe('zh-CN');
    expect(saveLocale(brokenStorage, 'en')).toBe(false);
    expect(saveLocale(undefined, 'en')).toBe(false);
  });

  it('isLocale accepts exactly the supported locales', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('en-US')).toBe(false);
    expect(isLocale(42)).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
