// The explanation of one automated decision, built from the registry's adm logic and criteria and the decision's factors.
import type { Labels, Language, Registry, Regime } from '../registry/index.ts';
import type { AdmDecision } from './adm.model.ts';
import { ADM_TEXTS } from './adm.texts.ts';

/** A way to ask for review, explanation or to object, as the registry declares it. */
export interface AdmChannel {
  id: string;
  label: string;
  contact: string | null;
}

/** An explanation as the API returns it: the parts, a plain text and an HTML rendering. */
export interface AdmExplanation {
  language: Language;
  decisionId: string;
  purpose: { id: string; label: string };
  outcome: string;
  decidedAt: string;
  significant: boolean;
  logic: string | null;
  criteria: string | null;
  inputs: { category: string; label: string }[];
  factors: { name: string; weight: number; direction: 'positive' | 'negative'; text: string }[];
  modelVersion: string;
  humanReview: { available: boolean; channels: AdmChannel[] };
  objection: { channels: AdmChannel[] };
  law: string[];
  text: string;
  html: string;
}

const LAW: Record<Regime, string> = { pipl: 'PIPL-24-3', pipa: 'PIPA-37.2-1', gdpr: 'GDPR-22-1' };
const TIME_ZONE: Record<Language, string> = { 'zh-Hans': 'Asia/Shanghai', 'zh-Hant': 'Asia/Shanghai', ko: 'Asia/Seoul', en: 'UTC' };
const LOCALE: Record<Language, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', ko: 'ko-KR', en: 'en-GB' };

/** A label in the language, else English, else the first one given. */
export function pick(labels: Labels | undefined, lang: Language): string | undefined {
  if (!labels) return undefined;
  return labels[lang] ?? labels.en ?? Object.values(labels).find((v) => v !== undefined);
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A date as people of the language write it, in the time zone of the regime they live under. */
export function longDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: TIME_ZONE[lang] }).format(new Date(iso));
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function channels(registry: Registry, lang: Language, wanted: string[]): AdmChannel[] {
  const all = registry.rightsChannels.filter((c) => c.rights?.some((r) => wanted.includes(r)));
  return all.map((c) => ({ id: c.id, label: pick(c.labels, lang) ?? c.id, contact: c.contact ?? null }));
}

/** Builds the explanation of a decision for a subject under the given regimes (PIPL 24(3), PIPA 37-2, GDPR 22(3)). */
export function explainDecision(registry: Registry, decision: AdmDecision, subject: { regimes: Regime[]; language: string }, language?: Language): AdmExplanation {
  const lang = (language ?? (subject.language in ADM_TEXTS ? subject.language : 'en')) as Language;
  const t = ADM_TEXTS[lang];
  const purpose = registry.purposes.find((p) => p.id === decision.purpose);
  const adm = purpose?.adm;
  const purposeLabel = pick(purpose?.labels, lang) ?? decision.purpose;
  const logic = pick(adm?.logic, lang) ?? null;
  const criteria = pick(adm?.criteria, lang) ?? null;
  const inputs = decision.inputs.categories.map((c) => ({ category: c, label: pick(registry.categories.find((x) => x.id === c)?.labels, lang) ?? c }));
  const factors = decision.factors.map((f) => ({ name: f.name, weight: f.weight, direction: f.direction, text: fill(t.factor, { name: f.name, weight: Math.round(f.weight * 100), direction: f.direction === 'positive' ? t.positive : t.negative }) }));
  const significant = decision.significant;
  const reviewAvailable = significant || adm?.humanReview === true;
  const review = channels(registry, lang, ['adm-human-review']);
  const objection = channels(registry, lang, ['object', 'adm-human-review']);
  const regimes = subject.regimes.length > 0 ? subject.regimes : registry.organization.regimes;
  const officer = registry.organization.privacyOfficer?.email ?? registry.organization.contact.email ?? registry.organization.contact.phone ?? '';

  const paragraphs: string[] = [fill(t.made, { date: longDate(decision.decidedAt, lang), purpose: purposeLabel, outcome: decision.outcome })];
  if (logic) paragraphs.push(fill(t.logic, { text: logic }));
  if (criteria) paragraphs.push(fill(t.criteria, { text: criteria }));
  paragraphs.push(fill(t.inputs, { list: inputs.map((i) => i.label).join(t.list) }));
  const rights: string[] = [reviewAvailable ? t.review : t.reviewNone];
  if (significant) for (const r of regimes) rights.push(t.object[r]);
  else rights.push(t.objectNotSignificant);
  const deadlines = regimes.map((r) => t.deadline[r]);
  const how = [...new Map([...review, ...objection].map((c) => [c.id, c])).values()];
  const howLines = how.length > 0 ? how.map((c) => (c.contact ? `${c.label} (${c.contact})` : c.label)) : [fill(t.noChannel, { contact: officer })];

  const text = [t.title, '', ...paragraphs, '', t.factors, ...factors.map((f) => `- ${f.text}`), fill(t.model, { version: decision.modelVersion }), '', ...rights, ...deadlines, '', t.channels, ...howLines.map((l) => `- ${l}`)].join('\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const ul = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const html = `<section lang="${lang}" class="adm-explanation"><h1>${escapeHtml(t.title)}</h1>${paragraphs.map(p).join('')}<h2>${escapeHtml(t.factors)}</h2>${ul(factors.map((f) => f.text))}${p(fill(t.model, { version: decision.modelVersion }))}${rights.map(p).join('')}${deadlines.map(p).join('')}<h2>${escapeHtml(t.channels)}</h2>${ul(howLines)}</section>`;

  return {
    language: lang,
    decisionId: decision.id,
    purpose: { id: decision.purpose, label: purposeLabel },
    outcome: decision.outcome,
    decidedAt: decision.decidedAt,
    significant,
    logic,
    criteria,
    inputs,
    factors,
    modelVersion: decision.modelVersion,
    humanReview: { available: reviewAvailable, channels: review },
    objection: { channels: objection },
    law: regimes.map((r) => LAW[r]),
    text,
    html,
  };
}
