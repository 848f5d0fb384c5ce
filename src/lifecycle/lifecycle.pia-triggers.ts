// Why a purpose needs an impact assessment: PIPL 55 triggers for PIPL controllers, GDPR 35 triggers for GDPR ones.
import { isAbroad, isSensitive } from '../law/index.ts';
import type { Labels, Purpose, Registry } from '../registry/index.ts';

/** A reason an assessment is needed. */
export type PiaTriggerKind =
  | 'sensitive' | 'adm' | 'entrusting' | 'provision' | 'publication' | 'export'
  | 'significant-profiling' | 'public-monitoring' | 'large-scale-special';

/** One trigger with the rule that sets it and the category or recipient ids that cause it. */
export interface PiaTrigger {
  kind: PiaTriggerKind;
  rule: 'PIPL-55-1' | 'GDPR-35-1';
  subjects: string[];
}

/** A purpose with its triggers and whether an approved assessment is on file. */
export interface AssessmentNeed {
  purpose: string;
  labels: Labels;
  triggers: PiaTrigger[];
  onFile: boolean;
  assessment?: { id: string; date?: string; approved: boolean };
}

/** The assessment triggers of one purpose under the organization's regimes. */
export function piaTriggers(reg: Registry, p: Purpose): PiaTrigger[] {
  const out: PiaTrigger[] = [];
  const add = (kind: PiaTriggerKind, rule: PiaTrigger['rule'], subjects: string[]) => {
    if (subjects.length > 0) out.push({ kind, rule, subjects });
  };
  const cats = p.categories.map((id) => reg.categories.find((c) => c.id === id)).filter((c) => c !== undefined);
  const recs = reg.recipients.filter((r) => r.purposes.includes(p.id));
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  if (reg.organization.regimes.includes('pipl')) {
    // PIPL 55 (1)-(4): sensitive PI, ADM, entrusting / providing / publishing, export.
    add('sensitive', 'PIPL-55-1', ids(cats.filter((c) => isSensitive(c, 'pipl'))));
    if (p.adm) add('adm', 'PIPL-55-1', [p.id]);
    add('entrusting', 'PIPL-55-1', ids(recs.filter((r) => r.kind === 'processor')));
    add('provision', 'PIPL-55-1', ids(recs.filter((r) => r.kind === 'affiliate' || r.kind === 'third-party')));
    add('publication', 'PIPL-55-1', ids(recs.filter((r) => r.kind === 'public')));
    add('export', 'PIPL-55-1', ids(recs.filter((r) => isAbroad(r.country, 'pipl'))));
  }
  if (reg.organization.regimes.includes('gdpr')) {
    // GDPR 35(3)(a)-(c): significant profiling, large-scale special data, public-area monitoring.
    if (p.adm?.significantEffect) add('significant-profiling', 'GDPR-35-1', [p.id]);
    if (p.publicMonitoring) add('public-monitoring', 'GDPR-35-1', [p.id]);
    if (reg.organization.largeScale) add('large-scale-special', 'GDPR-35-1', ids(cats.filter((c) => isSensitive(c, 'gdpr'))));
  }
  return out;
}

/** Whether an approved assessment is referenced by the purpose. */
export function assessmentOnFile(p: Purpose): boolean {
  return p.assessment !== undefined && p.assessment.approved;
}

/** Every purpose that needs an impact assessment (PIPL 55, GDPR 35), with its triggers and on-file status. */
export function purposesNeedingAssessment(registry: Registry): AssessmentNeed[] {
  return registry.purposes.flatMap((p) => {
    const triggers = piaTriggers(registry, p);
    if (triggers.length === 0) return [];
    const need: AssessmentNeed = { purpose: p.id, labels: p.labels, triggers, onFile: assessmentOnFile(p) };
    if (p.assessment) need.assessment = p.assessment;
    return [need];
  });
}
