// Reads audit entries back for staff: by subject, action and sequence range, newest first.
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import type { AuditEvent } from './audit.model.ts';

/** One entry as shown to staff. */
export interface AuditRecord extends AuditEvent {
  seq: string;
  ts: string;
  hash: string;
}

/** Filters for an audit search; `before` pages backwards by sequence number. */
export interface AuditQuery {
  subject?: string;
  action?: string;
  before?: string;
  limit?: number;
}

/** Searches the chained entries. */
export async function searchAudit(db: Kysely<Database>, q: AuditQuery): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_entries').select(['seq', 'ts', 'body', 'hash']).orderBy('seq', 'desc').limit(Math.min(q.limit ?? 100, 1000));
  if (q.subject) query = query.where('subject', '=', q.subject);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.before) query = query.where('seq', '<', q.before);
  const rows = await query.execute();
  return rows.map((r) => ({ ...(JSON.parse(r.body) as AuditEvent), seq: r.seq, ts: new Date(r.ts).toISOString(), hash: r.hash }));
}
