import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../src-shared/locales/en.json';
import zhCN from '../../src-shared/locales/zh-CN.json';
import { pickLang, systemLocale } from './lang';

/** The renderer's i18next instance; the language follows the OS until Settings chooses one. */
const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  initAsync: false,
  lng: pickLang(null, systemLocale()),
  fallbackLng: 'en',
  supportedLngs: ['zh-CN', 'en'],
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

export default i18n;
