// Writes consent events in batches (group commit): sequence numbers per subject, receipts, projection,
// audit entries and outbox events all in one transaction per batch.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { unnestRows, type ConsentEventsTable, type Database, type UnnestColumn } from '../store/index.ts';
import type { Insertable } from 'kysely';
import { auditInboxRows } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import type { PreparedEvent, RecordedEvent } from './consent.model.ts';
import { feedPayloads, type FeedAnnouncer } from './consent.feed.ts';
import type { ReceiptSigner } from './consent.receipts.ts';

interface Pending {
  events: PreparedEvent[];
  resolve: (r: RecordedEvent[]) => void;
  reject: (e: unknown) => void;
}

const STATUS: Record<PreparedEvent['event'], 'granted' | 'withdrawn' | 'on' | 'off'> = { grant: 'granted', withdraw: 'withdrawn', on: 'on', off: 'off' };
const TOPIC: Record<PreparedEvent['event'], string> = { grant: 'consent.granted', withdraw: 'consent.withdrawn', on: 'permission.on', off: 'permission.off' };

/** One writer per process; `write` resolves once the events are committed (acknowledged means durable). */
export class ConsentWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly signer: ReceiptSigner,
    private readonly issuer: () => string,
    private readonly opts: { maxBatch?: number; announce?: FeedAnnouncer; onCommit?: (events: RecordedEvent[], prepared: PreparedEvent[]) => void } = {},
  ) {}

  /** Queues events of one request; they commit together, in order. */
  write(events: PreparedEvent[]): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.flushing) this.flushing = this.loop();
    });
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let n = 0;
        while (this.queue.length > 0 && n < (this.opts.maxBatch ?? 500)) {
          const p = this.queue.shift()!;
          batch.push(p);
          n += p.events.length;
        }
        try {
          const recorded = await this.commit(batch.flatMap((p) => p.events));
          let i = 0;
          for (const p of batch) {
            p.resolve(recorded.slice(i, i + p.events.length));
            i += p.events.length;
          }
        } catch (e) {
          if (!(e instanceof SubjectsGone)) {
            for (const p of batch) p.reject(e);
            continue;
          }
          // a subject closed or erased since its request was checked: refuse those requests, retry the others
          const gone = batch.filter((p) => p.events.some((ev) => e.ids.has(ev.subjectId)));
          for (const p of gone) p.reject(new AppError('NOT_FOUND', 'no such subject'));
          this.queue.unshift(...batch.filter((p) => !gone.includes(p)));
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  // The last sequence number this process gave each subject. While it holds (no other process wrote since), a batch
  // predicts its numbers, signs, and commits in ONE statement that checks the prediction under the row locks: no
  // BEGIN, no separate reservation, no COMMIT round trip. A wrong guess aborts that statement and the batch takes the
  // reserving path, which reads the numbers first.
  private readonly lastSeq = new Map<string, bigint>();
  /** Batches committed by prediction, by reservation, and predictions that turned out wrong. */
  readonly stats = { predicted: 0, reserved: 0, wrong: 0 };

  private async commit(events: PreparedEvent[]): Promise<RecordedEvent[]> {
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.subjectId, (counts.get(e.subjectId) ?? 0) + 1);
    // subject rows are locked in id order, so writers of other processes sharing the database cannot deadlock with this one
    const ids = [...counts.keys()].sort();
    let recorded: RecordedEvent[] | undefined;
    if (ids.every((id) => this.lastSeq.has(id))) {
      try {
        recorded = await this.commitPredicted(events, counts, ids);
        this.stats.predicted++;
      } catch (e) {
        if (!isWrongPrediction(e)) throw e;
        this.stats.wrong++;
        for (const id of ids) this.lastSeq.delete(id);
      }
    }
    if (!recorded) {
      recorded = await this.commitReserving(events, counts, ids);
      this.stats.reserved++;
    }
    this.opts.onCommit?.(recorded, events);
    return recorded;
  }

  private async commitPredicted(events: PreparedEvent[], counts: Map<string, number>, ids: string[]): Promise<RecordedEvent[]> {
    const first = new Map(ids.map((id) => [id, this.lastSeq.get(id)! + 1n]));
    const { out, statement } = await this.build(events, counts, first);
    // the UPDATE re-reads each locked row as committed: a number another process took, or a person closed or erased
    // since, leaves that subject out of `res`, and the guard's division by zero aborts the whole statement
    await sql`
      with ${bumpSequences(ids, counts, ids.map((id) => String(this.lastSeq.get(id))))}, ${statement}
      select 1 / (case when (select count(*) from res) = ${ids.length} then 1 else 0 end) as ok`.execute(this.db);
    this.remember(ids, counts, first);
    return out;
  }

  private async commitReserving(events: PreparedEvent[], counts: Map<string, number>, ids: string[]): Promise<RecordedEvent[]> {
    return this.db.transaction().execute(async (trx) => {
      // Reserve a range of sequence numbers per subject; the row lock orders concurrent writers of one subject.
      const reserved = await sql<{ id: string; event_seq: string }>`with ${bumpSequences(ids, counts)} select id, event_seq from res`.execute(trx);
      if (reserved.rows.length < counts.size) {
        const found = new Set(reserved.rows.map((r) => r.id));
        throw new SubjectsGone(new Set([...counts.keys()].filter((id) => !found.has(id))));
      }
      const first = new Map(reserved.rows.map((r) => [r.id, BigInt(r.event_seq) - BigInt(counts.get(r.id)!) + 1n]));
      const { out, statement } = await this.build(events, counts, first);
      await sql`with ${statement} select 1`.execute(trx);
      this.remember(ids, counts, first);
      return out;
    });
  }

  private remember(ids: string[], counts: Map<string, number>, first: Map<string, bigint>): void {
    for (const id of ids) {
      this.lastSeq.delete(id); // re-inserted at the end: the map evicts the subjects written longest ago
      this.lastSeq.set(id, first.get(id)! + BigInt(counts.get(id)!) - 1n);
    }
    while (this.lastSeq.size > 200_000) this.lastSeq.delete(this.lastSeq.keys().next().value!);
  }

  /** Numbers and signs the events from each subject's first number, and builds the CTEs that write everything. */
  private async build(events: PreparedEvent[], counts: Map<string, number>, firstSeq: Map<string, bigint>) {
    const next = new Map(firstSeq);
    const iss = this.issuer();
    const out: RecordedEvent[] = [];
    const rows: Insertable<ConsentEventsTable>[] = [];
    const numbered = events.map((e) => {
      const seqN = next.get(e.subjectId)!;
      next.set(e.subjectId, seqN + 1n);
      return { e, seq: String(seqN), id: `ce_${randomUUID().replace(/-/g, '')}` };
    });
    // receipts are signed concurrently: signing dominates the batch otherwise
    const receipts = await Promise.all(numbered.map(({ e, seq, id }) => this.signer.sign({
      iss, sub: e.subjectId, jti: id, iat: Math.floor(e.occurredAt.getTime() / 1000), seq, type: e.type, event: e.event, target: e.target,
      ...(e.recipient ? { recipient: e.recipient } : {}), ...(e.kind ? { kind: e.kind } : {}), action: e.action, registryVersion: e.registryVersion,
      ...(e.scopeHash ? { scopeHash: e.scopeHash } : {}), ...(e.noticeHash ? { noticeHash: e.noticeHash } : {}), channel: e.channel, ...(e.language ? { language: e.language } : {}),
    })));
    numbered.forEach(({ e, seq, id }, i) => {
      const receipt = receipts[i];
      rows.push({
        subject_id: e.subjectId, seq, id, type: e.type, event: e.event, target: e.target, recipient: e.recipient, kind: e.kind, action: e.action,
        registry_version: e.registryVersion, scope_hash: e.scopeHash, notice_hash: e.noticeHash, channel: e.channel, language: e.language,
        user_agent: e.userAgent, ip_prefix: e.ipPrefix, region: e.region, actor: e.actor, occurred_at: e.occurredAt, receipt,
      });
      out.push({ id, subjectId: e.subjectId, seq, type: e.type, event: e.event, target: e.target, recipient: e.recipient || null, receipt });
    });
    // The projection keeps the newest event per target; within one batch only the last one counts.
    const latest = new Map<string, Insertable<ConsentEventsTable> & { status: string }>();
    events.forEach((e, i) => latest.set(`${e.subjectId}\u0000${e.type}\u0000${e.target}\u0000${e.recipient}`, { ...rows[i], status: STATUS[e.event] }));
    const state = [...latest.values()].map((r) => ({
      subject_id: r.subject_id, type: r.type, target: r.target, recipient: r.recipient, status: r.status as 'granted', kind: r.kind, seq: r.seq,
      scope_hash: r.scope_hash, registry_version: r.registry_version, updated_at: r.occurred_at,
    }));
    const audits = auditInboxRows(events.map((e, i) => ({
      actor: e.actor === 'subject' ? `subject:${e.subjectId}` : `${e.actor}:${e.subjectId}`, action: `${e.type}.${e.event}`, subject: e.subjectId,
      target: e.recipient ? `${e.target}/${e.recipient}` : e.target, details: { seq: out[i].seq, event: out[i].id, channel: e.channel, registryVersion: e.registryVersion },
    })));
    const outbox = events.map((e, i) => ({
      topic: TOPIC[e.event], subject_id: e.subjectId, payload: JSON.stringify({ event: out[i].id, seq: out[i].seq, target: e.target, recipient: e.recipient || null, registryVersion: e.registryVersion }),
    }));
    // events, projection, audit inbox, outbox, the dispatch job and the feed notice as CTEs of one statement,
    // rows as one array per column (unnest) so the statement stays small whatever the batch size
    const col = <T,>(name: string, type: string, list: T[], f: (r: T) => unknown): UnnestColumn => [name, type, list.map(f)];
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d);
    const eventRows = unnestRows([
      col('subject_id', 'text', rows, (r) => r.subject_id), col('seq', 'bigint', rows, (r) => r.seq), col('id', 'text', rows, (r) => r.id),
      col('type', 'text', rows, (r) => r.type), col('event', 'text', rows, (r) => r.event), col('target', 'text', rows, (r) => r.target),
      col('recipient', 'text', rows, (r) => r.recipient), col('kind', 'text', rows, (r) => r.kind), col('action', 'text', rows, (r) => r.action),
      col('registry_version', 'integer', rows, (r) => r.registry_version), col('scope_hash', 'text', rows, (r) => r.scope_hash),
      col('notice_hash', 'text', rows, (r) => r.notice_hash), col('channel', 'text', rows, (r) => r.channel), col('language', 'text', rows, (r) => r.language),
      col('user_agent', 'text', rows, (r) => r.user_agent), col('ip_prefix', 'text', rows, (r) => r.ip_prefix), col('region', 'text', rows, (r) => r.region),
      col('actor', 'text', rows, (r) => r.actor), col('occurred_at', 'timestamptz', rows, (r) => iso(r.occurred_at)), col('receipt', 'text', rows, (r) => r.receipt),
    ]);
    const stateRows = unnestRows([
      col('subject_id', 'text', state, (r) => r.subject_id), col('type', 'text', state, (r) => r.type), col('target', 'text', state, (r) => r.target),
      col('recipient', 'text', state, (r) => r.recipient), col('status', 'text', state, (r) => r.status), col('kind', 'text', state, (r) => r.kind),
      col('seq', 'bigint', state, (r) => r.seq), col('scope_hash', 'text', state, (r) => r.scope_hash),
      col('registry_version', 'integer', state, (r) => r.registry_version), col('updated_at', 'timestamptz', state, (r) => iso(r.updated_at)),
    ]);
    // other processes drop these subjects from their projection caches when this commits (consent.feed.ts)
    const announce = this.opts.announce;
    const announcements = announce ? feedPayloads(announce.origin, counts.keys()) : [];
    const auditRows = unnestRows([col('body', 'text', audits, (a) => a.body), col('ts', 'timestamptz', audits, (a) => a.ts.toISOString())]);
    const outboxRows = unnestRows([col('topic', 'text', outbox, (o) => o.topic), col('subject_id', 'text', outbox, (o) => o.subject_id), col('payload', 'text', outbox, (o) => o.payload)]);
    const statement = sql`
      ev as (
        insert into consent_events (subject_id, seq, id, type, event, target, recipient, kind, action, registry_version, scope_hash, notice_hash,
                                    channel, language, user_agent, ip_prefix, region, actor, occurred_at, receipt) ${eventRows}
      ), st as (
        insert into consent_state (subject_id, type, target, recipient, status, kind, seq, scope_hash, registry_version, updated_at) ${stateRows}
        on conflict (subject_id, type, target, recipient) do update set status = excluded.status, kind = excluded.kind, seq = excluded.seq,
          scope_hash = excluded.scope_hash, registry_version = excluded.registry_version, updated_at = excluded.updated_at
        where consent_state.seq < excluded.seq
      ), au as (
        insert into audit_inbox (body, ts) ${auditRows}
      ), ob as (
        insert into outbox_events (topic, subject_id, payload) select topic, subject_id, payload::jsonb from (${outboxRows}) o returning id
      ), jb as (
        insert into jobs (queue, payload, run_at, max_attempts)
        select 'outbox.dispatch-many', jsonb_build_object('eventIds', jsonb_agg(ob.id::text order by ob.id)), now(), 8
        from ob cross join (select count(pg_notify(${announce?.channel ?? ''}, p)) from unnest(${announcements}::text[]) p) nt
      )`;
    return { out, statement };
  }
}

