// Finds expired vault values set-based: per (category, purposes, role) group, the registry's retention as SQL
// (retention.sql.ts, the same arithmetic as `expiryFor`), so pages select, count and delete only what has expired.
import { sql, type RawBuilder } from 'kysely';
import type { Registry } from '../registry/index.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import type { ExpiryReason } from './retention.expiry.ts';
import { collectedBefore, valueExpirySql, type DateColumns } from './retention.sql.ts';

type Expr = RawBuilder<unknown>;

/** One expired value (ids only) with the purpose whose retention decided. */
export interface ExpiredValue {
  subjectId: string;
  category: string;
  retentionClass: string;
  purpose: string;
  reason: ExpiryReason;
  expiresAt: string;
}

/** Values no date can expire: an event we cannot see or a person has to decide (reported by the plan). */
export interface UndecidedGroup {
  category: string;
  purposes: string[];
  reason: string;
  count: number;
}

interface Group {
  category: string;
  purposesJson: string;
  role: string;
  n: number;
}

/** The active-hold test on a legal_holds row aliased `h`. */
export function activeHoldSql(now: Date): RawBuilder<unknown> {
  return sql`h.released_at is null and (h.ends_at is null or h.ends_at > ${now})`;
}

/** True for a vault row aliased `v` that no active hold covers (PIPL 47 para 2: held data is only stored). */
export function notHeldSql(now: Date): RawBuilder<unknown> {
  return sql`not exists (select 1 from legal_hold_subjects hs join legal_holds h on h.id = hs.hold_id where hs.subject_id = v.subject_id and ${activeHoldSql(now)} and (jsonb_array_length(h.categories) = 0 or h.categories @> jsonb_build_array(v.category)))
    and not exists (select 1 from legal_hold_values hv join legal_holds h on h.id = hv.hold_id where hv.subject_id = v.subject_id and hv.category = v.category and ${activeHoldSql(now)})`;
}

/** The purposes a value serves: the ones stored with it, or every purpose using its category for the person's role. */
export function servedPurposes(registry: Registry, stored: string[], category: string, role: string): string[] {
  if (stored.length > 0) return stored;
  return registry.purposes.filter((p) => p.categories.includes(category) && (!p.roles || p.roles.includes(role))).map((p) => p.id);
}

/** Categories under an active category-wide hold (a hold naming categories and no people). */
export async function categoryWideHolds(deps: LifecycleDeps, now: Date): Promise<Set<string>> {
  const rows = await sql<{ categories: string[] }>`select h.categories from legal_holds h where ${activeHoldSql(now)} and jsonb_array_length(h.subjects) = 0`.execute(deps.db);
  return new Set(rows.rows.flatMap((r) => r.categories));
}

/**
 * A group of values judged alike (one category, the same stored purposes, one role). `page` selects its next candidates
 * in subject order (cheap, well-estimated filters only, so the plan walks the index and stops at the limit); the
 * expressions judge a page row `p` exactly, or a row `v` being deleted with the events its page row `p` carries.
 */
export interface ExpiryGroup {
  category: string;
  purposesJson: string;
  /** The purposes whose retention counts, in order. */
  purposes: string[];
  /** Candidates after `after`: subject_id, collected_at, last_used_at and the events (closed_at, w0, ...). */
  page: (after: string, limit: number) => Expr;
  /** Over a page row `p`: expired at `now`, the deciding purpose and the expiry (a UTC timestamp). */
  expired: Expr;
  decider: Expr;
  expiresAt: Expr;
  /** Over the row `v` a delete is about to remove and its page row `p` (a value collected or used again meanwhile stays). */
  recheck: Expr;
  claimedDecider: Expr;
}

const withdrawnSql = (purpose: string) =>
  sql`(select max(cs.updated_at) from consent_state cs where cs.subject_id = v.subject_id and cs.type = 'consent' and cs.target = ${purpose} and cs.status = 'withdrawn')`;

