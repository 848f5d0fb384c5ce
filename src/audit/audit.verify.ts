// Verifies the audit chain from the database: sequence, links, hashes, blocks and their signed checkpoints, and
// that the chain still reaches every checkpoint that was exported; reports the first bad entry.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import type { Checkpoint, TrustedKeys } from './audit.checkpoint.ts';
import { entryHashIso, GENESIS_HASH } from './audit.model.ts';

/** An exported checkpoint the chain must still reach, and where it was found. */
export interface Anchor {
  source: string;
  checkpoint: Checkpoint;
}

/** The verdict of a verification run. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  blocks: number;
  lastSeq: string;
  lastHash: string;
  firstBad?: { seq: string; reason: string };
  /** Signed blocks, unsigned (older) blocks, whether signatures were checked, and the newest exported checkpoint held against the chain. */
  checkpoints: { signed: number; unsigned: number; signaturesChecked: boolean; anchor?: { source: string; blockNo: string; lastSeq: string } };
}

export interface VerifyOptions {
  pageSize?: number;
  /** Keys trusted to sign checkpoints; without them signatures are not checked (and the verdict says so). */
  keys?: TrustedKeys;
  /** Exported checkpoints from outside the database (files); the newest recorded export in the database is added. */
  anchors?: Anchor[];
}

