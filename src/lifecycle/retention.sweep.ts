// Retention sweeps: erase what the registry says has expired, batch by batch, skipping held values (PIPL 19/47, PIPA 21, GDPR 5(1)(e)).
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { activeHoldSql, notHeldSql, scanExpired, type ExpiredValue, type UndecidedGroup } from './retention.scan.ts';

/** Counts of one category under the purpose whose retention decided. */
export interface RetentionCount {
  category: string;
  purpose: string;
  count: number;
}

/** What would go at `at`: counts, the first items (ids only), held values and values no date decides. */
export interface RetentionPlan {
  at: string;
  total: number;
  counts: RetentionCount[];
  items: { subjectId: string; category: string; purpose: string; expiresAt: string }[];
  held: number;
  undecided: UndecidedGroup[];
}

/** What a sweep erased. */
export interface SweepResult {
  at: string;
  erased: number;
  counts: RetentionCount[];
  batches: number;
  keysDestroyed: number;
  held: number;
  seconds: number;
}

/** The actor sweeps write as. */
export const RETENTION_ACTOR = 'system:retention';

function tally(into: Map<string, RetentionCount>, values: ExpiredValue[]): void {
  for (const v of values) {
    const k = `${v.category}\u0000${v.purpose}`;
    const c = into.get(k) ?? { category: v.category, purpose: v.purpose, count: 0 };
    c.count++;
    into.set(k, c);
  }
}

const sorted = (m: Map<string, RetentionCount>) => [...m.values()].sort((a, b) => a.category.localeCompare(b.category) || a.purpose.localeCompare(b.purpose));

/** Values kept under an active hold right now. */
async function heldCount(deps: LifecycleDeps, now: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from legal_hold_values hv join legal_holds h on h.id = hv.hold_id where ${activeHoldSql(now)}`.execute(deps.db);
  return r.rows[0]?.n ?? 0;
}

/** Lists what a sweep at `now` would erase, changing nothing. */
export async function planRetention(deps: LifecycleDeps, now: Date, opts: { items?: number } = {}): Promise<RetentionPlan> {
  const registry = await deps.registry();
  const counts = new Map<string, RetentionCount>();
  const items: RetentionPlan['items'] = [];
  const limit = opts.items ?? 100;
  const { undecided } = await scanExpired(deps, registry, now, async (_c, batch) => {
    tally(counts, batch);
    for (const v of batch) if (items.length < limit) items.push({ subjectId: v.subjectId, category: v.category, purpose: v.purpose, expiresAt: v.expiresAt });
  });
  const total = [...counts.values()].reduce((n, c) => n + c.count, 0);
  return { at: now.toISOString(), total, counts: sorted(counts), items, held: await heldCount(deps, now), undecided };
}

/**
 * Erases expired values in small transactions (rows, blind indexes and one audit entry per batch, counts only), then
 * destroys the data keys no remaining value needs, so backups of the erased rows become unreadable too.
 */
export async function runRetentionSweep(deps: LifecycleDeps, now: Date, actor = RETENTION_ACTOR): Promise<SweepResult> {
  const started = Date.now();
  const registry = await deps.registry();
  const counts = new Map<string, RetentionCount>();
  let erased = 0;
  let batches = 0;
  let keysDestroyed = 0;
  await scanExpired(deps, registry, now, async (category, batch) => {
    const ids = batch.map((v) => v.subjectId);
    const gone = await deps.db.transaction().execute(async (trx) => {
      // the hold test again at delete time: a hold placed since the scan wins
      const del = await sql<{ subject_id: string; retention_class: string }>`delete from vault_values v where v.category = ${category} and v.subject_id in (${sql.join(ids)}) and ${notHeldSql(now)} returning v.subject_id, v.retention_class`.execute(trx);
      const done = new Set(del.rows.map((r) => r.subject_id));
      if (done.size === 0) return del.rows;
      await trx.deleteFrom('vault_lookup').where('category', '=', category).where('subject_id', 'in', [...done]).execute();
      const erasedNow = batch.filter((v) => done.has(v.subjectId));
      const byPurpose = new Map<string, RetentionCount>();
      tally(byPurpose, erasedNow);
      await recordAudit(trx, { actor, action: 'retention.erase', categories: [category], details: { at: now.toISOString(), count: erasedNow.length, purposes: Object.fromEntries([...byPurpose.values()].map((c) => [c.purpose, c.count])) } });
      tally(counts, erasedNow);
      return del.rows;
    });
    erased += gone.length;
    batches++;
    keysDestroyed += await destroyUnusedKeys(deps, gone);
  });
  const result: SweepResult = { at: now.toISOString(), erased, counts: sorted(counts), batches, keysDestroyed, held: await heldCount(deps, now), seconds: (Date.now() - started) / 1000 };
  await recordAudit(deps.db, { actor, action: 'retention.sweep', details: { at: result.at, erased, batches, keysDestroyed, held: result.held, counts: result.counts } });
  return result;
}

// Crypto-shredding after retention: a (subject, class) key with no value left protects only old copies, so it goes.
async function destroyUnusedKeys(deps: LifecycleDeps, gone: { subject_id: string; retention_class: string }[]): Promise<number> {
  if (gone.length === 0) return 0;
  const pairs = [...new Map(gone.map((g) => [`${g.subject_id}\u0000${g.retention_class}`, g])).values()];
  const left = await deps.db.selectFrom('vault_values').select(['subject_id', 'retention_class']).where('subject_id', 'in', pairs.map((p) => p.subject_id)).execute();
  const still = new Set(left.map((r) => `${r.subject_id}\u0000${r.retention_class}`));
  let n = 0;
  for (const p of pairs) {
    if (still.has(`${p.subject_id}\u0000${p.retention_class}`)) continue;
    await deps.keyring.destroy(p.subject_id, [p.retention_class]);
    n++;
  }
  return n;
}
