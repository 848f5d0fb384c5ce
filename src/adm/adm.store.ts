// The only file of the ADM pillar that touches Kysely: decisions written and read within a caller's scope.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/index.ts';
import type { AdmDecision, AdmScope } from './adm.model.ts';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = ['id', 'subject_id', 'purpose', 'outcome', 'input_categories', 'input_summary', 'model_version', 'factors', 'significant', 'registry_version', 'recorded_by', 'decided_at'] as const;

/** Stores one decision. */
export async function insertDecision(db: Db, d: AdmDecision): Promise<void> {
  await db
    .insertInto('adm_decisions')
    .values({ subject_id: d.subjectId, id: d.id, purpose: d.purpose, outcome: d.outcome, input_categories: JSON.stringify(d.inputs.categories), input_summary: d.inputs.summary, model_version: d.modelVersion, factors: JSON.stringify(d.factors), significant: d.significant, registry_version: d.registryVersion, recorded_by: d.recordedBy, decided_at: d.decidedAt })
    .execute();
}

/** The subject's decisions within scope, newest first; `from`/`to` bound the decision time. */
export async function listDecisions(db: Db, subjectId: string, scope: AdmScope, range: { from?: Date; to?: Date; limit?: number } = {}): Promise<AdmDecision[]> {
  if (!scope.all && scope.purposes.length === 0) return [];
  let q = db.selectFrom('adm_decisions').select(COLUMNS).where('subject_id', '=', subjectId);
  if (!scope.all) q = q.where('purpose', 'in', [...scope.purposes]);
  if (range.from) q = q.where('decided_at', '>=', range.from);
  if (range.to) q = q.where('decided_at', '<', range.to);
  const rows = await q.orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(range.limit ?? 500).execute();
  return rows.map(view);
}

/** One decision of the subject within scope, or undefined (not found and not yours look the same). */
export async function getDecision(db: Db, subjectId: string, id: string, scope: AdmScope): Promise<AdmDecision | undefined> {
  if (!scope.all && scope.purposes.length === 0) return undefined;
  let q = db.selectFrom('adm_decisions').select(COLUMNS).where('subject_id', '=', subjectId).where('id', '=', id);
  if (!scope.all) q = q.where('purpose', 'in', [...scope.purposes]);
  const r = await q.executeTakeFirst();
  return r ? view(r) : undefined;
}

function view(r: { id: string; subject_id: string; purpose: string; outcome: string; input_categories: string[]; input_summary: string | null; model_version: string; factors: AdmDecision['factors']; significant: boolean; registry_version: number; recorded_by: string; decided_at: Date }): AdmDecision {
  return { id: r.id, subjectId: r.subject_id, purpose: r.purpose, outcome: r.outcome, inputs: { categories: r.input_categories, summary: r.input_summary }, modelVersion: r.model_version, factors: r.factors, significant: r.significant, registryVersion: r.registry_version, recordedBy: r.recorded_by, decidedAt: new Date(r.decided_at).toISOString() };
}
