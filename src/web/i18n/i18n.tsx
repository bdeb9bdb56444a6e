/**
 * The language of the app: zh-CN by default, switchable, remembered in localStorage. antd's locale
 * and dayjs's follow it, and so do <html lang> and the messages the API sends back.
 */
import { App as AntApp, ConfigProvider } from 'antd';
// The ES modules: the CommonJS entry (antd/locale/…) bundles as {default: locale}, and every control
// then silently falls back to English.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { inLanguage } from '../../shared/citation';
import { setApiLanguage } from '../api/client';
import { useReducedMotion } from '../components/use-narrow';
import {
  DEFAULT_LANGUAGE,
  formatDateTime,
  formatNumber,
  formatPartialDate,
  isLanguage,
  type Key,
  type Language,
  translate,
  type Vars,
} from './catalog';
import { stillTheme, theme } from './theme';

const STORAGE_KEY = 'amity.lang';

export type I18n = {
  lang: Language;
  setLang(lang: Language): void;
  t(key: Key, vars?: Vars): string;
  /** 1234 → "1,234"; with digits, a fixed number of decimals. */
  n(value: number, digits?: number): string;
  /** A partial date at its precision ("2023-06" → 2023年6月 / Jun 2023). */
  d(value: string | null | undefined): string;
  dt(iso: string): string;
  /** The Chinese or the English of a pair of names, falling back to the other. */
  name(zh: string | null | undefined, en: string | null | undefined): string;
  /** Free text written in both languages ("中文。English.") → the page's part; else as it is. */
  text(value: string | null | undefined): string;
};

const I18nContext = createContext<I18n | null>(null);

export function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(lang);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const reducedMotion = useReducedMotion();
  const [lang, setLangState] = useState<Language>(() => {
    const initial = readStoredLanguage();
    applyLanguage(initial);
    return initial;
  });

  useEffect(() => {
    applyLanguage(lang);
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this visit only.
    }
    applyLanguage(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      n: (value, digits) => formatNumber(lang, value, digits),
      d: (value) => formatPartialDate(lang, value),
      dt: (iso) => formatDateTime(lang, iso),
      name: (zh, en) => (lang === 'zh-CN' ? zh || en : en || zh) ?? '',
      text: (value) => (value ? inLanguage(value, lang) : ''),
    }),
    [lang, setLang],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={reducedMotion ? stillTheme : theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
