// Which consent a processing needs for a subject under given regimes, and which consent actions never count.
import type { Regime, Registry } from '../registry/index.ts';
import { categoriesOf, isAbroad, isFace, isSensitive, recipientsOf } from './law.helpers.ts';

/** Consent kinds, weakest first: a stronger kind satisfies every weaker one. */
export const CONSENT_KINDS = ['none', 'general', 'explicit', 'separate', 'written'] as const;
/** A consent kind. */
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** What a processing needs: the strongest consent kind, whether a guardian must give it, and the rules that ask for it. */
export interface ConsentRequirement {
  kind: ConsentKind;
  guardian: boolean;
  rules: string[];
}

/** Optional facts of one processing: the recipient it goes to, whether it leaves the country, the subject's age. */
export interface ConsentQuery {
  recipientId?: string;
  crossBorder?: boolean;
  subjectAge?: number;
}

/** Consent actions that are never valid consent, each with the rules that refuse it. */
export const INVALID_CONSENT_ACTIONS: Readonly<Record<'continued-use' | 'pre-ticked' | 'silence' | 'bundled-with-terms', readonly string[]>> = {
  'continued-use': ['PIPL-14-1', 'PIPA-ED17-1', 'GDPR-7-1'],
  'pre-ticked': ['PIPL-14-1', 'PIPA-ED17-1', 'GDPR-7-1'],
  silence: ['PIPL-14-1', 'PIPA-ED17-1', 'GDPR-7-1'],
  'bundled-with-terms': ['PIPL-14-1', 'PIPA-ED17-1', 'PIPA-22-1', 'GDPR-7-1'],
};

/** The rule ids refusing a consent action, or an empty list when the action may be valid. */
export function invalidConsentRules(action: string): readonly string[] {
  return (INVALID_CONSENT_ACTIONS as Record<string, readonly string[]>)[action] ?? [];
}

const rank = (k: ConsentKind) => CONSENT_KINDS.indexOf(k);

/** The consent one processing needs under rules.md; throws when the purpose or recipient is not declared. */
export function requiredConsentKind(registry: Registry, purposeId: string, subjectRegimes: Regime[], query: ConsentQuery = {}): ConsentRequirement {
  const purpose = registry.purposes.find((p) => p.id === purposeId);
  if (!purpose) throw new RangeError(`unknown purpose "${purposeId}"`);
  const recipient = query.recipientId === undefined ? undefined : registry.recipients.find((r) => r.id === query.recipientId);
  if (query.recipientId !== undefined && !recipient) throw new RangeError(`unknown recipient "${query.recipientId}"`);
  if (recipient && !recipientsOf(registry, purpose).includes(recipient)) throw new RangeError(`recipient "${recipient.id}" does not receive data for "${purposeId}"`);
  const cats = categoriesOf(registry, purpose);
  const consent = purpose.legalBasis === 'consent';
  const age = query.subjectAge;
  let kind: ConsentKind = consent ? 'general' : 'none';
  const rules: string[] = [];
  const need = (k: ConsentKind, rule: string) => {
    if (rank(k) > rank(kind)) kind = k;
    if (!rules.includes(rule)) rules.push(rule);
  };
  const abroad = (regime: Regime) => query.crossBorder ?? (recipient !== undefined && isAbroad(recipient.country, regime));
  const provided = recipient !== undefined && (recipient.kind === 'affiliate' || recipient.kind === 'third-party');

  if (subjectRegimes.includes('pipl')) {
    const minor = age !== undefined && age < 14;
    if (consent && (minor || cats.some((c) => isSensitive(c, 'pipl')))) need('separate', minor ? 'PIPL-31-1' : 'PIPL-29-1');
    if (consent && cats.some(isFace)) need('separate', 'CN-FRT-1');
    // PIPL 23, 25, 39: separate consent even when the purpose rests on another basis (strict default, legal override possible).
    if (provided) need('separate', 'PIPL-23-1');
    if (recipient?.kind === 'public') need('separate', 'PIPL-25-1');
    if (abroad('pipl')) need('separate', 'PIPL-39-1');
  }
  if (subjectRegimes.includes('pipa')) {
    const unstated = (test: (c: (typeof cats)[number]) => boolean) => cats.some((c) => test(c) && !c.statute);
    if (unstated((c) => c.sensitivity?.pipa === 'sensitive')) need('separate', 'PIPA-23-1');
    if (unstated((c) => c.sensitivity?.pipa === 'unique-id' || c.sensitivity?.pipa === 'rrn' || c.kind === 'kr-rrn')) need('separate', 'PIPA-24-1');
    if (consent && purpose.marketing) need('separate', 'PIPA-22-1');
    if (consent && purpose.nightMarketing) need('separate', 'KR-NET50-1');
    if (cats.some((c) => c.kind === 'location')) need('separate', 'KR-LIA18-1');
    // PIPA 17: contract necessity is no ground for provision to a third party.
    if (provided && (consent || purpose.legalBasis === 'contract')) need('separate', 'PIPA-17-1');
    // PIPA 28-8(1): without a statute, disclosed contract necessity, certification or adequacy, overseas transfer needs separate consent.
    const kr = recipient?.mechanism?.type ?? '';
    if (abroad('pipa') && !['statute', 'contract-necessity', 'certification', 'adequacy'].includes(kr)) need('separate', 'PIPA-28.8-1');
  }
  if (subjectRegimes.includes('gdpr')) {
    if (consent && cats.some((c) => c.sensitivity?.gdpr === 'special')) need('explicit', 'GDPR-9-1');
    if (consent && purpose.adm?.significantEffect) need('explicit', 'GDPR-22-1');
    if (recipient?.mechanism?.type === 'derogation' && consent) need('explicit', 'GDPR-49-1');
  }
  // PIPL 31, PIPA 22-2 (under 14) and GDPR 8 (organization.childAge, default 16): whoever must consent is the guardian.
  const guardianRules = kind === 'none' || age === undefined ? [] : [
    subjectRegimes.includes('pipl') && age < 14 && 'PIPL-31-1',
    subjectRegimes.includes('pipa') && age < 14 && 'PIPA-22.2-1',
    subjectRegimes.includes('gdpr') && consent && age < (registry.organization.childAge ?? 16) && 'GDPR-8-1',
  ].filter((r): r is string => typeof r === 'string');
  for (const r of guardianRules) if (!rules.includes(r)) rules.push(r);
  if (kind === 'general' && rules.length === 0) rules.push(subjectRegimes.includes('pipl') ? 'PIPL-14-1' : subjectRegimes.includes('pipa') ? 'PIPA-15-2' : 'GDPR-7-1');
  return { kind, guardian: guardianRules.length > 0, rules };
}
