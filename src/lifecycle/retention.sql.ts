// Expiry in SQL, row by row and set-based: the same rules and calendar arithmetic as `expiryFor` (retention.expiry.ts),
// so a sweep can select and delete what has expired without judging each value in JS.
//
// Dates are compared as UTC wall-clock timestamps truncated to milliseconds, as JS dates see them; PostgreSQL's
// `timestamp + interval` adds months first (clamped to the month's last day), then calendar days, then exact time,
// which is the order of `addDuration`. The tests of retention.sql.test.ts hold the two side by side.
import { sql, type RawBuilder } from 'kysely';
import type { Purpose, Registry, Retention } from '../registry/index.ts';
import { parseIsoDuration } from './retention.duration.ts';

type Expr = RawBuilder<unknown>;

/** A timestamptz expression as a UTC timestamp (without time zone) truncated to milliseconds. */
export function utcMillis(ts: Expr): Expr {
  return sql`date_trunc('milliseconds', (${ts}) at time zone 'UTC')`;
}

/** `now` (a date, or a timestamptz expression) as the UTC timestamp the expressions compare with. */
export function utcNow(now: Date | Expr): Expr {
  return utcMillis(now instanceof Date ? sql`${now}::timestamptz` : now);
}

/** The interval of an ISO 8601 duration: months (years too), days (weeks too) and exact seconds. */
export function isoInterval(iso: string): Expr {
  const d = parseIsoDuration(iso);
  const months = d.years * 12 + d.months;
  const days = d.weeks * 7 + d.days;
  const secs = (d.hours * 60 + d.minutes) * 60 + d.seconds;
  return sql`make_interval(months => ${sql.lit(months)}, days => ${sql.lit(days)}, secs => ${sql.lit(secs)})`;
}

/** `at + iso` on a UTC timestamp, like addIsoDuration. */
export function addIsoDurationSql(at: Expr, iso: string): Expr {
  return sql`(${at} + ${isoInterval(iso)})`;
}

/** The dates of one row a retention can count from, as timestamptz expressions (null when the event has not happened). */
export interface DateColumns {
  collectedAt: Expr;
  lastUsedAt: Expr;
  /** The event an until-trigger waits for, for one purpose; undefined when the sweep cannot see that event. */
  event: (until: NonNullable<Retention['until']>, purpose: string) => Expr | undefined;
}

/**
 * When keeping under one retention ends, as a UTC timestamp expression (null on a row while the event it waits for
 * has not happened); undefined when no row can ever get a date (then a person or an unseen event decides).
 */
export function retentionEndSql(r: Retention, purpose: string, cols: DateColumns): Expr | undefined {
  const anchor = utcMillis(r.from === 'last-use' ? sql`coalesce(${cols.lastUsedAt}, ${cols.collectedAt})` : cols.collectedAt);
  const capped = r.duration ? addIsoDurationSql(anchor, r.duration) : undefined;
  const event = r.until ? cols.event(r.until, purpose) : undefined;
  if (!event) return capped;
  const end = addIsoDurationSql(utcMillis(event), r.grace ?? 'PT0S');
  // a duration beside an until-trigger is a ceiling; least() skips the null of an event not yet happened
  return capped ? sql`least(${capped}, ${end})` : end;
}

/** Why no date can end the keeping under a purpose (the plan reports these values as undecided). */
export type NeverReason = 'no-retention' | 'open-ended' | 'awaiting-event' | 'rule-only';

/**
 * One purpose's part in a value's expiry: its end expression (with `surely`, a cheap sufficient test on the raw anchor
 * that spares most rows the calendar), ignored (does not apply), or never.
 */
export type PurposeEnd =
  | { purpose: string; end: Expr; surely?: (now: Date | Expr) => Expr }
  | { purpose: string; ignored: true }
  | { purpose: string; never: NeverReason };

/** The end under one purpose for a value of `category`, as `expiryFor` weighs it. */
export function purposeEndSql(p: Purpose | undefined, id: string, category: string, cols: DateColumns): PurposeEnd {
  if (!p || !p.categories.includes(category)) return { purpose: id, ignored: true };
  const r = p.retention;
  if (!r) return { purpose: id, never: 'no-retention' };
  const end = retentionEndSql(r, id, cols);
  if (end && r.duration) {
    // anchor + duration <= anchor + upperBoundMs <= now: over, whatever the calendar and the event say
    const anchor = r.from === 'last-use' ? sql`coalesce(${cols.lastUsedAt}, ${cols.collectedAt})` : cols.collectedAt;
    const ub = upperBoundMs(r.duration);
    const surely = (now: Date | Expr) => (now instanceof Date ? sql`${anchor} <= ${new Date(now.getTime() - ub)}` : sql`${anchor} <= (${now}) - make_interval(secs => ${sql.lit(ub / 1000)})`);
    return { purpose: id, end, surely };
  }
  if (end) return { purpose: id, end };
  return { purpose: id, never: r.until ? (r.until === 'purpose-fulfilled' ? 'open-ended' : 'awaiting-event') : 'rule-only' };
}

