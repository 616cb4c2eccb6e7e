import type { Locale } from 'antd/es/locale';
import i18n from './i18n';
import type { Lang } from './lang';

/** antd's texts (date pickers, pagination, empty states) in each language, loaded like ours. */
const ANTD: Record<Lang, () => Promise<{ default: Locale }>> = {
  en: () => import('antd/locale/en_US'),
  'zh-CN': () => import('antd/locale/zh_CN'),
};

const loading = new Map<Lang, Promise<Locale>>();

/**
 * Loads a language's texts (ours, antd's and dayjs's month names) without showing it yet; resolves with
 * antd's locale. Asked once per language: a second call finds the first under way.
 */
export function loadLanguage(lang: Lang): Promise<Locale> {
  let p = loading.get(lang);
  if (!p) {
    const dayjsLocale = Promise.all([import('dayjs'), lang === 'zh-CN' ? import('dayjs/locale/zh-cn') : null]);
    p = Promise.all([ANTD[lang](), dayjsLocale, i18n.loadLanguages(lang)]).then(([antd]) => antd.default);
    // A failed load may be tried again (the switch is offered again).
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

export interface ShownLanguage {
  lang: Lang;
  /** antd's texts, for the ConfigProvider. */
  antd: Locale;
}

let shown: ShownLanguage | null = null;

/** The language the window shows, once one has been loaded and shown. */
export const shownLanguage = (): ShownLanguage | null => shown;

/**
 * Loads `lang` if need be and shows it from now on: i18next's language, dayjs's month names, the page's
 * `lang` and title. The start calls it as soon as the settings are in, so that the first render of the
 * app finds the language ready; the language provider calls it on a switch.
 */
export async function showLanguage(lang: Lang): Promise<ShownLanguage> {
  const [{ default: dayjs }, antd] = await Promise.all([import('dayjs'), loadLanguage(lang)]);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
  shown = { lang, antd };
  return shown;
}