/** Walks the whole chain in pages; stops at the first entry that does not verify. */
export async function verifyAuditChain(db: Kysely<Database>, opts: VerifyOptions = {}): Promise<AuditVerification> {
  const pageSize = opts.pageSize ?? 20_000;
  const anchors = [...(opts.anchors ?? []), ...(await recordedAnchor(db))];
  const anchorHashes = new Map(anchors.map((a) => [a.checkpoint.lastSeq, '']));
  const checkpoints: AuditVerification['checkpoints'] = { signed: 0, unsigned: 0, signaturesChecked: !!opts.keys };
  let prev = GENESIS_HASH;
  let expected = 1n;
  let entries = 0;
  let blocks = 0;
  const fail = (seq: string, reason: string): AuditVerification => ({ ok: false, entries, blocks, lastSeq: String(expected - 1n), lastHash: prev, firstBad: { seq, reason }, checkpoints });
  // Pages are read ahead while the previous page is hashed; timestamps come as epoch milliseconds (cheaper than dates).
  const page = (from: bigint) =>
    sql<{ seq: string; iso: string; body: string; hash: string }>`
      select seq, to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso, body, hash from audit_entries
      where seq >= ${String(from)} order by seq limit ${pageSize}`.execute(db).then((r) => r.rows);
  let next = page(expected);
  for (;;) {
    const rows = await next;
    if (rows.length === pageSize) next = page(expected + BigInt(pageSize));
    for (const r of rows) {
      const seq = BigInt(r.seq);
      if (seq !== expected) return fail(String(expected), `entry ${expected} is missing (next present is ${r.seq})`);
      if (entryHashIso(prev, r.seq, r.iso, r.body) !== r.hash) {
        const stored = await db.selectFrom('audit_entries').select('prev_hash').where('seq', '=', r.seq).executeTakeFirstOrThrow();
        return fail(r.seq, stored.prev_hash !== prev ? 'link to the previous entry is broken (entry reordered, replaced or a predecessor edited)' : 'content does not match its hash (entry edited)');
      }
      if (anchorHashes.has(r.seq)) anchorHashes.set(r.seq, r.hash);
      prev = r.hash;
      expected++;
      entries++;
    }
    if (rows.length < pageSize) break;
    if (BigInt(rows[rows.length - 1].seq) + 1n !== expected) break;
  }
  const last = expected - 1n;
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.last_seq !== String(last) || head.last_hash !== prev) {
    return fail(String(expected), `the chain ends at entry ${last} but its head says ${head.last_seq} (entries truncated)`);
  }

  // blocks: contiguous, each ending on its entry's hash, each checkpoint signed by a trusted key
  let covered = 0n;
  for (let from = 0n; ; ) {
    const rows = await sql<{ block_no: string; first_seq: string; last_seq: string; block_hash: string; ms: number; kid: string | null; signature: string | null; entry_hash: string | null }>`
      select b.block_no, b.first_seq, b.last_seq, b.block_hash, (extract(epoch from b.created_at) * 1000)::float8 as ms, b.kid, b.signature, e.hash as entry_hash
      from audit_blocks b left join audit_entries e on e.seq = b.last_seq
      where b.block_no > ${String(from)} order by b.block_no limit ${pageSize}`.execute(db).then((r) => r.rows);
    for (const b of rows) {
      if (BigInt(b.first_seq) !== covered + 1n) return fail(b.first_seq, `block ${b.block_no} starts at entry ${b.first_seq}, not ${covered + 1n} (blocks deleted or rewritten)`);
      if (b.entry_hash !== b.block_hash) return fail(b.last_seq, `block ${b.block_no} does not match its last entry`);
      if (b.kid === null || b.signature === null) {
        if (checkpoints.signed > 0) return fail(b.last_seq, `block ${b.block_no} has no checkpoint signature although earlier blocks are signed (signature stripped)`);
        checkpoints.unsigned++;
      } else {
        checkpoints.signed++;
        const verdict = opts.keys?.check({ blockNo: b.block_no, firstSeq: b.first_seq, lastSeq: b.last_seq, hash: b.block_hash, ts: new Date(Math.round(b.ms)).toISOString(), kid: b.kid, sig: b.signature });
        if (verdict === 'bad') return fail(b.last_seq, `the checkpoint signature of block ${b.block_no} does not verify (block rewritten or its signature replaced)`);
        if (verdict === 'unknown-key') return fail(b.last_seq, `block ${b.block_no} is signed by key ${b.kid}, which this deployment does not trust`);
      }
      covered = BigInt(b.last_seq);
      blocks++;
    }
    if (rows.length < pageSize) break;
    from = BigInt(rows[rows.length - 1].block_no);
  }
  if (covered !== last) return fail(String(covered + 1n), `entries after ${covered} belong to no block (blocks deleted)`);

  // exported checkpoints: the chain must still reach each, with the same hash
  for (const a of anchors.sort((x, y) => Number(BigInt(y.checkpoint.lastSeq) - BigInt(x.checkpoint.lastSeq)))) {
    const c = a.checkpoint;
    const verdict = opts.keys?.check(c);
    if (verdict === 'bad') return fail(c.lastSeq, `the checkpoint of block ${c.blockNo} from ${a.source} has a signature that does not verify (checkpoint forged or altered)`);
    if (verdict === 'unknown-key') continue; // an anchor we cannot authenticate proves nothing
    if (BigInt(c.lastSeq) > last) {
      return fail(String(last + 1n), `entries ${last + 1n} to ${c.lastSeq} are missing: the checkpoint of block ${c.blockNo} exported to ${a.source} at ${c.ts} covers entry ${c.lastSeq}, but the chain ends at ${last} (truncated)`);
    }
    if (anchorHashes.get(c.lastSeq) !== c.hash) {
      return fail(c.lastSeq, `entry ${c.lastSeq} is not the one the checkpoint of block ${c.blockNo} exported to ${a.source} signed (chain rewritten)`);
    }
    checkpoints.anchor ??= { source: a.source, blockNo: c.blockNo, lastSeq: c.lastSeq };
  }
  return { ok: true, entries, blocks, lastSeq: head.last_seq, lastHash: prev, checkpoints };
}

// The newest export the database remembers (a file or webhook copy outside it is the stronger anchor).
async function recordedAnchor(db: Kysely<Database>): Promise<Anchor[]> {
  const row = await db.selectFrom('audit_exports').select(['destination', 'checkpoint']).orderBy('last_seq', 'desc').limit(1).executeTakeFirst();
  return row ? [{ source: row.destination, checkpoint: (typeof row.checkpoint === 'string' ? JSON.parse(row.checkpoint) : row.checkpoint) as Checkpoint }] : [];
}
