import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useOp, useOpMutation } from '../backend/useOp';
import i18n from './i18n';
import { pickLang, systemLocale, type Lang } from './lang';

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

export function LanguageProvider({ children }: { children: ReactNode }) {
  const settings = useOp('settings/get', {}, { staleTime: Infinity });
  const save = useOpMutation('settings/set');
  const [override, setOverride] = useState<Lang | null>(null);
  const lang = override ?? pickLang(settings.data?.lang, systemLocale());

  // Before paint, so that the first screen never flashes in the other language.
  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
    document.title = i18n.t('app.name');
  }, [lang]);

  const setLang = useCallback(
    async (next: Lang) => {
      setOverride(next);
      void i18n.changeLanguage(next);
      await save.mutateAsync({ lang: next });
    },
    [save],
  );

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);

  return (
    <LangContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh-CN' ? zhCN : enUS}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: { colorPrimary: '#1f5fd6', borderRadius: 6, fontFamily: FONT, colorBgLayout: '#f4f6fa' },
          components: {
            Layout: { siderBg: '#0f1e3d', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
            Menu: { darkItemBg: '#0f1e3d', darkSubMenuItemBg: '#0f1e3d', darkItemSelectedBg: '#1f5fd6' },
          },
        }}
      >
        <AntApp>
          {settings.isPending ? (
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