/** A value's expiry over its purposes in SQL: the longest-lived purpose decides (the first of equals). */
export interface ValueExpirySql {
  /** The purposes that count, in order. */
  purposes: string[];
  /** The expiry (UTC timestamp); null on a row some purpose keeps open. */
  expiresAt: Expr;
  /** True when every counted purpose's end is at or before `now` (null, so false in a filter, while one is open). */
  expired: (now: Date | Expr) => Expr;
  /** The id of the purpose that decides. */
  decider: Expr;
}

/**
 * The expiry of the values of `category` serving `purposes` (the longer purpose wins, ignored purposes do not extend),
 * or why none can be computed. Only the purposes whose end is an expression are counted; a purpose never ending wins.
 */
export function valueExpirySql(registry: Registry, purposes: string[], category: string, cols: DateColumns): ValueExpirySql | { never: NeverReason | 'no-purpose' | 'category-not-in-purpose' } {
  const ends = [...new Set(purposes)].map((id) => purposeEndSql(registry.purposes.find((p) => p.id === id), id, category, cols));
  if (ends.length === 0) return { never: 'no-purpose' };
  const counted = ends.filter((e) => !('ignored' in e));
  if (counted.length === 0) return { never: 'category-not-in-purpose' };
  const never = counted.find((e) => 'never' in e);
  if (never && 'never' in never) return { never: never.never };
  const timed = counted as { purpose: string; end: Expr; surely?: (now: Date | Expr) => Expr }[];
  const over = (e: (typeof timed)[number], now: Date | Expr) => (e.surely ? sql`(${e.surely(now)} or ${e.end} <= ${utcNow(now)})` : sql`${e.end} <= ${utcNow(now)}`);
  if (timed.length === 1) {
    const [only] = timed;
    return { purposes: [only.purpose], expiresAt: only.end, expired: (now) => sql`(${over(only, now)})`, decider: sql`${only.purpose}::text` };
  }
  // greatest() skips nulls, so `expired` asks every purpose on its own
  const expiresAt = sql`greatest(${sql.join(timed.map((e) => e.end))})`;
  return {
    purposes: timed.map((e) => e.purpose),
    expiresAt,
    expired: (now) => sql`(${sql.join(timed.map((e) => over(e, now)), sql` and `)})`,
    decider: sql`(case ${sql.join(timed.map((e) => sql`when ${e.end} = ${expiresAt} then ${e.purpose}::text`), sql` `)} end)`,
  };
}

const DAY = 86_400_000;

/** A lower bound of `addIsoDuration(x, iso) - x` for every x: months count as 28 days and years as 365, less a day of slack. */
export function lowerBoundMs(iso: string): number {
  const d = parseIsoDuration(iso);
  return Math.max(0, (d.years * 365 + d.months * 28 + d.weeks * 7 + d.days - 1) * DAY + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

/** An upper bound of `addIsoDuration(x, iso) - x` for every x: months count as 31 days and years as 366, plus a day. */
export function upperBoundMs(iso: string): number {
  const d = parseIsoDuration(iso);
  return (d.years * 366 + d.months * 31 + d.weeks * 7 + d.days + 1) * DAY + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/**
 * The latest collection time a value of these purposes can have and be expired at `now` (a necessary condition, cheap
 * and well estimated on `collected_at`), or undefined when some purpose counts from another date.
 */
export function collectedBefore(registry: Registry, purposes: string[], now: Date): Date | undefined {
  let bound: number | undefined;
  for (const id of purposes) {
    const r = registry.purposes.find((p) => p.id === id)?.retention;
    if (!r?.duration || r.until || r.from === 'last-use') return undefined;
    const b = now.getTime() - lowerBoundMs(r.duration);
    bound = bound === undefined ? b : Math.min(bound, b);
  }
  return bound === undefined ? undefined : new Date(bound);
}
