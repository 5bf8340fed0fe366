import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/** localStorage key under which the operator's chosen locale is kept. */
export const LOCALE_STORAGE_KEY = 'shouwang.console.locale';

/** The subset of the Web Storage API the console relies on. */
export type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Returns the stored locale, or the default when nothing valid is stored or
 * storage is unavailable (disabled, quota, privacy mode): the console must
 * always start in some supported language.
 */
export function loadLocale(storage: LocaleStorage | null | undefined): Locale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Remembers the chosen locale. Returns false when it could not be stored; the
 * switch still applies to the current page in that case.
 */
export function saveLocale(storage: LocaleStorage | null | undefined, locale: Locale): boolean {
  if (!storage) return false;
  try {
    storage.setItem(LOCALE_STORAGE_KEY, locale);
    return true;
  } catch {
    return false;
  }
}
