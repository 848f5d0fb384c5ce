// Checks a grant against the registry and the law before anything is written; refusals name the rule.
import { AppError } from '../errors.ts';
import { CONSENT_KINDS, invalidConsentRules, requiredConsentKind, type ConsentKind, type ConsentRequirement } from '../law/index.ts';
import { consentScopeHash } from '../notice/index.ts';
import type { Regime, Registry } from '../registry/index.ts';

/** What the rules need to know about the subject. */
export interface SubjectFacts {
  role: string;
  regimes: Regime[];
  age?: number;
}

/** One purpose (and recipient) of a grant, resolved and allowed. */
export interface AllowedItem {
  purpose: string;
  recipient: string;
  kind: string;
  scopeHash: string;
}

const rank = (k: string) => CONSENT_KINDS.indexOf(k as ConsentKind);

/** Refuses an action that is never consent, naming the rule of the subject's regime. */
export function assertValidAction(action: string, regimes: Regime[]): void {
  const rules = invalidConsentRules(action);
  if (rules.length === 0) return;
  const byRegime = rules.find((r) => (regimes.includes('pipl') && r.startsWith('PIPL')) || (regimes.includes('pipa') && r.startsWith('PIPA')) || (regimes.includes('gdpr') && r.startsWith('GDPR'))) ?? rules[0];
  throw new AppError('CONSENT_INVALID_ACTION', `"${action}" is not an affirmative act of consent`, { rule: byRegime });
}

/** Resolves a purpose and optional recipient, refusing undeclared ones. */
export function resolveTarget(registry: Registry, subject: SubjectFacts, purposeId: string, recipientId: string | undefined) {
  const purpose = registry.purposes.find((p) => p.id === purposeId);
  if (!purpose) throw new AppError('PURPOSE_UNKNOWN', `purpose "${purposeId}" is not declared in the current registry`);
  if (purpose.roles && !purpose.roles.includes(subject.role)) throw new AppError('PURPOSE_NOT_FOR_ROLE', `purpose "${purposeId}" does not apply to role "${subject.role}"`);
  if (recipientId !== undefined && !registry.recipients.some((r) => r.id === recipientId && r.purposes.includes(purposeId))) {
    throw new AppError('RECIPIENT_UNKNOWN', `recipient "${recipientId}" is not declared for purpose "${purposeId}"`, { rule: 'PIPL-23-1' });
  }
  return purpose;
}

/** The consent a purpose (and recipient) needs for a subject: the law's requirement, raised to the mechanism the registry declares. */
export function consentNeeded(registry: Registry, purposeId: string, regimes: Regime[], query: { recipientId?: string; subjectAge?: number }): ConsentRequirement {
  const need = requiredConsentKind(registry, purposeId, regimes, query);
  // the registry's declared mechanism is a floor too: the notice promised that kind of consent
  const declared = registry.purposes.find((p) => p.id === purposeId)?.consentMechanism;
  if (declared && rank(declared) > rank(need.kind)) {
    const viaRecipients = registry.recipients
      .filter((r) => r.purposes.includes(purposeId))
      .flatMap((r) => requiredConsentKind(registry, purposeId, regimes, { recipientId: r.id, subjectAge: query.subjectAge }).rules);
    need.kind = declared as ConsentKind;
    need.rules = [...new Set([...viaRecipients, ...need.rules])];
  }
  return need;
}

/** Checks every item of a grant; returns them resolved, or throws the first refusal (nothing is written). */
export function checkGrant(
  registry: Registry,
  subject: SubjectFacts,
  grant: { purposes: { purpose: string; recipient?: string }[]; kind: string; action: string; actor: string; guardianRef?: string },
  scopeOf: (purpose: string, recipient?: string) => string | undefined = () => undefined,
): AllowedItem[] {
  assertValidAction(grant.action, subject.regimes);
  const items: AllowedItem[] = [];
  for (const item of grant.purposes) {
    const purpose = resolveTarget(registry, subject, item.purpose, item.recipient);
    const need = consentNeeded(registry, item.purpose, subject.regimes, { recipientId: item.recipient, subjectAge: subject.age });
    if (need.kind === 'none') {
      throw new AppError('CONSENT_NOT_APPLICABLE', `purpose "${item.purpose}" rests on ${purpose.legalBasis}, not consent`, { rule: purpose.required ? 'PIPL-16-1' : 'GDPR-6-1' });
    }
    if (grant.purposes.length > 1 && (purpose.required || rank(need.kind) >= rank('separate'))) {
      // PIPL 29 / PIPA 22(1): a separate consent is its own act; GDPR 7(4): no bundling with what the service needs
      throw new AppError('CONSENT_BUNDLED', `purpose "${item.purpose}" needs its own consent and cannot be granted together with others`, { rule: rank(need.kind) >= rank('separate') ? need.rules[0] : 'GDPR-7-3' });
    }
    if (rank(grant.kind) < rank(need.kind)) {
      throw new AppError('CONSENT_KIND_INSUFFICIENT', `purpose "${item.purpose}"${item.recipient ? ` for recipient "${item.recipient}"` : ''} needs ${need.kind} consent, not ${grant.kind}`, { rule: need.rules[0] });
    }
    if (need.guardian && (grant.actor !== 'guardian' || !grant.guardianRef)) {
      throw new AppError('CONSENT_GUARDIAN_REQUIRED', 'the subject is a child: a verified guardian must consent', { rule: need.rules.find((r) => /31|22\.2|GDPR-8/.test(r)) ?? need.rules[0] });
    }
    items.push({ purpose: item.purpose, recipient: item.recipient ?? '', kind: grant.kind, scopeHash: scopeOf(item.purpose, item.recipient) ?? consentScopeHash(registry, item.purpose, item.recipient) });
  }
  return items;
}