/** The groups that can expire (skipping category-wide holds), and the values no date decides. */
export async function expiryGroups(deps: LifecycleDeps, registry: Registry, now: Date): Promise<{ groups: ExpiryGroup[]; undecided: UndecidedGroup[] }> {
  const heldCats = await categoryWideHolds(deps, now);
  const rows = await sql<Group>`select v.category, v.purposes::text as "purposesJson", s.role, count(*)::int as n from vault_values v join subjects s on s.id = v.subject_id
    where s.status <> 'erased' group by v.category, v.purposes::text, s.role order by v.category, v.purposes::text, s.role`.execute(deps.db);
  const undecided = new Map<string, UndecidedGroup>();
  const groups: ExpiryGroup[] = [];
  for (const g of rows.rows) {
    if (heldCats.has(g.category)) continue;
    const purposes = servedPurposes(registry, JSON.parse(g.purposesJson) as string[], g.category, g.role);
    // the events the group's retentions wait for: a page carries their dates as columns (closed_at, w0, w1, ...);
    // undefined for an event the sweep cannot see (contract ended, purpose fulfilled), as expiryFor is never told of it
    let closed = false;
    const withdrawn: string[] = [];
    const eventOf = (until: string, purpose: string): string | undefined => {
      if (until === 'account-closed') {
        closed = true;
        return 'closed_at';
      }
      if (until !== 'consent-withdrawn') return undefined;
      let i = withdrawn.indexOf(purpose);
      if (i < 0) i = withdrawn.push(purpose) - 1;
      return `w${i}`;
    };
    const event = (until: string, purpose: string) => {
      const column = eventOf(until, purpose);
      return column === undefined ? undefined : sql`p.${sql.id(column)}`;
    };
    const pageCols: DateColumns = { collectedAt: sql`p.collected_at`, lastUsedAt: sql`p.last_used_at`, event };
    const claimedCols: DateColumns = { collectedAt: sql`v.collected_at`, lastUsedAt: sql`v.last_used_at`, event };
    const onPage = valueExpirySql(registry, purposes, g.category, pageCols);
    if ('never' in onPage) {
      const key = `${g.category}\u0000${purposes.join(',')}\u0000${onPage.never}`;
      const u = undecided.get(key) ?? { category: g.category, purposes, reason: onPage.never, count: 0 };
      u.count += g.n;
      undecided.set(key, u);
      continue;
    }
    const claimed = valueExpirySql(registry, purposes, g.category, claimedCols);
    if ('never' in claimed) throw new Error('unreachable: the same purposes decide alike');
    const events = [...(closed ? [sql`, s.closed_at`] : []), ...withdrawn.map((p, i) => sql`, ${withdrawnSql(p)} as ${sql.id(`w${i}`)}`)];
    const before = collectedBefore(registry, onPage.purposes, now);
    const where = sql`v.category = ${g.category} and v.purposes = ${g.purposesJson}::jsonb and s.role = ${g.role} and s.status <> 'erased'${before ? sql` and v.collected_at <= ${before}` : sql``} and ${notHeldSql(now)}`;
    groups.push({
      category: g.category,
      purposesJson: g.purposesJson,
      purposes: onPage.purposes,
      // the row's ctid lets the delete reach it without an index probe; both keys are bounded so that a merge join
      // need not read the subjects before `after`
      page: (after, limit) => sql`select v.ctid as row_id, v.subject_id, v.collected_at, v.last_used_at ${sql.join(events, sql``)} from vault_values v join subjects s on s.id = v.subject_id
        where ${where} and v.subject_id > ${after} and s.id > ${after} order by v.subject_id limit ${limit}`,
      expired: onPage.expired(now),
      decider: onPage.decider,
      expiresAt: onPage.expiresAt,
      recheck: claimed.expired(now),
      claimedDecider: claimed.decider,
    });
  }
  return { groups, undecided: [...undecided.values()] };
}
