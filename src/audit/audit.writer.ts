// The single audit writer: chains entries in blocks (group commit) from an in-memory buffer and the inbox table.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.ts';
import { entryHash, serializeEvent, type AuditEvent } from './audit.model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Records an event inside the caller's transaction, so the change and its audit entry commit together. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_inbox').values({ body: serializeEvent(event), ts: new Date() }).execute();
}

interface Pending {
  body: string;
  ts: Date;
  resolve: (seq: string) => void;
  reject: (e: unknown) => void;
}

/**
 * One writer per process. `append` resolves once the entry is durable and chained; entries arriving while a
 * block is being written wait for the next block, so one transaction carries many entries.
 */
export class AuditWriter {
  private buffer: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: { maxBlock?: number; inboxPollMs?: number } = {},
  ) {}

  /** Appends one event and resolves with its sequence number once committed. */
  append(event: AuditEvent): Promise<string> {
    return new Promise((resolve, reject) => {
      this.buffer.push({ body: serializeEvent(event), ts: new Date(), resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Chains everything buffered and everything in the inbox now. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    this.flushing = this.flushLoop();
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

  private async flushLoop(): Promise<void> {
    try {
      for (;;) {
        const batch = this.buffer.splice(0, this.opts.maxBlock ?? 2000);
        const wrote = await this.writeBlock(batch).then(
          (n) => n,
          (e) => {
            for (const p of batch) p.reject(e);
            return 0;
          },
        );
        if (batch.length === 0 && wrote === 0) break;
        if (this.buffer.length === 0 && wrote < (this.opts.maxBlock ?? 2000)) break;
      }
    } finally {
      this.flushing = undefined;
      if (this.buffer.length > 0) this.flushing = this.flushLoop();
    }
  }

  // Returns how many entries the block chained (buffered plus inbox).
  private async writeBlock(batch: Pending[]): Promise<number> {
    const { seqs, total } = await this.db.transaction().execute(async (trx) => {
      const head = await sql<{ last_seq: string; last_hash: string; last_block: string }>`
        select last_seq, last_hash, last_block from audit_head where id = 1 for update`.execute(trx);
      const inbox = await trx.selectFrom('audit_inbox').select(['id', 'ts', 'body']).orderBy('id').limit(this.opts.maxBlock ?? 2000).execute();
      const items = [...inbox.map((r) => ({ body: r.body, ts: new Date(r.ts) })), ...batch];
      if (items.length === 0) return { seqs: [] as string[], total: 0 };
      let { last_seq: seq, last_hash: prev } = head.rows[0];
      const block = String(BigInt(head.rows[0].last_block) + 1n);
      const firstSeq = String(BigInt(seq) + 1n);
      const rows = items.map((it) => {
        seq = String(BigInt(seq) + 1n);
        const hash = entryHash(prev, seq, it.ts, it.body);
        const parsed = JSON.parse(it.body) as AuditEvent;
        const row = { seq, block_no: block, ts: it.ts, action: parsed.action, subject: parsed.subject ?? null, body: it.body, prev_hash: prev, hash };
        prev = hash;
        return row;
      });
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('audit_entries').values(rows.slice(i, i + 500)).execute();
      await trx.insertInto('audit_blocks').values({ block_no: block, first_seq: firstSeq, last_seq: seq, block_hash: prev }).execute();
      await trx.updateTable('audit_head').set({ last_seq: seq, last_hash: prev, last_block: block }).where('id', '=', 1).execute();
      if (inbox.length > 0) await trx.deleteFrom('audit_inbox').where('id', 'in', inbox.map((r) => r.id)).execute();
      return { seqs: rows.slice(inbox.length).map((r) => r.seq), total: rows.length };
    });
    batch.forEach((p, i) => p.resolve(seqs[i]));
    return total;
  }
}
