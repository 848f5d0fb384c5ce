// Picks the interface language from the browser's preferred languages, by script first and region second.

/** The languages the apps speak. */
export const LANGS = ['zh-Hans', 'zh-Hant', 'ko', 'en'] as const;
/** One of them. */
export type Lang = (typeof LANGS)[number];

/** Each language named in itself, for the switcher. */
export const LANG_NAMES: Record<Lang, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', ko: '한국어', en: 'English' };

// Traditional characters are the norm in Taiwan, Hong Kong and Macau when no script is given.
const HANT_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Matches one BCP 47 tag to a language, or undefined when none fits. */
export function matchTag(tag: string): Lang | undefined {
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const [primary, ...rest] = parts;
  if (primary === 'zh' || primary === 'cmn' || primary === 'yue') {
    if (rest.includes('hant')) return 'zh-Hant';
    if (rest.includes('hans')) return 'zh-Hans';
    if (primary === 'yue' || rest.some((p) => HANT_REGIONS.has(p))) return 'zh-Hant';
    return 'zh-Hans';
  }
  if (primary === 'ko') return 'ko';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The first supported language in the preference list, else English. */
export function detectLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const lang = matchTag(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** True for a supported language id. */
export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}
