// Scoping a breach set-based: one INSERT … SELECT over the vault, the sharing records and the reads in the audit log.
import { sql, type RawBuilder } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Incident } from './breach.model.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { VIA, type IncidentScope } from './incidents.model.ts';

/** How many people each source found, and in all. */
export interface ScopeResult {
  total: number;
  vault: number;
  shares: number;
  audit: number;
  seconds: number;
}

const textArray = (xs: string[]) => sql`array[${sql.join(xs)}]::text[]`;

/** The SELECTs of the affected (subject_id, via) pairs, one per source the scope names. */
export function scopeSources(incident: Pick<Incident, 'categories' | 'startedAt' | 'discoveredAt'>, scope: IncidentScope): RawBuilder<unknown>[] {
  const from = new Date(scope.from ?? incident.startedAt);
  const to = new Date(scope.to ?? incident.discoveredAt);
  const cats = incident.categories;
  const parts: RawBuilder<unknown>[] = [];
  const vault = scope.vault ?? (scope.recipients.length === 0 && scope.actors.length === 0);
  if (vault) parts.push(sql`select distinct v.subject_id, ${sql.lit(VIA.vault)} as via from vault_values v where v.category in (${sql.join(cats)})`);
  if (scope.recipients.length > 0) {
    parts.push(sql`select distinct sh.subject_id, ${sql.lit(VIA.shares)} as via from shares sh where sh.recipient in (${sql.join(scope.recipients)})
      and sh.shared_at >= ${from} and sh.shared_at <= ${to} and sh.categories ?| ${textArray(cats)}`);
  }
  if (scope.actors.length > 0) {
    const any = scope.actors.includes('*');
    // the partial index audit_entries_reads (ts) where action = 'data.read' narrows to the window before any JSON is parsed
    parts.push(sql`select distinct a.subject as subject_id, ${sql.lit(VIA.audit)} as via from audit_entries a
      where a.action = 'data.read' and a.ts >= ${from} and a.ts <= ${to} and a.subject is not null
        and ${any ? sql`true` : sql`(a.body::jsonb ->> 'actor') in (${sql.join(scope.actors)})`}
        and coalesce(a.body::jsonb ->> 'decision', '') <> 'deny' and (a.body::jsonb -> 'categories') ?| ${textArray(cats)}`);
  }
  return parts;
}

/** Replaces the incident's affected people with what the scope finds now, in one transaction; audited with counts. */
export async function scopeIncident(deps: LifecycleDeps, id: string, incident: Incident, scope: IncidentScope, actor: string): Promise<ScopeResult> {
  const started = Date.now();
  const parts = scopeSources(incident, scope);
  const now = deps.clock();
  const counts = await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('incident_subjects').where('incident_id', '=', id).execute();
    await sql`insert into incident_subjects (incident_id, subject_id, via, language)
      select ${id}, x.subject_id, bit_or(x.via), min(s.language)
      from (${sql.join(parts, sql` union all `)}) x join subjects s on s.id = x.subject_id
      group by x.subject_id`.execute(trx);
    const c = await sql<{ total: number; vault: number; shares: number; audit: number }>`select count(*)::int as total,
        count(*) filter (where via & ${sql.lit(VIA.vault)} <> 0)::int as vault, count(*) filter (where via & ${sql.lit(VIA.shares)} <> 0)::int as shares,
        count(*) filter (where via & ${sql.lit(VIA.audit)} <> 0)::int as audit
      from incident_subjects where incident_id = ${id}`.execute(trx);
    const r = c.rows[0];
    await trx.updateTable('incidents').set({ scope: JSON.stringify(scope), scoped_count: r.total, scoped_at: now, status: sql<string>`case when status = 'open' then 'scoped' else status end`, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'incident.scope', target: id, categories: incident.categories, details: { ...r, recipients: scope.recipients, actors: scope.actors.length } });
    return r;
  });
  return { ...counts, seconds: (Date.now() - started) / 1000 };
}
