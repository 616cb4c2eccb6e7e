import { App as AntApp, ConfigProvider, Spin, theme, type ThemeConfig } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useOp, useOpMutation } from '../backend/useOp';
import { pickLang, systemLocale, type Lang } from './lang';
import { loadLanguage, showLanguage, shownLanguage, type ShownLanguage } from './languages';

interface LangContextValue {
  lang: Lang;
  /** Switches the language now and remembers the choice through 'settings/set'. */
  setLang: (lang: Lang) => Promise<void>;
}

const LangContext = createContext<LangContextValue>({ lang: 'en', setLang: async () => {} });

export const useLang = () => useContext(LangContext).lang;
export const useSetLang = () => useContext(LangContext).setLang;

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** One object for every render: antd hashes a new theme object's tokens again. */
const THEME: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1f5fd6', borderRadius: 6, fontFamily: FONT, colorBgLayout: '#f4f6fa' },
  components: {
    Layout: { siderBg: '#0f1e3d', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { darkItemBg: '#0f1e3d', darkSubMenuItemBg: '#0f1e3d', darkItemSelectedBg: '#1f5fd6' },
  },
};

// A desktop tool's buttons answer a click without a ripple: the ripple's animation took the CPU that a
// long operation's answer was waiting for on a two-core machine (issue 12 item 12).
const NO_WAVE = { disabled: true };

export function LanguageProvider({ children }: { children: ReactNode }) {
  const settings = useOp('settings/get', {}, { staleTime: Infinity });
  const save = useOpMutation('settings/set');
  const [override, setOverride] = useState<Lang | null>(null);
  const wanted = override ?? pickLang(settings.data?.lang, systemLocale());
  // The language shown: its texts are loaded. The start has usually shown the settings' language before
  // React runs (firstReads.ts); on a switch the old one stays until the new one is in, so that the screen
  // never shows keys or a mix of the two.
  const [shown, setShown] = useState<ShownLanguage | null>(() => {
    const ready = shownLanguage();
    return !settings.isPending && ready?.lang === wanted ? ready : null;
  });
  const lang = shown?.lang ?? wanted;

  useEffect(() => {
    if (settings.isPending || shown?.lang === wanted) return undefined;
    let live = true;
    showLanguage(wanted).then(
      (next) => {
        if (live) setShown(next);
      },
      () => {
        // The other language's texts could not be loaded: stay in the one shown.
        if (live) setOverride(null);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, settings.isPending, shown?.lang]);

  const setLang = useCallback(
    async (next: Lang) => {
      setOverride(next);
      await Promise.all([loadLanguage(next), save.mutateAsync({ lang: next })]);
    },
    [save],
  );

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);

  return (
    <LangContext.Provider value={value}>
      <ConfigProvider locale={shown?.antd} theme={THEME} wave={NO_WAVE}>
        <AntApp>
          {!shown ? (
            <div className="wb-splash">
              <Spin size="large" />
            </div>
          ) : (
            children
          )}
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}
