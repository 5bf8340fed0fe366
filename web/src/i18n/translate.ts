import { en } from './en';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { zhCN, type MessageKey } from './zh-CN';

export type Dictionary = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;
export type MissingKeyReporter = (key: string, locale: Locale) => void;

export interface TranslatorOptions {
  dictionaries: Readonly<Record<Locale, Dictionary>>;
  /** Locale consulted when the requested one lacks a key. */
  fallback: Locale;
  /** Called once per lookup that the requested locale could not satisfy. */
  onMissing?: MissingKeyReporter;
}

export type Translator<K extends string = string> = (locale: Locale, key: K, params?: Params) => string;

/**
 * Builds a `t(locale, key, params)` function.
 *
 * Contract: a key missing from the requested locale is reported, then served
 * from the fallback locale; a key missing everywhere is reported and rendered
 * as the key itself, so a gap is visible on screen rather than blank.
 * `{name}` placeholders are replaced from `params`; unknown placeholders are
 * left as written.
 */
export function createTranslator<K extends string = string>(options: TranslatorOptions): Translator<K> {
  const { dictionaries, fallback, onMissing } = options;
  return (locale, key, params) => {
    let template = dictionaries[locale][key];
    if (template === undefined) {
      onMissing?.(key, locale);
      template = dictionaries[fallback][key] ?? key;
    }
    return params ? interpolate(template, params) : template;
  };
}

export function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': zhCN,
  en,
};

/** The console's translator over the shipped dictionaries. */
export const t: Translator<MessageKey> = createTranslator<MessageKey>({
  dictionaries: DICTIONARIES,
  fallback: DEFAULT_LOCALE,
  onMissing: (key, locale) => console.warn(`[i18n] missing key "${key}" for locale ${locale}`),
});
