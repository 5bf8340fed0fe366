import type { CityInfo } from '../api/client';
import type { Http } from '../api/http';
import type { Taxonomy, TaxonomyType, User } from '../api/records';
import type { Locale } from '../i18n/locales';
import { t, type Params } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import type { LiveStore } from '../live/store';
import type { StateSync } from '../live/sync';

export interface OrgUnit {
  code: string;
  name: string;
  name_en: string;
  level: string;
  /** The unit one level up (a station's sub-bureau or city); null for the city. */
  parent?: string | null;
}

/** A station's or sub-bureau's name in the console's language. */
export type Tone = 'info' | 'ok' | 'warn' | 'error';

/**
 * What every view of a logged-in console shares: the server, the live state, the
 * reference data and the interface language. Views read `locale` when they render; the
 * app re-renders them all when it changes.
 */
export class ConsoleContext {
  locale: Locale;
  readonly types = new Map<string, TaxonomyType>();
  private readonly listeners = new Set<() => void>();
  notify: (text: string, tone: Tone) => void = () => undefined;

  constructor(
    readonly http: Http,
    readonly store: LiveStore,
    readonly sync: StateSync,
    readonly user: User,
    readonly city: CityInfo | null,
    readonly taxonomy: Taxonomy,
    readonly org: ReadonlyMap<string, OrgUnit>,
    locale: Locale,
  ) {
    this.locale = locale;
    for (const type of taxonomy.types) this.types.set(type.code, type);
  }

  tr(key: MessageKey, params?: Params): string {
    return t(this.locale, key, params);
  }

  /** The type's name in the interface language, with its parent's for context. */
  typeName(code: string): string {
    const type = this.types.get(code);
    if (!type) return code === '' ? this.tr('incident.untyped') : code;
    return this.locale === 'en' ? type.name_en : type.name_zh;
  }

  orgName(code: string): string {
    const unit = this.org.get(code);
    if (!unit) return code === '' ? '—' : code;
    return this.locale === 'en' ? unit.name_en || unit.name : unit.name;
  }

  onLocale(listener: () => void): void {
    this.listeners.add(listener);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    for (const listener of this.listeners) listener();
  }
}
