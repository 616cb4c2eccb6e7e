import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from './lang';

/**
 * The texts of one language, in a chunk of their own: only the language the window shows is loaded at
 * start (issue 12 item 11: both together were 320 kB of the first chunk); the other is loaded when the
 * user switches to it.
 */
const BUNDLES: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../../src-shared/locales/en.json'),
  'zh-CN': () => import('../../src-shared/locales/zh-CN.json'),
};

/** i18next asks for a language's texts through this when `changeLanguage` first meets it. */
const localeFiles: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    const load = BUNDLES[language as Lang];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default),
      (e: Error) => callback(e, false),
    );
  },
};

/**
 * The renderer's i18next instance. It starts with no language: `loadLanguage` (languages.ts) loads and
 * switches to the one Settings chose, or the OS's, before the first screen shows. `changeLanguage(lang)`
 * resolves once that language's texts are in.
 */
const i18n = i18next.createInstance();

void i18n
  .use(localeFiles)
  .use(initReactI18next)
  .init({
    initAsync: false,
    // No fallback language: it would load the other language's texts too (both files hold every key,
    // test/unit/renderer-locales.test.ts).
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'en'],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof i18n.init>[0]);

const numberFormats = new Map<string, Intl.NumberFormat>();
// `{{count, number}}` uses the language's separators; a value that is not a number (already formatted
// text) stays as it is instead of i18next's NaN. The same as src-main/i18n/messages.ts.
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined): string => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
  const key = lng ?? 'en';
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(key)));
  return f.format(value);
});

export default i18n;
