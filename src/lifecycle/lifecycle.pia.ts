// PIPL 55/56 personal information protection impact assessment filled from the registry for one purpose.
import type { Labels, LegalBasis, Purpose, Registry, Retention } from '../registry/index.ts';
import { categoryRefs, lacksSafeguard, recipientRefs, roleRefs, type CategoryRef, type Named, type RecipientRef } from './lifecycle.refs.ts';
import { assessmentOnFile, piaTriggers, type PiaTrigger } from './lifecycle.pia-triggers.ts';

/** A derived risk; `subjects` are the category, role or recipient ids behind it. */
export interface PiaRisk {
  kind: 'sensitive' | 'minors' | 'cross-border' | 'adm' | 'public-disclosure' | 'large-scale';
  level: 'medium' | 'high';
  subjects: string[];
}

/** A protective measure, from the registry's security list or from the purpose's own settings. */
export interface PiaMeasure {
  source: 'security' | 'encryption' | 'safeguard' | 'contract' | 'human-review' | 'separate-consent' | 'optional';
  /** A security measure id, a category id or a recipient id. */
  subject: string;
  labels?: Labels;
}

/** A check of one PIPL 56 section; `ok: false` needs the assessor's attention, `subjects` says where. */
export interface PiaPoint {
  code: 'legal-basis' | 'valid-consent' | 'separate-consent' | 'legitimate-interest' | 'necessity' | 'impact-stated' | 'optional'
    | 'security-measures' | 'encryption' | 'safeguards' | 'contracts' | 'human-review' | 'adm-logic';
  ok: boolean;
  subjects: string[];
}

/** The impact assessment of one purpose. */
export interface Pia {
  purpose: { id: string; labels: Labels; description?: Labels; method?: Labels; necessity?: Labels };
  controller: { names: Labels; privacyOfficer?: Registry['organization']['privacyOfficer'] };
  legalBasis: LegalBasis;
  legitimateInterest?: Labels;
  consentMechanism?: Purpose['consentMechanism'];
  required: boolean;
  roles: (Named & { minAge?: number })[];
  categories: CategoryRef[];
  recipients: RecipientRef[];
  transfers: RecipientRef[];
  adm?: NonNullable<Purpose['adm']>;
  retention?: Retention;
  risks: PiaRisk[];
  riskLevel: 'low' | 'medium' | 'high';
  measures: PiaMeasure[];
  /** The three PIPL 56 sections. */
  sections: { lawfulness: PiaPoint[]; impact: PiaRisk[]; adequacy: PiaPoint[] };
  triggers: PiaTrigger[];
  needed: boolean;
  onFile: boolean;
  assessment?: { id: string; date?: string; approved: boolean };
  /** PIPL 56: the report is kept at least this many years; `keepUntil` counts from the assessment date when known. */
  keepYears: 3;
  keepUntil?: string;
}

const INVALID = new Set(['continued-use', 'pre-ticked', 'silence', 'bundled-with-terms']);
const point = (code: PiaPoint['code'], bad: string[], subjects = bad): PiaPoint => ({ code, ok: bad.length === 0, subjects });

function risks(reg: Registry, p: Purpose, cats: CategoryRef[], roles: Pia['roles'], recs: RecipientRef[]): PiaRisk[] {
  const out: PiaRisk[] = [];
  const add = (kind: PiaRisk['kind'], level: PiaRisk['level'], subjects: string[]) => {
    if (subjects.length > 0) out.push({ kind, level, subjects });
  };
  add('sensitive', 'high', cats.filter((c) => c.sensitiveUnder.length > 0).map((c) => c.id));
  // PIPL 28 treats under-14s' data as sensitive (high); a role open from 14 still involves minors (medium).
  const young = roles.filter((r) => r.minAge !== undefined && r.minAge < 18);
  add('minors', young.some((r) => r.minAge! < 14) ? 'high' : 'medium', young.map((r) => r.id));
  add('cross-border', 'medium', recs.filter((r) => r.abroadUnder.length > 0).map((r) => r.id));
  if (p.adm) add('adm', p.adm.significantEffect ? 'high' : 'medium', [p.id]);
  add('public-disclosure', 'high', recs.filter((r) => r.kind === 'public').map((r) => r.id));
  if (reg.organization.largeScale) add('large-scale', 'medium', [reg.organization.id]);
  return out;
}

function lawfulness(p: Purpose, cats: CategoryRef[]): PiaPoint[] {
  const sensitive = cats.filter((c) => c.sensitiveUnder.length > 0);
  const out: PiaPoint[] = [{ code: 'legal-basis', ok: true, subjects: [p.id] }];
  if (p.legalBasis === 'consent') {
    out.push(point('valid-consent', p.consentMechanism && INVALID.has(p.consentMechanism) ? [p.id] : []));
    // PIPL 29: sensitive PI on consent needs a separate consent.
    if (sensitive.some((c) => c.sensitiveUnder.includes('pipl'))) out.push(point('separate-consent', p.consentMechanism === 'separate' || p.consentMechanism === 'written' ? [] : [p.id]));
  }
  if (p.legalBasis === 'legitimate-interests') out.push(point('legitimate-interest', p.legitimateInterest && p.balancing ? [] : [p.id]));
  // PIPL 28 para 2, 30: a specific purpose and sufficient necessity for sensitive PI, and its effect on the person.
  out.push(point('necessity', p.necessity ? [] : sensitive.filter((c) => !c.necessity).map((c) => c.id)));
  if (sensitive.length > 0) out.push(point('impact-stated', sensitive.filter((c) => !c.impact).map((c) => c.id)));
  if (!p.required) out.push({ code: 'optional', ok: true, subjects: [p.id] });
  return out;
}

