// The transactional outbox: events are rows written with the change; jobs fan them out to webhooks.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../errors.ts';
import { JobQueue, type Database, type JobRecord } from '../store/index.ts';
import { registerSinkJobs, SINK_QUEUE, type OutboxSink } from './outbox.sinks.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Writes an event in the caller's transaction and schedules its dispatch. */
export async function emitEvent(db: Db, topic: string, payload: Record<string, unknown>, subjectId?: string): Promise<string> {
  const row = await db
    .insertInto('outbox_events')
    .values({ topic, payload: JSON.stringify(payload), subject_id: subjectId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await JobQueue.enqueue(db, 'outbox.dispatch', { eventId: row.id }, { dedupeKey: `dispatch:${row.id}` });
  return row.id;
}

/** True when a webhook subscribed with `pattern` wants `topic` (`*`, exact, or `prefix.*`). */
export function topicMatches(pattern: string, topic: string): boolean {
  if (pattern === '*' || pattern === topic) return true;
  return pattern.endsWith('.*') && topic.startsWith(pattern.slice(0, -1));
}

/** Signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A webhook as shown to staff (no secret). */
export interface WebhookView {
  id: string;
  url: string;
  topics: string[];
  createdAt: string;
}

/** Registers a webhook; the signing secret is returned here once. */
export async function createWebhook(db: Db, url: string, topics: string[]): Promise<WebhookView & { secret: string }> {
  const id = `wh_${randomUUID()}`;
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await db.insertInto('webhooks').values({ id, url, secret, topics: JSON.stringify(topics) }).returning(['created_at']).executeTakeFirstOrThrow();
  return { id, url, topics, createdAt: new Date(row.created_at).toISOString(), secret };
}

/** Active webhooks. */
export async function listWebhooks(db: Db): Promise<WebhookView[]> {
  const rows = await db.selectFrom('webhooks').select(['id', 'url', 'topics', 'created_at']).where('disabled_at', 'is', null).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, topics: r.topics, createdAt: new Date(r.created_at).toISOString() }));
}

/** Disables a webhook; pending deliveries to it stop. */
export async function disableWebhook(db: Db, id: string): Promise<void> {
  // returning() rather than numUpdatedRows: the PGlite dialect does not report affected rows
  const r = await db.updateTable('webhooks').set({ disabled_at: new Date() }).where('id', '=', id).where('disabled_at', 'is', null).returning('id').executeTakeFirst();
  if (!r) throw new AppError('WEBHOOK_NOT_FOUND');
}

/** A delivery job as shown to staff: dead letters are the ones with status `dead`. */
export interface DeliveryView {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  eventId: string;
  webhookId: string;
  runAt: string;
}

/** Lists webhook deliveries, optionally by status. */
export async function listDeliveries(db: Db, status?: 'pending' | 'running' | 'done' | 'dead', limit = 100): Promise<DeliveryView[]> {
  let q = db.selectFrom('jobs').select(['id', 'status', 'attempts', 'last_error', 'payload', 'run_at']).where('queue', '=', 'webhook.deliver').orderBy('id', 'desc').limit(limit);
  if (status) q = q.where('status', '=', status);
  const rows = await q.execute();
  return rows.map((r) => {
    const p = r.payload as { eventId: string; webhookId: string };
    return { id: r.id, status: r.status, attempts: r.attempts, lastError: r.last_error, eventId: p.eventId, webhookId: p.webhookId, runAt: new Date(r.run_at).toISOString() };
  });
}

/** Puts a dead delivery back in the queue with fresh attempts. */
export async function retryDelivery(db: Db, id: string): Promise<void> {
  const r = await db.updateTable('jobs').set({ status: 'pending', attempts: 0, run_at: new Date(), finished_at: null }).where('id', '=', id).where('queue', '=', 'webhook.deliver').where('status', '=', 'dead').returning('id').executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'no dead delivery with this id');
}

/** Registers the dispatch and delivery handlers on a job queue. */
export function registerOutboxJobs(queue: JobQueue, opts: { timeoutMs: number; fetch?: typeof fetch; sinks?: readonly OutboxSink[] }): void {
  const doFetch = opts.fetch ?? fetch;
  // Fans events out in one statement: every (event, subscribed webhook) and (event, sink) pair becomes a delivery
  // job; the topic test is topicMatches in SQL. Batch writers dispatch once per batch, so this runs often.
  const sinkNames = (opts.sinks ?? []).map((s) => s.name);
  const dispatch = async (db: Kysely<Database>, eventIds: string[]) => {
    await sql`
      with ev as (select id, topic from outbox_events where id = any(${eventIds}::bigint[])),
      deliveries as (
        select ev.id as event_id, 0 as ord, ${SINK_QUEUE} as queue, jsonb_build_object('eventId', ev.id::text, 'sink', s.name) as payload,
               'sink:' || s.name || ':' || ev.id as dedupe_key
        from ev cross join unnest(${sinkNames}::text[]) s(name)
        union all
        select ev.id, 1, 'webhook.deliver', jsonb_build_object('eventId', ev.id::text, 'webhookId', h.id), 'deliver:' || ev.id || ':' || h.id
        from ev join webhooks h on h.disabled_at is null and exists (
          select 1 from jsonb_array_elements_text(h.topics) t(p) where p = '*' or p = ev.topic or (right(p, 2) = '.*' and starts_with(ev.topic, left(p, -1))))
      )
      insert into jobs (queue, payload, run_at, dedupe_key, max_attempts)
      select queue, payload, now(), dedupe_key, 8 from deliveries order by event_id, ord, dedupe_key
      on conflict (dedupe_key) do nothing`.execute(db);
  };
  queue.handle('outbox.dispatch', async (job: JobRecord, db) => dispatch(db, [(job.payload as { eventId: string }).eventId]));
  // batch writers (consent) enqueue one job for many events
  queue.handle('outbox.dispatch-many', async (job: JobRecord, db) => {
    const ids = (job.payload as { eventIds: string[] }).eventIds;
    for (let i = 0; i < ids.length; i += 1000) await dispatch(db, ids.slice(i, i + 1000));
  });
  queue.handle('webhook.deliver', async (job, db) => {
    const { eventId, webhookId } = job.payload as { eventId: string; webhookId: string };
    const hook = await db.selectFrom('webhooks').select(['url', 'secret', 'disabled_at']).where('id', '=', webhookId).executeTakeFirst();
    if (!hook || hook.disabled_at) return;
    const event = await db.selectFrom('outbox_events').select(['id', 'topic', 'payload', 'created_at', 'subject_id']).where('id', '=', eventId).executeTakeFirstOrThrow();
    const body = JSON.stringify({ id: event.id, topic: event.topic, subject: event.subject_id, createdAt: new Date(event.created_at).toISOString(), data: event.payload });
    const ts = Math.floor(Date.now() / 1000);
    const res = await doFetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custodia-event': event.topic, 'x-custodia-delivery': `${eventId}:${webhookId}`, 'x-custodia-signature': signWebhook(hook.secret, ts, body) },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  });
  registerSinkJobs(queue, opts.sinks ?? []);
}
