import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n/language.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

type I18n = {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  pick: (texts: { da: string; en: string }) => string;
  /** For keys built from server values (a status, a deadline kind): the text, or the value itself if unknown. */
  td: (key: string, vars?: Record<string, string | number>) => string;
};

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'visitator.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' || stored === 'da' ? stored : DEFAULT_LANGUAGE;
}

function fill(text: string, vars: Record<string, string | number> | undefined): string {
  let out = text;
  for (const [k, v] of Object.entries(vars ?? {})) out = out.replaceAll(`{${k}}`, String(v));
  return out;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fill(MESSAGES[lang][key], vars),
      pick: (texts) => texts[lang],
      td: (key, vars) =>
        Object.hasOwn(MESSAGES[lang], key) ? fill(MESSAGES[lang][key as MessageKey], vars) : (key.split('.').at(-1) ?? key),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
