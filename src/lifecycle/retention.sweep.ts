// Retention sweeps: erase what the registry says has expired, batch by batch, skipping held values (PIPL 19/47, PIPA 21, GDPR 5(1)(e)).
import { sql } from 'kysely';
import { recordAudits } from '../audit/index.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { LOOKUP_KINDS } from '../vault/index.ts';
import { activeHoldSql, expiryGroups, type UndecidedGroup } from './retention.scan.ts';

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

function tally(into: Map<string, RetentionCount>, category: string, purposes: Record<string, number>): void {
  for (const [purpose, n] of Object.entries(purposes)) {
    const k = `${category}\u0000${purpose}`;
    const c = into.get(k) ?? { category, purpose, count: 0 };
    c.count += n;
    into.set(k, c);
  }
}

const sorted = (m: Map<string, RetentionCount>) => [...m.values()].sort((a, b) => a.category.localeCompare(b.category) || a.purpose.localeCompare(b.purpose));

// let other work on this process (reads; all of it on embedded PGlite) run between pages
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Values kept under an active hold right now. */
async function heldCount(deps: LifecycleDeps, now: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from legal_hold_values hv join legal_holds h on h.id = hv.hold_id where ${activeHoldSql(now)}`.execute(deps.db);
  return r.rows[0]?.n ?? 0;
}

/** Lists what a sweep at `now` would erase, changing nothing: counts page by page, the first items with their expiry. */
export async function planRetention(deps: LifecycleDeps, now: Date, opts: { items?: number } = {}): Promise<RetentionPlan> {
  const registry = await deps.registry();
  const batch = deps.batchSize ?? 5000;
  const counts = new Map<string, RetentionCount>();
  const items: RetentionPlan['items'] = [];
  const limit = opts.items ?? 100;
  const { groups, undecided } = await expiryGroups(deps, registry, now);
  for (const g of groups) {
    for (let after = ''; ;) {
      const need = Math.max(0, limit - items.length);
      const r = await sql<PlanPage>`with p as materialized (${g.page(after, batch)}),
          e as (select p.subject_id, ${g.decider} as purpose, (${g.expiresAt}) at time zone 'UTC' as expires_at from p where ${g.expired})
        select (select count(*)::int from p) as rows, (select max(subject_id) from p) as last,
          (select json_object_agg(purpose, n order by purpose) from (select purpose, count(*)::int as n from e group by purpose) c) as purposes,
          (select json_agg(json_build_array(subject_id, purpose, expires_at) order by subject_id) from (select * from e order by subject_id limit ${need}) i) as items`.execute(deps.db);
      const page = r.rows[0];
      tally(counts, g.category, page.purposes ?? {});
      for (const [subjectId, purpose, expiresAt] of page.items ?? []) items.push({ subjectId, category: g.category, purpose, expiresAt: new Date(expiresAt).toISOString() });
      await turn();
      if (page.rows < batch || page.last === null) break;
      after = page.last;
    }
  }
  const total = [...counts.values()].reduce((n, c) => n + c.count, 0);
  return { at: now.toISOString(), total, counts: sorted(counts), items, held: await heldCount(deps, now), undecided };
}

/** One page of a plan: candidates seen, the last of them, expired values by deciding purpose, the first items. */
interface PlanPage {
  rows: number;
  last: string | null;
  purposes: Record<string, number> | null;
  items: [subjectId: string, purpose: string, expiresAt: string][] | null;
}

/** One claimed page: candidates seen, the last of them, erased values by deciding purpose, keys no value needs now. */
interface Page {
  rows: number;
  last: string | null;
  purposes: Record<string, number> | null;
  keys: [subjectId: string, retentionClass: string][] | null;
}

/**
 * Erases expired values in small transactions: one statement per page takes the group's next candidates, deletes the
 * expired ones (judged on the row being deleted, so a value collected or used again meanwhile stays) with their blind
 * indexes, counts them by deciding purpose and names the data keys no remaining value needs; one audit entry per page
 * (counts only) commits with it. Then those keys are destroyed, so backups of the erased rows become unreadable too.
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
  // a page's keys are destroyed (after its commit) while the next page's statement runs
  let shredding: Promise<number> = Promise.resolve(0);
  for (const g of groups) {
    for (let after = ''; ;) {
      const page = await deps.db.transaction().execute(async (trx) => {
        const r = await sql<Page>`with p as materialized (${g.page(after, batch)}),
          d as (delete from vault_values v using p where v.ctid = p.row_id and v.subject_id = p.subject_id and v.category = ${g.category} and v.purposes = ${g.purposesJson}::jsonb and ${g.recheck}
            returning v.subject_id, v.retention_class, ${g.claimedDecider} as purpose)
          ${lookups.has(g.category) ? sql`, l as (delete from vault_lookup k using d where k.category = ${g.category} and k.subject_id = d.subject_id)` : sql``}
          select (select count(*)::int from p) as rows, (select max(subject_id) from p) as last,
            (select json_object_agg(purpose, n order by purpose) from (select purpose, count(*)::int as n from d group by purpose) c) as purposes,
            -- keys left without a value: the page's subject range read once (EXCEPT hashes or sorts, never loops per row);
            -- the statement still sees the rows it deletes, hence the other categories only
            (select json_agg(json_build_array(k.subject_id, k.retention_class)) from (select d.subject_id, d.retention_class from d
              except select w.subject_id, w.retention_class from vault_values w where w.subject_id > ${after} and w.subject_id <= (select max(subject_id) from p) and w.category <> ${g.category}) k) as keys`.execute(trx);
        const page = r.rows[0];
        const purposes = page.purposes ?? {};
        const count = Object.values(purposes).reduce((n, c) => n + c, 0);
        if (count > 0) await recordAudits(trx, [{ actor, action: 'retention.erase', categories: [g.category], details: { at: now.toISOString(), count, purposes } }]);
        return { ...page, count, purposes };
      });
      tally(counts, g.category, page.purposes);
      erased += page.count;
      if (page.count > 0) batches++;
      keysDestroyed += await shredding;
      shredding = destroyKeys(deps, page.keys ?? []);
      // awaited with the next page; a failure meanwhile is not an unhandled rejection
      shredding.catch(() => {});
      await turn();
      if (page.rows < batch || page.last === null) break;
      after = page.last;
    }
  }
  keysDestroyed += await shredding;
  const result: SweepResult = { at: now.toISOString(), erased, counts: sorted(counts), batches, keysDestroyed, held: await heldCount(deps, now), seconds: (Date.now() - started) / 1000 };
  await recordAudits(deps.db, [{ actor, action: 'retention.sweep', details: { at: result.at, erased, batches, keysDestroyed, held: result.held, counts: result.counts } }]);
  return result;
}

// Crypto-shredding after retention: a (subject, class) key with no value left protects only old copies, so it goes.
// Keys of different subjects are destroyed a chunk at a time (a remote key store then works in parallel).
async function destroyKeys(deps: LifecycleDeps, keys: [string, string][]): Promise<number> {
  const chunk = 100;
  for (let i = 0; i < keys.length; i += chunk) {
    await Promise.all(keys.slice(i, i + chunk).map(([subjectId, retentionClass]) => deps.keyring.destroy(subjectId, [retentionClass])));
    // an in-memory key store resolves at once; give reads on this process a turn now and then
    if ((i / chunk) % 10 === 9) await turn();
  }
  return keys.length;
}
