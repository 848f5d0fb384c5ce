// Retention sweeps: erase what the registry says has expired, batch by batch, skipping held values (PIPL 19/47, PIPA 21, GDPR 5(1)(e)).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { LOOKUP_KINDS } from '../vault/index.ts';
import { activeHoldSql, expiryGroups, notHeldSql, selectPage, type ExpiredValue, type ExpiryGroup, type Row, type UndecidedGroup } from './retention.scan.ts';

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
  const batch = deps.batchSize ?? 5000;
  const counts = new Map<string, RetentionCount>();
  const items: RetentionPlan['items'] = [];
  const limit = opts.items ?? 100;
  const { groups, undecided } = await expiryGroups(deps, registry, now);
  for (const g of groups) {
    for (let after = ''; ;) {
      const page = await selectPage(deps, g, after, batch);
      tally(counts, page.expired);
      for (const v of page.expired) if (items.length < limit) items.push({ subjectId: v.subjectId, category: v.category, purpose: v.purpose, expiresAt: v.expiresAt });
      if (page.rows < batch || page.last === null) break;
      after = page.last;
    }
  }
  const total = [...counts.values()].reduce((n, c) => n + c.count, 0);
  return { at: now.toISOString(), total, counts: sorted(counts), items, held: await heldCount(deps, now), undecided };
}

type Gone = { subject_id: string; retention_class: string };

/** A claimed page held a value that has not expired: roll back and take the careful path. */
class NotAllExpired extends Error {}

/**
 * Erases expired values in small transactions (rows, blind indexes and one audit entry per page, counts only), then
 * destroys the data keys no remaining value needs, so backups of the erased rows become unreadable too.
 */
export async function runRetentionSweep(deps: LifecycleDeps, now: Date, actor = RETENTION_ACTOR): Promise<SweepResult> {
  const started = Date.now();
  const registry = await deps.registry();
  const batch = deps.batchSize ?? 5000;
  const lookups = new Set(registry.categories.filter((c) => Object.values(LOOKUP_KINDS).some((k) => k.includes(c.kind))).map((c) => c.id));
  const counts = new Map<string, RetentionCount>();
  let erased = 0;
  let batches = 0;
  let keysDestroyed = 0;
  const { groups } = await expiryGroups(deps, registry, now);
  for (const g of groups) {
    for (let after = ''; ;) {
      let page: { rows: number; last: string | null; gone: Gone[] };
      try {
        page = await claimPage(deps, g, after, batch, finish);
      } catch (e) {
        if (!(e instanceof NotAllExpired)) throw e;
        const looked = await selectPage(deps, g, after, batch);
        const gone = looked.expired.length === 0 ? [] : await deps.db.transaction().execute(async (trx) => {
          const del = await sql<Gone>`delete from vault_values v where v.category = ${g.category} and v.subject_id = any(${looked.expired.map((v) => v.subjectId)}::text[]) and ${notHeldSql(now)} returning v.subject_id, v.retention_class`.execute(trx);
          const done = new Set(del.rows.map((r) => r.subject_id));
          await finish(trx, g.category, looked.expired.filter((v) => done.has(v.subjectId)), del.rows);
          return del.rows;
        });
        page = { rows: looked.rows, last: looked.last, gone };
      }
      erased += page.gone.length;
      if (page.gone.length > 0) batches++;
      keysDestroyed += await destroyUnusedKeys(deps, page.gone, after, page.last);
      // let other work on this process (reads) run between pages
      await new Promise((resolve) => setImmediate(resolve));
      if (page.rows < batch || page.last === null) break;
      after = page.last;
    }
  }
  const result: SweepResult = { at: now.toISOString(), erased, counts: sorted(counts), batches, keysDestroyed, held: await heldCount(deps, now), seconds: (Date.now() - started) / 1000 };
  await recordAudit(deps.db, { actor, action: 'retention.sweep', details: { at: result.at, erased, batches, keysDestroyed, held: result.held, counts: result.counts } });
  return result;

  // blind indexes and one audit entry (counts only) in the page's transaction
  async function finish(trx: Kysely<Database>, category: string, values: ExpiredValue[], gone: Gone[]): Promise<void> {
    if (gone.length === 0) return;
    if (lookups.has(category)) await sql`delete from vault_lookup where category = ${category} and subject_id = any(${gone.map((r) => r.subject_id)}::text[])`.execute(trx);
    const byPurpose = new Map<string, RetentionCount>();
    tally(byPurpose, values);
    await recordAudit(trx, { actor, action: 'retention.erase', categories: [category], details: { at: now.toISOString(), count: values.length, purposes: Object.fromEntries([...byPurpose.values()].map((c) => [c.purpose, c.count])) } });
    tally(counts, values);
  }
}

// The fast path: one statement deletes the next page of the group's candidates and returns what the judge needs; if the
// judge finds a value that has not expired (the SQL prefilter is only a bound), the transaction rolls back.
async function claimPage(deps: LifecycleDeps, g: ExpiryGroup, after: string, batch: number, finish: (trx: Kysely<Database>, category: string, values: ExpiredValue[], gone: Gone[]) => Promise<void>) {
  return deps.db.transaction().execute(async (trx) => {
    const del = await sql<Row>`with p as (select v.subject_id, ${g.claim.select} from vault_values v, subjects s where ${g.where} and v.subject_id > ${after} order by v.subject_id limit ${batch})
      delete from vault_values v using p where v.subject_id = p.subject_id and v.category = ${g.category} returning ${g.claim.returning}`.execute(trx);
    const values: ExpiredValue[] = [];
    let last: string | null = null;
    for (const r of del.rows) {
      const v = g.judge(r);
      if (!v) throw new NotAllExpired();
      values.push(v);
      if (last === null || r.subject_id > last) last = r.subject_id;
    }
    await finish(trx, g.category, values, del.rows);
    return { rows: del.rows.length, last, gone: del.rows.map((r) => ({ subject_id: r.subject_id, retention_class: r.retention_class })) };
  });
}

// Crypto-shredding after retention: a (subject, class) key with no value left protects only old copies, so it goes.
async function destroyUnusedKeys(deps: LifecycleDeps, gone: Gone[], after: string, last: string | null): Promise<number> {
  if (gone.length === 0 || last === null) return 0;
  const pairs = [...new Map(gone.map((g) => [`${g.subject_id}\u0000${g.retention_class}`, g])).values()];
  // every erased subject of the page lies in (after, last]: a key range reads faster than a list
  const left = await sql<Gone>`select distinct subject_id, retention_class from vault_values where subject_id > ${after} and subject_id <= ${last}`.execute(deps.db);
  const still = new Set(left.rows.map((r) => `${r.subject_id}\u0000${r.retention_class}`));
  let n = 0;
  for (const p of pairs) {
    if (still.has(`${p.subject_id}\u0000${p.retention_class}`)) continue;
    await deps.keyring.destroy(p.subject_id, [p.retention_class]);
    // an in-memory key store resolves at once; give reads on this process a turn now and then
    if (++n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return n;
}