/**
 * CTEs `v`, `locked` and `res`: lock the subjects' rows in id order (writers of two processes cannot deadlock), then
 * move each active subject's event_seq on by its count of events; with `expected`, only where it still is that number.
 * `res` holds the subjects moved, with their new last number.
 */
function bumpSequences(ids: string[], counts: Map<string, number>, expected?: string[]) {
  const v = unnestRows([['id', 'text', ids], ['n', 'bigint', ids.map((id) => String(counts.get(id)))], ...(expected ? [['expected', 'bigint', expected] as UnnestColumn] : [])]);
  return sql`v as (${v}),
    locked as (select s.id from subjects s join v on v.id = s.id order by s.id for update of s),
    res as (update subjects s set event_seq = s.event_seq + v.n from v join locked l on l.id = v.id
            where s.id = v.id and s.status not in ('closed', 'erased')${expected ? sql` and s.event_seq = v.expected` : sql``} returning s.id, s.event_seq)`;
}

/** A predicted batch met a number another process took (or a closed person): the guard or the primary key says so. */
function isWrongPrediction(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string };
  return err.code === '22012' || (err.code === '23505' && err.constraint === 'consent_events_pk');
}

/** The batch named subjects that are closed or erased; the transaction rolls back and the writer sorts the requests. */
class SubjectsGone extends Error {
  constructor(readonly ids: Set<string>) {
    super('subjects closed or erased during the write');
  }
}
