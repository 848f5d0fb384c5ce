// Sending breach notices through the outbox: one 'incident.notice' event per person and channel, each tracked.
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import type { BreachChannel } from './breach.model.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { NoticeUpdatesSchema } from './incidents.model.ts';

/** Notices queued by one notify call. */
export interface NotifyResult {
  queued: number;
  channels: BreachChannel[];
}

/**
 * Queues a notice per affected person and channel not yet queued: the outbox event names the incident, person, channel,
 * language and the draft to fill, never a value; events, notice rows and dispatch jobs are written by one statement.
 */
export async function notifyIncident(deps: LifecycleDeps, id: string, channels: BreachChannel[], actor: string): Promise<NotifyResult> {
  const inc = await deps.db.selectFrom('incidents').select(['id', 'scoped_count']).where('id', '=', id).executeTakeFirst();
  if (!inc) throw new AppError('NOT_FOUND', 'no such incident');
  if (!inc.scoped_count) throw new AppError('INCIDENT_NOT_SCOPED', 'no affected people are recorded for this incident; scope it first');
  const now = deps.clock();
  const chans = [...new Set(channels)];
  return deps.db.transaction().execute(async (trx) => {
    const res = await sql<{ n: number }>`with t as (
        select i.subject_id, i.language, ch.channel from incident_subjects i cross join (values ${sql.join(chans.map((c) => sql`(${c})`))}) as ch(channel)
        where i.incident_id = ${id} and not exists (select 1 from incident_notices n where n.incident_id = ${id} and n.subject_id = i.subject_id and n.channel = ch.channel)
      ), e as (
        insert into outbox_events (topic, subject_id, payload)
        select 'incident.notice', t.subject_id, jsonb_build_object('incident', ${id}::text, 'subject', t.subject_id, 'channel', t.channel, 'language', t.language,
          'draft', '/v1/incidents/' || ${id}::text || '/drafts?lang=' || t.language || '&channel=' || t.channel)
        from t returning id, subject_id, payload ->> 'channel' as channel, payload ->> 'language' as language
      ), n as (
        insert into incident_notices (incident_id, subject_id, channel, language, status, event_id, queued_at)
        select ${id}, e.subject_id, e.channel, e.language, 'queued', e.id, ${now} from e returning event_id
      )
      insert into jobs (queue, payload)
      select 'outbox.dispatch-many', jsonb_build_object('eventIds', jsonb_agg(q.event_id::text order by q.event_id))
      from (select event_id, (row_number() over (order by event_id) - 1) / 500 as g from n) q group by q.g
      returning jsonb_array_length(payload -> 'eventIds') as n`.execute(trx);
    const queued = res.rows.reduce((s, r) => s + r.n, 0);
    await trx.updateTable('incidents').set({ status: 'notifying', updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'incident.notify', target: id, details: { queued, channels: chans } });
    return { queued, channels: chans };
  });
}

/** Records what a sender reports for notices (sent, delivered, failed); returns how many rows changed. */
export async function recordNoticeStatus(deps: LifecycleDeps, id: string, body: unknown, actor: string): Promise<number> {
  const { updates } = NoticeUpdatesSchema.parse(body);
  const exists = await deps.db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw new AppError('NOT_FOUND', 'no such incident');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const u of updates) {
      const r = await trx.updateTable('incident_notices').set({ status: u.status, sent_at: u.status === 'failed' ? null : (u.at ?? now.toISOString()), error: u.error ?? null })
        .where('incident_id', '=', id).where('subject_id', '=', u.subjectId).where('channel', '=', u.channel).returning('channel').executeTakeFirst();
      if (r) changed++;
    }
    const by = updates.reduce<Record<string, number>>((m, u) => ({ ...m, [u.status]: (m[u.status] ?? 0) + 1 }), {});
    await recordAudit(trx, { actor, action: 'incident.notice-status', target: id, details: { changed, ...by } });
    return changed;
  });
}
