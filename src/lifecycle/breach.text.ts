// Shared pieces of breach texts: registry and incident text in a language, instants in local time, harms, contacts.
import type { Category, Labels, Language, Regime, Registry } from '../registry/index.ts';
import { createLocalizer } from '../notice/notice.labels.ts';
import type { Incident, LocalText } from './breach.model.ts';
import { isCredential, isFinancial, isUniqueId } from './breach.severity.ts';
import { BREACH_MESSAGES } from './breach/messages/breach.messages.ts';
import type { BreachMessages, HarmKind } from './breach/messages/breach.messages.model.ts';

/** What every breach text of one language needs. */
export interface BreachText {
  lang: Language;
  m: BreachMessages;
  /** Registry or incident text in the language (an English string is used as given). */
  text: (t: LocalText | undefined) => string;
  at: (instant: string) => string;
  org: string;
}

const PHONE_KINDS = new Set(['email', 'phone', 'cn-mobile', 'cn-landline', 'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone']);

/** Builds the text helpers for one registry, language and UTC offset. */
export function breachText(registry: Registry, lang: Language, utcOffsetMinutes: number): BreachText {
  const localize = createLocalizer(registry, lang);
  const m = BREACH_MESSAGES[lang];
  const text = (t: LocalText | undefined): string => {
    if (t === undefined) return '';
    const inline = localize(typeof t === 'string' ? { en: t } : (t as Labels));
    return inline === undefined ? '' : typeof inline === 'string' ? inline : inline.text;
  };
  const at = (instant: string): string => {
    const d = new Date(Date.parse(instant) + utcOffsetMinutes * 60_000);
    return m.dateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), utcOffsetMinutes);
  };
  return { lang, m, text, at, org: text(registry.organization.names) };
}

/** The default UTC offset for an incident's times: Korea under PIPA, Beijing under PIPL, else UTC. */
export function defaultOffset(regimes: Regime[]): number {
  return regimes.includes('pipa') ? 540 : regimes.includes('pipl') ? 480 : 0;
}

/** The harms people are exposed to by the categories involved, most serious first; `general` when nothing specific applies. */
export function harmKinds(cats: Category[]): HarmKind[] {
  const out: HarmKind[] = [];
  if (cats.some(isCredential)) out.push('account-takeover');
  if (cats.some(isFinancial)) out.push('financial-fraud');
  if (cats.some(isUniqueId)) out.push('identity-theft');
  if (cats.some((c) => c.kind === 'biometric')) out.push('biometric');
  if (cats.some((c) => c.kind !== 'biometric' && (c.sensitivity?.pipl || c.sensitivity?.gdpr || c.sensitivity?.pipa === 'sensitive'))) out.push('sensitive-exposure');
  if (cats.some((c) => PHONE_KINDS.has(c.kind))) out.push('phishing');
  if (cats.some((c) => c.kind === 'address' || c.kind === 'location')) out.push('physical-safety');
  return out.length > 0 ? out : ['general'];
}

/** Contact lines of the incident's help desk ("Email: ..."), one per channel. */
export function contactLines(t: BreachText, c: Incident['contact']): string[] {
  const l = t.m.contactLabels;
  const sep = t.m.labelSeparator;
  return [
    c.name ? t.text(c.name) : '',
    c.phone ? `${l.phone}${sep}${c.phone}` : '',
    c.email ? `${l.email}${sep}${c.email}` : '',
    c.url ? `${l.web}${sep}${c.url}` : '',
    c.hours ? `${l.hours}${sep}${t.text(c.hours)}` : '',
  ].filter((s) => s !== '');
}

/** Contact lines of the organization's privacy officer (GDPR 33(3)(b), 34(2)); empty when none is declared. */
export function officerLines(t: BreachText, registry: Registry): string[] {
  const o = registry.organization.privacyOfficer;
  if (!o) return [];
  const l = t.m.contactLabels;
  const sep = t.m.labelSeparator;
  return [o.name || o.title ? [t.text(o.name), t.text(o.title)].filter(Boolean).join(' ') : '', o.phone ? `${l.phone}${sep}${o.phone}` : '', o.email ? `${l.email}${sep}${o.email}` : ''].filter((s) => s !== '');
}
