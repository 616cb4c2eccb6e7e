import i18next, { type i18n } from 'i18next';
import en from '../../src-shared/locales/en.json';
import zhCN from '../../src-shared/locales/zh-CN.json';

export type Lang = (typeof LANGS)[number];
export const LANGS = ['zh-CN', 'en'] as const;

let instance: i18n | undefined;

function messages(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
    localeNumbers(instance);
  }
  return instance;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `{{count, number}}` in the locale files gives the language's separators (20,259 rather than 20259).
 * i18next's own number format turns a value that is not a number (an already formatted "1,491,642" or
 * a list of names sharing a placeholder name) into NaN; this one leaves such a value as it is. The
 * renderer's i18n.ts does the same.
 */
export function localeNumbers(i: i18n): void {
  i.services.formatter?.add('number', (value: unknown, lng: string | undefined): string => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
    const key = lng ?? 'en';
    let f = numberFormats.get(key);
    if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(key)));
    return f.format(value);
  });
}

// One bound translator per language: getFixedT builds a new one on every call, which an import
// paying one message per problem row (15,000 rows) felt as seconds.
const fixed = new Map<Lang, ReturnType<i18n['getFixedT']>>();

/** Translates a key of the shared locale files into the given language. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  let tr = fixed.get(lang);
  if (!tr) fixed.set(lang, (tr = messages().getFixedT(lang)));
  return tr(key, params) as string;
}

/** The language of this computer's locale: Chinese for any zh locale, English otherwise. */
export function osLang(locale?: string): Lang {
  const l =
    locale ??
    process.env.LC_ALL ??
    process.env.LC_MESSAGES ??
    process.env.LANG ??
    Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(l ?? '') ? 'zh-CN' : 'en';
}

export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^zh/i.test(value)) return 'zh-CN';
  if (/^en/i.test(value)) return 'en';
  return undefined;
}
