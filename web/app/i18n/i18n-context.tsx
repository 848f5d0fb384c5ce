// The current language for a whole app: detected from the browser, switchable, remembered in this browser.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { detectLanguage, isLang, translator, type Lang, type Translate } from './index.ts';

const STORE_KEY = 'custodia.lang';

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  /** Formats a date (and time when asked) in the current language. */
  date: (iso: string, withTime?: boolean) => string;
  /** Joins items the way the language lists them (、 in Chinese). */
  list: (items: string[]) => string;
}

const Ctx = createContext<I18n | null>(null);

/** The language a page starts in: ?lang=, then the remembered choice, then navigator.languages. */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const saved = localStorage.getItem(STORE_KEY);
  if (isLang(saved)) return saved;
  return detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Provides the language to its children and keeps <html lang> in step. */
export function I18nProvider(props: { children: ComponentChildren; titleKey: 'app.center' | 'app.admin' }) {
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  const value = useMemo<I18n>(() => {
    const t = translator(lang);
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const fmtTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const fmtList = new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' });
    return {
      lang,
      t,
      setLang: (l) => {
        localStorage.setItem(STORE_KEY, l);
        setLangState(l);
      },
      date: (iso, withTime) => (withTime ? fmtTime : fmt).format(new Date(iso)),
      list: (items) => fmtList.format(items),
    };
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = value.t(props.titleKey);
  }, [lang]);
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

/** The current language, translator and date formatter. */
export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
