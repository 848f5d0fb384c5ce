// The audit writer: chains entries in blocks (group commit) from an in-memory buffer and from the inbox table.
import { sql, type Kysely, type Transaction } from 'kysely';
import { unnestRows, type Database } from '../store/index.ts';
import type { CheckpointSigner } from './audit.checkpoint.ts';
import { entryHash, serializeEvent, type AuditEvent } from './audit.model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Records an event inside the caller's transaction, so the change and its audit entry commit together. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await recordAudits(db, [event]);
}

/** Records several events inside the caller's transaction with one statement (batch writers). */
export async function recordAudits(db: Db, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insertInto('audit_inbox').values(auditInboxRows(events)).execute();
}

/** The audit inbox rows of events, for batch writers that insert them within a larger statement. */
export function auditInboxRows(events: AuditEvent[]): { body: string; ts: Date }[] {
  const ts = new Date();
  return events.map((e) => ({ body: serializeEvent(e), ts }));
}

interface Item {
  body: string;
  ts: Date;
  action: string;
  subject: string | null;
}

interface Pending extends Item {
  resolve: (seq: string) => void;
  reject: (e: unknown) => void;
}

interface Head {
  seq: bigint;
  hash: string;
  block: bigint;
}

/**
 * One writer per process. `append` resolves once the entry is durable and chained; entries arriving while a
 * block is being written wait for the next block, so one statement carries many entries. The chain head is
 * kept in memory and advanced with a compare-and-set, so several processes can share one database.
 */
export class AuditWriter {
  private buffer: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private head: Head | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: { maxBlock?: number; inboxPollMs?: number; signer?: CheckpointSigner } = {},
  ) {}

  /** Appends one event and resolves with its sequence number once committed. */
  append(event: AuditEvent): Promise<string> {
    return new Promise((resolve, reject) => {
      this.buffer.push({ body: serializeEvent(event), ts: new Date(), action: event.action, subject: event.subject ?? null, resolve, reject });
      if (!this.flushing) this.flushing = this.drainBuffer();
    });
  }

  /** Chains everything buffered and everything waiting in the inbox now. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.drainInbox().then(() => this.drainBuffer());
    await this.flushing;
  }

  /** Polls the inbox (entries written inside other transactions) so they get chained promptly. */
  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => {
        this.flush().catch(() => {}).finally(tick);
      }, this.opts.inboxPollMs ?? 500);
      this.timer.unref?.();
    };
    tick();
  }

  /** Stops polling and writes what is left. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.flush();
  }

  private async drainBuffer(): Promise<void> {
    try {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, this.opts.maxBlock ?? 2000);
        try {
          const seqs = await this.withHead((head) => this.writeBlock(this.db, head, batch));
          batch.forEach((p, i) => p.resolve(seqs[i]));
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async drainInbox(): Promise<void> {
    for (;;) {
      const n = await this.withHead((head) =>
        this.db.transaction().execute(async (trx) => {
          const rows = await sql<{ id: string; ts: Date; body: string }>`
            select id, ts, body from audit_inbox order by id limit ${this.opts.maxBlock ?? 2000} for update skip locked`.execute(trx);
          if (rows.rows.length === 0) return [];
          const seqs = await this.writeBlock(trx, head, rows.rows.map((r) => {
            const e = JSON.parse(r.body) as AuditEvent;
            return { body: r.body, ts: new Date(r.ts), action: e.action, subject: e.subject ?? null };
          }));
          await trx.deleteFrom('audit_inbox').where('id', 'in', rows.rows.map((r) => r.id)).execute();
          return seqs;
        }),
      );
      if (n.length < (this.opts.maxBlock ?? 2000)) return;
    }
  }

  // Runs a block write against the cached head; when another writer moved the head, reload it and try again.
  private async withHead(write: (head: Head) => Promise<string[]>): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      if (!this.head) {
        const h = await this.db.selectFrom('audit_head').select(['last_seq', 'last_hash', 'last_block']).where('id', '=', 1).executeTakeFirstOrThrow();
        this.head = { seq: BigInt(h.last_seq), hash: h.last_hash, block: BigInt(h.last_block) };
      }
      try {
        return await write(this.head);
      } catch (e) {
        this.head = undefined;
        if (!(e instanceof HeadMoved) || attempt > 20) throw e;
      }
    }
  }

  // One statement: advance the head only if it is still where we think, and insert the block and its entries.
  private async writeBlock(db: Db, head: Head, items: Item[]): Promise<string[]> {
    if (items.length === 0) return [];
    const n = items.length;
    const seqs: string[] = new Array(n);
    const tss: string[] = new Array(n);
    const prevs: string[] = new Array(n);
    const hashes: string[] = new Array(n);
    let seq = head.seq;
    let prev = head.hash;
    for (let i = 0; i < n; i++) {
      seq += 1n;
      seqs[i] = String(seq);
      tss[i] = items[i].ts.toISOString();
      prevs[i] = prev;
      prev = hashes[i] = entryHash(prev, seqs[i], items[i].ts, items[i].body);
    }
    const block = head.block + 1n;
    const first = head.seq + 1n;
    // the checkpoint is signed before the statement, so a block is never stored without its signature
    const at = new Date();
    const cp = this.opts.signer?.sign({ blockNo: String(block), firstSeq: String(first), lastSeq: String(seq), hash: prev, ts: at.toISOString() });
    const r = await sql<{ moved: number }>`
      with h as (
        update audit_head set last_seq = ${String(seq)}, last_hash = ${prev}, last_block = ${String(block)}
        where id = 1 and last_seq = ${String(head.seq)} returning 1
      ), b as (
        insert into audit_blocks (block_no, first_seq, last_seq, block_hash, created_at, kid, signature)
        select ${String(block)}, ${String(first)}, ${String(seq)}, ${prev}, ${at}::timestamptz, ${cp?.kid ?? null}, ${cp?.sig ?? null} from h
      ), e as (
        insert into audit_entries (seq, block_no, ts, action, subject, body, prev_hash, hash)
        select v.seq, ${String(block)}, v.ts, v.action, v.subject, v.body, v.prev_hash, v.hash
        from (${unnestRows([
          ['seq', 'bigint', seqs], ['ts', 'timestamptz', tss], ['action', 'text', items.map((it) => it.action)], ['subject', 'text', items.map((it) => it.subject)],
          ['body', 'text', items.map((it) => it.body)], ['prev_hash', 'text', prevs], ['hash', 'text', hashes],
        ])}) v
        where exists (select 1 from h)
      )
      select count(*)::int as moved from h`.execute(db);
    if (r.rows[0].moved !== 1) throw new HeadMoved();
    this.head = { seq, hash: prev, block };
    return seqs;
  }
}

class HeadMoved extends Error {
  constructor() {
    super('the audit chain head was advanced by another writer');
  }
}
