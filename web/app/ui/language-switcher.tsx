// The language switcher: a labelled select listing each language in its own script.
import { useI18n } from '../i18n/i18n-context.tsx';
import { isLang, LANG_NAMES, LANGS } from '../i18n/index.ts';

/** Lets the reader change the interface language. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('common.language')}</span>
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 7.7h-3a13 13 0 0 0-1.1-5.5 7 7 0 0 1 4.1 5.5ZM10 3.1c.7.9 1.5 3 1.6 6.1H8.4C8.5 6.1 9.3 4 10 3.1ZM8.2 3.7a13 13 0 0 0-1.1 5.5h-3a7 7 0 0 1 4.1-5.5ZM4.1 10.8h3a13 13 0 0 0 1.1 5.5 7 7 0 0 1-4.1-5.5Zm5.9 6.1c-.7-.9-1.5-3-1.6-6.1h3.2c-.1 3.1-.9 5.2-1.6 6.1Zm1.8-.6a13 13 0 0 0 1.1-5.5h3a7 7 0 0 1-4.1 5.5Z"/></svg>
      <select value={lang} onChange={(e) => isLang(e.currentTarget.value) && setLang(e.currentTarget.value)}>
        {LANGS.map((l) => (
          <option value={l} lang={l} key={l}>{LANG_NAMES[l]}</option>
        ))}
      </select>
    </label>
  );
}
