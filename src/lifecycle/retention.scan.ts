// Finds expired vault values: a conservative SQL prefilter per (category, purposes, role) group, then `expiryFor` per row.
import { sql, type RawBuilder } from 'kysely';
import type { Purpose, Registry } from '../registry/index.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { parseIsoDuration } from './retention.duration.ts';
import { expiryFor, type Expiry, type ExpiryReason } from './retention.expiry.ts';

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

const DAY = 86_400_000;

// A lower bound of any addIsoDuration(x, d) - x: months count as 28 days and years as 365, minus a day of slack.
function lowerBoundMs(iso: string): number {
  const d = parseIsoDuration(iso);
  return Math.max(0, (d.years * 365 + d.months * 28 + d.weeks * 7 + d.days - 1) * DAY + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
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

const withdrawnSql = (purpose: string) =>
  sql`(select max(cs.updated_at) from consent_state cs where cs.subject_id = v.subject_id and cs.type = 'consent' and cs.target = ${purpose} and cs.status = 'withdrawn')`;

type Condition = { sql: RawBuilder<unknown> | null; never?: string; withdrawn?: string };

// A necessary condition for one purpose's retention to have ended; `never` when no date can end it.
function condition(p: Purpose | undefined, category: string, now: Date): Condition {
  if (!p || !p.categories.includes(category)) return { sql: null };
  const r = p.retention;
  if (!r) return { sql: null, never: 'no-retention' };
  const anchor = r.from === 'last-use' ? sql`coalesce(v.last_used_at, v.collected_at)` : sql`v.collected_at`;
  const parts: RawBuilder<unknown>[] = [];
  if (r.duration) parts.push(sql`${anchor} <= ${new Date(now.getTime() - lowerBoundMs(r.duration))}`);
  const event = r.until === 'account-closed' ? sql`s.closed_at` : r.until === 'consent-withdrawn' ? withdrawnSql(p.id) : null;
  if (event) parts.push(sql`${event} <= ${new Date(now.getTime() - lowerBoundMs(r.grace ?? 'PT0S'))}`);
  if (parts.length === 0) return { sql: null, never: r.until ? (r.until === 'purpose-fulfilled' ? 'open-ended' : 'awaiting-event') : 'rule-only' };
  return { sql: sql`(${sql.join(parts, sql` or `)})`, withdrawn: r.until === 'consent-withdrawn' ? p.id : undefined };
}

// expiryFor sees one consent-withdrawal date; with several consent-based purposes each is judged alone, the longest deciding.
function rowExpiry(registry: Registry, purposes: string[], category: string, r: Row, withdrawn: string[], now: Date): Expiry {
  const base = { category, collectedAt: r.collected_at, lastUsedAt: r.last_used_at ?? undefined, accountClosedAt: r.closed_at ?? undefined };
  const w = (i: number) => (r[`w${i}`] ? r[`w${i}`]! : undefined);
  if (withdrawn.length <= 1) return expiryFor(registry, { ...base, purposes, consentWithdrawnAt: w(0) }, now);
  const each = purposes.map((p) => expiryFor(registry, { ...base, purposes: [p], consentWithdrawnAt: withdrawn.includes(p) ? w(withdrawn.indexOf(p)) : undefined }, now));
  const counted = each.filter((e) => e.purpose !== null);
  const open = counted.find((e) => e.expiresAt === null);
  if (counted.length === 0 || open) return { ...(open ?? each[0]), expired: false };
  return counted.reduce((a, b) => (b.expiresAt! > a.expiresAt! ? b : a));
}

/** Categories under an active category-wide hold (a hold naming categories and no people). */
export async function categoryWideHolds(deps: LifecycleDeps, now: Date): Promise<Set<string>> {
  const rows = await sql<{ categories: string[] }>`select h.categories from legal_holds h where ${activeHoldSql(now)} and jsonb_array_length(h.subjects) = 0`.execute(deps.db);
  return new Set(rows.rows.flatMap((r) => r.categories));
}

/** A group of values judged alike: its SQL predicate over `vault_values v, subjects s`, the extra columns, and the judge. */
export interface ExpiryGroup {
  category: string;
  where: RawBuilder<unknown>;
  /** The columns a page selects for `judge`. */
  columns: RawBuilder<unknown>;
  /** For a claiming delete: what its page `p` selects besides v.subject_id, and what the delete returns. */
  claim: { select: RawBuilder<unknown>; returning: RawBuilder<unknown> };
  judge: (row: Row) => ExpiredValue | null;
}

/** A row as a page selects it. */
export interface Row {
  subject_id: string;
  retention_class: string;
  collected_at: Date;
  last_used_at: Date | null;
  closed_at: Date | null;
  [withdrawn: `w${number}`]: Date | null;
}

/** The groups that can expire (skipping category-wide holds), and the values no date decides. */
export async function expiryGroups(deps: LifecycleDeps, registry: Registry, now: Date): Promise<{ groups: ExpiryGroup[]; undecided: UndecidedGroup[] }> {
  const heldCats = await categoryWideHolds(deps, now);
  const rows = await sql<Group>`select v.category, v.purposes::text as "purposesJson", s.role, count(*)::int as n from vault_values v join subjects s on s.id = v.subject_id
    where s.status <> 'erased' group by v.category, v.purposes::text, s.role order by v.category`.execute(deps.db);
  const undecided = new Map<string, UndecidedGroup>();
  const groups: ExpiryGroup[] = [];
  for (const g of rows.rows) {
    if (heldCats.has(g.category)) continue;
    const purposes = servedPurposes(registry, JSON.parse(g.purposesJson) as string[], g.category, g.role);
    const conds = purposes.map((id) => condition(registry.purposes.find((p) => p.id === id), g.category, now));
    const never = purposes.length === 0 ? 'no-purpose' : conds.every((c) => c.sql === null && !c.never) ? 'category-not-in-purpose' : conds.find((c) => c.never)?.never;
    if (never) {
      const key = `${g.category}\u0000${purposes.join(',')}\u0000${never}`;
      const u = undecided.get(key) ?? { category: g.category, purposes, reason: never, count: 0 };
      u.count += g.n;
      undecided.set(key, u);
      continue;
    }
    const filters = conds.flatMap((c) => (c.sql ? [c.sql] : []));
    const withdrawn = conds.flatMap((c) => (c.withdrawn ? [c.withdrawn] : []));
    const extra = withdrawn.map((p, i) => sql`, ${withdrawnSql(p)} as ${sql.id(`w${i}`)}`);
    groups.push({
      category: g.category,
      where: sql`s.id = v.subject_id and v.category = ${g.category} and v.purposes = ${g.purposesJson}::jsonb and s.role = ${g.role} and s.status <> 'erased'
        and ${sql.join(filters, sql` and `)} and ${notHeldSql(now)}`,
      columns: sql`v.subject_id, v.retention_class, v.collected_at, v.last_used_at, s.closed_at ${sql.join(extra, sql``)}`,
      claim: {
        select: sql`s.closed_at ${sql.join(extra, sql``)}`,
        returning: sql`v.subject_id, v.retention_class, v.collected_at, v.last_used_at, p.closed_at ${sql.join(withdrawn.map((_, i) => sql`, p.${sql.id(`w${i}`)}`), sql``)}`,
      },
      judge: (r) => {
        const e = rowExpiry(registry, purposes, g.category, r, withdrawn, now);
        return e.expired ? { subjectId: r.subject_id, category: g.category, retentionClass: r.retention_class, purpose: e.purpose!, reason: e.reason, expiresAt: e.expiresAt! } : null;
      },
    });
  }
  return { groups, undecided: [...undecided.values()] };
}

/** One page of a group, keyset by subject: the rows after `after`, with the expired ones judged. */
export async function selectPage(deps: LifecycleDeps, g: ExpiryGroup, after: string, limit: number): Promise<{ rows: number; last: string | null; expired: ExpiredValue[] }> {
  const page = await sql<Row>`select ${g.columns} from vault_values v, subjects s where ${g.where} and v.subject_id > ${after} order by v.subject_id limit ${limit}`.execute(deps.db);
  const expired = page.rows.flatMap((r) => g.judge(r) ?? []);
  // let other work on this process (reads) run between pages
  await new Promise((resolve) => setImmediate(resolve));
  return { rows: page.rows.length, last: page.rows.at(-1)?.subject_id ?? null, expired };
}
