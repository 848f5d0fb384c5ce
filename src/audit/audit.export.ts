// Checkpoint export: the newest signed checkpoint leaves the database (a file, a webhook through the caller's
// outbox), and the export is remembered, so a chain cut short before it is detected even if the head is rolled back.
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import type { Checkpoint, CheckpointSigner, ExportedCheckpoint, PublicJwk } from './audit.checkpoint.ts';
import type { Anchor } from './audit.verify.ts';

/** Somewhere checkpoints go; `deliver` runs inside the transaction that records the export. */
export interface CheckpointDestination {
  name: string;
  deliver: (trx: Transaction<Database>, checkpoint: ExportedCheckpoint) => Promise<void>;
}

type BlockRow = { block_no: string; first_seq: string; last_seq: string; block_hash: string; ms: number; kid: string | null; signature: string | null };

const toCheckpoint = (b: BlockRow): Checkpoint => ({ blockNo: b.block_no, firstSeq: b.first_seq, lastSeq: b.last_seq, hash: b.block_hash, ts: new Date(Math.round(b.ms)).toISOString(), kid: b.kid!, sig: b.signature! });

/** Signed checkpoints, oldest first, after block `after`. */
export async function listCheckpoints(db: Kysely<Database>, opts: { after?: string; limit?: number } = {}): Promise<Checkpoint[]> {
  const rows = await sql<BlockRow>`
    select block_no, first_seq, last_seq, block_hash, (extract(epoch from created_at) * 1000)::float8 as ms, kid, signature
    from audit_blocks where signature is not null and block_no > ${opts.after ?? '0'} order by block_no limit ${opts.limit ?? 100}`.execute(db);
  return rows.rows.map(toCheckpoint);
}

/** The newest signed checkpoint, if any block is signed. */
export async function latestCheckpoint(db: Kysely<Database>): Promise<Checkpoint | undefined> {
  const rows = await sql<BlockRow>`
    select block_no, first_seq, last_seq, block_hash, (extract(epoch from created_at) * 1000)::float8 as ms, kid, signature
    from audit_blocks where signature is not null order by block_no desc limit 1`.execute(db);
  return rows.rows[0] && toCheckpoint(rows.rows[0]);
}

/** Exports the newest checkpoint to each destination that has not had it yet; returns what was exported where. */
export async function exportCheckpoint(db: Kysely<Database>, signer: CheckpointSigner, destinations: CheckpointDestination[]): Promise<{ checkpoint?: ExportedCheckpoint; exportedTo: string[] }> {
  const cp = await latestCheckpoint(db);
  if (!cp) return { exportedTo: [] };
  if (cp.kid !== signer.kid) throw new AppError('AUDIT_CHAIN_BROKEN', `the newest checkpoint is signed by key ${cp.kid}, not this deployment's key ${signer.kid}`);
  const exported: ExportedCheckpoint = { type: 'custodia.audit.checkpoint', ...cp, jwk: signer.jwk };
  const exportedTo: string[] = [];
  for (const d of destinations) {
    const done = await db.selectFrom('audit_exports').select('id').where('destination', '=', d.name).where('block_no', '>=', cp.blockNo).limit(1).executeTakeFirst();
    if (done) continue;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_exports').values({ destination: d.name, block_no: cp.blockNo, last_seq: cp.lastSeq, checkpoint: JSON.stringify(exported) }).execute();
      await d.deliver(trx, exported);
    });
    exportedTo.push(d.name);
  }
  return { checkpoint: exported, exportedTo };
}

/** Appends checkpoints to a JSON Lines file and syncs it; the file is the copy kept outside the database. */
export function fileDestination(path: string): CheckpointDestination {
  return { name: `file:${path}`, deliver: async (_trx, cp) => appendCheckpoint(path, cp) };
}

/** Appends one checkpoint line to an export file and syncs it (also for copies fetched over the API). */
export function appendCheckpoint(path: string, cp: ExportedCheckpoint): void {
  appendFileSync(path, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The newest checkpoint of an export file as an anchor; none when the file does not exist yet. */
export function exportFileAnchors(path: string | undefined): Anchor[] {
  if (!path || !existsSync(path)) return [];
  const { anchor } = readCheckpointFile(path);
  return anchor ? [anchor] : [];
}

const Line = z.object({
  type: z.literal('custodia.audit.checkpoint'),
  blockNo: z.string().regex(/^\d+$/),
  firstSeq: z.string().regex(/^\d+$/),
  lastSeq: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  ts: z.string(),
  kid: z.string(),
  sig: z.string(),
  jwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string() }),
});

/** Reads an exported checkpoint file: the newest checkpoint as an anchor, and the keys the file names. */
export function readCheckpointFile(path: string): { anchor?: Anchor; keys: PublicJwk[] } {
  if (!existsSync(path)) throw new AppError('VALIDATION_FAILED', `checkpoint file ${path} does not exist`);
  const keys = new Map<string, PublicJwk>();
  let newest: ExportedCheckpoint | undefined;
  readFileSync(path, 'utf8').split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('VALIDATION_FAILED', `${path}:${i + 1}: not JSON`);
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', `${path}:${i + 1}: not a checkpoint (${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')})`);
    const cp = parsed.data;
    keys.set(cp.jwk.kid, cp.jwk);
    if (!newest || BigInt(cp.lastSeq) > BigInt(newest.lastSeq)) newest = cp;
  });
  return { anchor: newest && { source: `file:${path}`, checkpoint: newest }, keys: [...keys.values()] };
}
