// The access report: who read a subject's data, for which purpose, with which outcome, and when.
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';

/** One access as shown to staff, services and the person. */
export interface AccessRecord {
  at: string;
  actor: string;
  action: string;
  purpose: string | null;
  categories: string[];
  decision: string | null;
  recipient: string | null;
}

/** Reads, shares and changes of a subject's data from the audit log, newest first. */
export async function accessReport(db: Kysely<Database>, subjectId: string, limit = 500): Promise<AccessRecord[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .select(['ts', 'body'])
    .where('subject', '=', subjectId)
    .where('action', 'in', ['data.read', 'data.share', 'data.write', 'data.erase'])
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const b = JSON.parse(r.body) as { actor: string; action: string; purpose?: string; categories?: string[]; decision?: string; target?: string };
    return { at: new Date(r.ts).toISOString(), actor: b.actor, action: b.action, purpose: b.purpose ?? null, categories: b.categories ?? [], decision: b.decision ?? null, recipient: b.action === 'data.share' ? (b.target ?? null) : null };
  });
}
