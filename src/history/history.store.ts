// Reads what the yearly notice needs: the subject's audited uses and sharing records within a time range.
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { USE_ACTIONS, type ProvisionRecord, type UseRecord } from './history.model.ts';

/** Audited uses of the subject's data in [from, to), oldest first. */
export async function usesBetween(db: Kysely<Database>, subjectId: string, from: Date, to: Date, limit = 200_000): Promise<UseRecord[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .select(['ts', 'body'])
    .where('subject', '=', subjectId)
    .where('action', 'in', [...USE_ACTIONS])
    .where('ts', '>=', from)
    .where('ts', '<', to)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const b = JSON.parse(r.body) as { action: string; purpose?: string; categories?: string[]; decision?: string };
    return { at: new Date(r.ts).toISOString(), action: b.action, purpose: b.purpose ?? null, categories: b.categories ?? [], decision: b.decision ?? null };
  });
}

/** The subject's sharing records in [from, to), oldest first. */
export async function sharesBetween(db: Kysely<Database>, subjectId: string, from: Date, to: Date): Promise<ProvisionRecord[]> {
  const rows = await db.selectFrom('shares').select(['recipient', 'purpose', 'categories', 'country', 'shared_at']).where('subject_id', '=', subjectId).where('shared_at', '>=', from).where('shared_at', '<', to).orderBy('shared_at').execute();
  return rows.map((r) => ({ recipient: r.recipient, purpose: r.purpose, categories: r.categories, country: r.country, sharedAt: new Date(r.shared_at).toISOString() }));
}
