// Recording automated decisions: the purpose must declare ADM, inputs stay references, and the write is audited.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { detect } from '../deid/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import type { Principal } from '../principals/index.ts';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { getSubject } from '../subjects/index.ts';
import type { AdmDecision, AdmScope, NewDecision } from './adm.model.ts';
import { insertDecision } from './adm.store.ts';

/** The decisions a principal may see: staff all (agents their department's purposes), services their bound purposes. */
export function admScope(p: Principal, departments: Record<string, string[]> = {}): AdmScope {
  if (p.kind === 'service') return { all: false, purposes: p.purposes };
  if (p.role === 'agent') return { all: false, purposes: (p.department && departments[p.department]) || [] };
  return { all: true };
}

/** Checks a decision against the registry and stores it with its audit entry and outbox event in one transaction. */
export async function recordDecision(db: Kysely<Database>, loaded: { registry: Registry; versionNo: number }, principal: Principal, subjectId: string, input: NewDecision, now = new Date()): Promise<AdmDecision> {
  const { registry } = loaded;
  const subject = await getSubject(db, subjectId);
  if (subject.status === 'erased') throw new AppError('NOT_FOUND', 'no such subject');
  const purpose = registry.purposes.find((p) => p.id === input.purpose);
  if (!purpose) throw new AppError('PURPOSE_UNKNOWN', `purpose "${input.purpose}" is not declared in the current registry`);
  // a service records only for the purposes its key is bound to
  if (principal.kind === 'service' && !principal.purposes.includes(purpose.id)) throw new AppError('FORBIDDEN', `this key is not bound to purpose "${purpose.id}"`);
  // PIPL 24, PIPA 37-2, GDPR 22: automated decisions are declared per purpose with their logic
  if (!purpose.adm) throw new AppError('ADM_PURPOSE_INVALID', `purpose "${purpose.id}" does not declare automated decision-making (adm) in the registry`, { rule: 'PIPL-24-1' });
  if (purpose.roles && !purpose.roles.includes(subject.role)) throw new AppError('PURPOSE_NOT_FOR_ROLE', `purpose "${purpose.id}" does not apply to role "${subject.role}"`);
  const details: ErrorDetail[] = [];
  input.inputs.categories.forEach((c, i) => {
    if (!purpose.categories.includes(c)) details.push({ path: `body.inputs.categories[${i}]`, message: `purpose "${purpose.id}" does not use category "${c}"` });
  });
  input.factors.forEach((f, i) => {
    if (f.category && !input.inputs.categories.includes(f.category)) details.push({ path: `body.factors[${i}].category`, message: `factor category "${f.category}" is not among the inputs` });
  });
  if (details.length > 0) throw new AppError('ADM_PURPOSE_INVALID', details.map((d) => d.message).join('; '), { details });
  const personal = personalFields(input);
  // no clear personal values in the decision record: refuse, naming the field and the kind found, never the value
  if (personal.length > 0) throw new AppError('ADM_INPUT_PERSONAL', `${personal.map((p) => `${p.path} contains a ${p.message}`).join('; ')}; record category references instead`, { details: personal });

  const decision: AdmDecision = {
    id: `adm_${randomUUID().replace(/-/g, '')}`,
    subjectId: subject.id,
    purpose: purpose.id,
    outcome: input.outcome,
    inputs: { categories: [...new Set(input.inputs.categories)], summary: input.inputs.summary ?? null },
    modelVersion: input.modelVersion,
    factors: [...input.factors].sort((a, b) => b.weight - a.weight),
    significant: purpose.adm.significantEffect,
    registryVersion: loaded.versionNo,
    recordedBy: `${principal.kind}:${principal.id}`,
    decidedAt: (input.decidedAt ? new Date(input.decidedAt) : now).toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertDecision(trx, decision);
    await recordAudit(trx, { actor: decision.recordedBy, action: 'adm.decision', subject: subject.id, purpose: purpose.id, categories: decision.inputs.categories, details: { decision: decision.id, significant: decision.significant, modelVersion: decision.modelVersion, factors: decision.factors.length } });
    await emitEvent(trx, 'adm.decision.recorded', { decision: decision.id, purpose: purpose.id, significant: decision.significant }, subject.id);
  });
  return decision;
}

/** Free-text fields of a decision in which the detectors find an identifier (kind only, never the value). */
function personalFields(input: NewDecision): ErrorDetail[] {
  const fields: [string, string | undefined][] = [['body.outcome', input.outcome], ['body.inputs.summary', input.inputs.summary], ['body.modelVersion', input.modelVersion], ...input.factors.map((f, i): [string, string] => [`body.factors[${i}].name`, f.name])];
  const out: ErrorDetail[] = [];
  for (const [path, text] of fields) {
    if (!text) continue;
    const kinds = [...new Set(detect(text).filter((f) => f.confidence >= 0.5).map((f) => f.type))];
    if (kinds.length > 0) out.push({ path, message: `personal identifier (${kinds.join(', ')})`, code: 'ADM_INPUT_PERSONAL' });
  }
  return out;
}
