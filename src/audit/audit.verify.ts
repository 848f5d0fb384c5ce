// Verifies the audit chain from the database: sequence, links, hashes and blocks; reports the first bad entry.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { entryHash, GENESIS_HASH } from './audit.model.ts';

/** The verdict of a verification run. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  blocks: number;
  lastSeq: string;
  lastHash: string;
  firstBad?: { seq: string; reason: string };
}

/** Walks the whole chain in pages; stops at the first entry that does not verify. */
export async function verifyAuditChain(db: Kysely<Database>, opts: { pageSize?: number } = {}): Promise<AuditVerification> {
  const pageSize = opts.pageSize ?? 20_000;
  let prev = GENESIS_HASH;
  let expected = 1n;
  let entries = 0;
  const fail = (seq: string, reason: string): AuditVerification => ({ ok: false, entries, blocks: 0, lastSeq: String(expected - 1n), lastHash: prev, firstBad: { seq, reason } });
  // Pages are read ahead while the previous page is hashed; timestamps come as epoch milliseconds (cheaper than dates).
  const page = (from: bigint) =>
    sql<{ seq: string; ms: number; body: string; hash: string }>`
      select seq, (extract(epoch from ts) * 1000)::float8 as ms, body, hash from audit_entries
      where seq >= ${String(from)} order by seq limit ${pageSize}`.execute(db).then((r) => r.rows);
  let next = page(expected);
  for (;;) {
    const rows = await next;
    if (rows.length === pageSize) next = page(expected + BigInt(pageSize));
    for (const r of rows) {
      const seq = BigInt(r.seq);
      if (seq !== expected) return fail(String(expected), `entry ${expected} is missing (next present is ${r.seq})`);
      if (entryHash(prev, r.seq, new Date(Math.round(r.ms)), r.body) !== r.hash) {
        const stored = await db.selectFrom('audit_entries').select('prev_hash').where('seq', '=', r.seq).executeTakeFirstOrThrow();
        return fail(r.seq, stored.prev_hash !== prev ? 'link to the previous entry is broken (entry reordered, replaced or a predecessor edited)' : 'content does not match its hash (entry edited)');
      }
      prev = r.hash;
      expected++;
      entries++;
    }
    if (rows.length < pageSize) break;
    if (BigInt(rows[rows.length - 1].seq) + 1n !== expected) break;
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.last_seq !== String(expected - 1n) || head.last_hash !== prev) {
    return fail(String(expected), `the chain ends at entry ${expected - 1n} but its head says ${head.last_seq} (entries truncated)`);
  }
  const blocks = await db.selectFrom('audit_blocks').select(['block_no', 'last_seq', 'block_hash']).orderBy('block_no').execute();
  const hashAt = new Map<string, string>();
  if (blocks.length > 0) {
    const ends = await db.selectFrom('audit_entries').select(['seq', 'hash']).where('seq', 'in', blocks.map((b) => b.last_seq)).execute();
    for (const e of ends) hashAt.set(e.seq, e.hash);
  }
  for (const b of blocks) {
    if (hashAt.get(b.last_seq) !== b.block_hash) return { ...fail(b.last_seq, `block ${b.block_no} does not match its last entry`), entries };
  }
  return { ok: true, entries, blocks: blocks.length, lastSeq: head.last_seq, lastHash: prev };
}
