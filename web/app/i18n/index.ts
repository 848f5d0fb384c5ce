// Messages per language and the formatting helper; a missing key in any language is a type error.
import type { Lang } from './detect.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { ko } from './ko.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export { detectLanguage, isLang, LANG_NAMES, LANGS, type Lang } from './detect.ts';
export type { MessageKey, Messages } from './en.ts';

/** Every language's messages. */
export const MESSAGES: Record<Lang, Messages> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, ko };

/** A translator bound to one language. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Builds the translator for a language: `{name}` placeholders are filled from vars. */
export function translator(lang: Lang): Translate {
  const m = MESSAGES[lang];
  return (key, vars) => (m[key] ?? key).replace(/\{(\w+)\}/g, (all, name: string) => (vars && name in vars ? String(vars[name]) : all));
}

/** The message `prefix + id` when there is one, else the id itself (ids from the server the UI may not know yet). */
export function tOr(t: Translate, prefix: string, id: string): string {
  const key = `${prefix}${id}` as MessageKey;
  const s = t(key);
  return s === key ? id : s;
}