function adequacy(reg: Registry, p: Purpose, cats: CategoryRef[], recs: RecipientRef[]): PiaPoint[] {
  const out: PiaPoint[] = [point('security-measures', reg.security.length === 0 ? [p.id] : [])];
  const sensitive = cats.filter((c) => c.sensitiveUnder.length > 0);
  if (sensitive.length > 0) out.push(point('encryption', sensitive.filter((c) => !c.encryptedAtRest).map((c) => c.id)));
  const transfers = recs.filter((r) => r.abroadUnder.length > 0);
  if (transfers.length > 0) out.push(point('safeguards', transfers.filter(lacksSafeguard).map((r) => r.id)));
  const processors = recs.filter((r) => r.kind === 'processor');
  // PIPL 21, GDPR 28: entrusted processing needs a contract.
  if (processors.length > 0) out.push(point('contracts', processors.filter((r) => r.contract !== true).map((r) => r.id)));
  if (p.adm) {
    out.push(point('adm-logic', p.adm.logic ? [] : [p.id]));
    // PIPL 24, PIPA 37-2, GDPR 22: significant automated decisions need a way to a person.
    if (p.adm.significantEffect) out.push(point('human-review', p.adm.humanReview ? [] : [p.id]));
  }
  return out;
}

function measures(reg: Registry, p: Purpose, cats: CategoryRef[], recs: RecipientRef[]): PiaMeasure[] {
  const out: PiaMeasure[] = reg.security.map((s) => ({ source: 'security', subject: s.id, labels: s.labels }));
  for (const c of cats) if (c.encryptedAtRest) out.push({ source: 'encryption', subject: c.id, labels: c.labels });
  for (const r of recs) {
    if (r.mechanism && r.abroadUnder.length > 0) out.push({ source: 'safeguard', subject: r.id, labels: r.names });
    if (r.contract) out.push({ source: 'contract', subject: r.id, labels: r.names });
  }
  if (p.adm?.humanReview) out.push({ source: 'human-review', subject: p.id });
  if (p.consentMechanism === 'separate' || p.consentMechanism === 'written') out.push({ source: 'separate-consent', subject: p.id });
  if (!p.required) out.push({ source: 'optional', subject: p.id });
  return out;
}

function plusYears(date: string, years: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const last = new Date(Date.UTC(Number(m[1]) + years, Number(m[2]), 0)).getUTCDate();
  return `${Number(m[1]) + years}-${m[2]}-${String(Math.min(Number(m[3]), last)).padStart(2, '0')}`;
}

/** Builds the PIPL 55/56 impact assessment of one purpose from the registry; throws RangeError for an unknown purpose id. */
export function buildPia(registry: Registry, purposeId: string): Pia {
  const p = registry.purposes.find((x) => x.id === purposeId);
  if (!p) throw new RangeError(`unknown purpose "${purposeId}"`);
  const cats = categoryRefs(registry, p);
  const roles = roleRefs(registry, p);
  const recs = recipientRefs(registry, p);
  const found = risks(registry, p, cats, roles, recs);
  const triggers = piaTriggers(registry, p);
  const o = registry.organization;
  const pia: Pia = {
    purpose: { id: p.id, labels: p.labels, ...(p.description ? { description: p.description } : {}), ...(p.method ? { method: p.method } : {}), ...(p.necessity ? { necessity: p.necessity } : {}) },
    controller: { names: o.names, ...(o.privacyOfficer ? { privacyOfficer: o.privacyOfficer } : {}) },
    legalBasis: p.legalBasis, required: p.required, roles, categories: cats, recipients: recs,
    transfers: recs.filter((r) => r.abroadUnder.length > 0),
    risks: found,
    riskLevel: found.some((r) => r.level === 'high') ? 'high' : found.length > 0 ? 'medium' : 'low',
    measures: measures(registry, p, cats, recs),
    sections: { lawfulness: lawfulness(p, cats), impact: found, adequacy: adequacy(registry, p, cats, recs) },
    triggers, needed: triggers.length > 0, onFile: assessmentOnFile(p), keepYears: 3,
  };
  if (p.legitimateInterest) pia.legitimateInterest = p.legitimateInterest;
  if (p.consentMechanism) pia.consentMechanism = p.consentMechanism;
  if (p.adm) pia.adm = p.adm;
  if (p.retention) pia.retention = p.retention;
  if (p.assessment) {
    pia.assessment = p.assessment;
    const until = p.assessment.date ? plusYears(p.assessment.date, 3) : undefined;
    if (until) pia.keepUntil = until;
  }
  return pia;
}
