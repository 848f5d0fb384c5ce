// Words for durations, dates, countries and amounts in the notice language.
import { parseDuration as parseRegistryDuration, type Language } from '../registry/index.ts';
import type { NoticeMessages } from './messages/messages.model.ts';

/** Splits an ISO 8601 duration into its parts; undefined when it is not one. */
export const parseDuration = parseRegistryDuration;

/** An ISO duration in words ("3 years", "3年", "3년"); unknown text is returned as given. */
export function durationWords(m: NoticeMessages, iso: string): string {
  const parts = parseDuration(iso);
  return parts ? m.duration(parts) || iso : iso;
}

/** A YYYY-MM-DD date in the language's own form. */
export function dateWords(m: NoticeMessages, date: string): string {
  const [y, mo, d] = date.split('-').map((s) => Number.parseInt(s, 10));
  return y && mo && d ? m.date(y, mo, d) : date;
}

const REGION_LOCALE: Record<Language, string> = { en: 'en', ko: 'ko', 'zh-Hans': 'zh-Hans-CN', 'zh-Hant': 'zh-Hant-TW' };
const regionNames = new Map<Language, Intl.DisplayNames>();

/** The name of an ISO 3166 country or region in the notice language. */
export function countryName(lang: Language, code: string): string {
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([REGION_LOCALE[lang]], { type: 'region', fallback: 'code' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount of money in the notice language, e.g. "¥10.00" or "₩1,000". */
export function moneyWords(lang: Language, amount: number, currency?: string): string {
  if (!currency) return String(amount);
  const key = `${lang}:${currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) moneyFormats.set(key, (fmt = new Intl.NumberFormat(REGION_LOCALE[lang], { style: 'currency', currency })));
  return fmt.format(amount);
}
