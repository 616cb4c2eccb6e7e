import i18next, { type i18n } from 'i18next';
import en from '../../src-renderer/locales/en.json';
import zhCN from '../../src-renderer/locales/zh-CN.json';

export type Lang = 'zh-CN' | 'en';

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
  }
  return instance;
}

/** Translates a key of the shared locale files into the given language. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  return messages().getFixedT(lang)(key, params) as string;
}

/** The language of this computer's locale: Chinese for any zh locale, English otherwise. */
export function osLang(locale?: string): Lang {
  const l = locale ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(l ?? '') ? 'zh-CN' : 'en';
}

export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^zh/i.test(value)) return 'zh-CN';
  if (/^en/i.test(value)) return 'en';
  return undefined;
}
