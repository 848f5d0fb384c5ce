// The SQL expiry (retention.sql.ts) against the JS one (expiryFor, addIsoDuration) on many dates, durations and rules:
// month ends, leap days and centuries, milliseconds, event dates and the longer purpose winning; on PGlite and PostgreSQL.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import type { Purpose, Registry, Retention } from '../registry/index.ts';
import { addIsoDuration } from './retention.duration.ts';
import { expiryFor, type Expiry } from './retention.expiry.ts';
import { addIsoDurationSql, collectedBefore, lowerBoundMs, upperBoundMs, utcMillis, valueExpirySql, type DateColumns } from './retention.sql.ts';
import { example } from './lifecycle.testing.ts';

// a small seeded generator, so a failure repeats
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DURATIONS = [
  'PT0S', 'P0D', 'PT1S', 'PT59M59S', 'PT72H', 'PT25H', 'P1D', 'P1W', 'P30D', 'P90D', 'P1M', 'P2M', 'P3M', 'P6M', 'P11M', 'P13M', 'P1M1D', 'P1M30D',
  'P11M30D', 'P1Y', 'P2Y', 'P3Y', 'P5Y', 'P10Y', 'P100Y', 'P1Y1M', 'P1Y6M2W3DT4H5M6S', 'P4Y', 'P1YT1H', 'P2W', 'P400D', 'P1MT23H59M59S',
];

// instants that stress the calendar: every month's last days, leap days (2000 yes, 2100 no), the turn of years, random times
function anchors(random: () => number): Date[] {
  const out: Date[] = [];
  for (const y of [1999, 2000, 2023, 2024, 2028, 2099, 2100]) {
    for (let m = 0; m < 12; m++) {
      for (const d of [1, 28, 29, 30, 31]) {
        const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
        if (d > last) continue;
        out.push(new Date(Date.UTC(y, m, d, 0, 0, 0, 0)));
        out.push(new Date(Date.UTC(y, m, d, 23, 59, 59, 999)));
        out.push(new Date(Date.UTC(y, m, d, Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60), Math.floor(random() * 1000))));
      }
    }
  }
  for (let i = 0; i < 200; i++) out.push(new Date(Date.UTC(1990, 0, 1) + Math.floor(random() * 60 * 365.25 * 86_400_000)));
  return out;
}

describeStore('retention expiry in SQL agrees with expiryFor', (store) => {
  it('adds every duration to every instant like addIsoDuration (month ends clamp, leap years, exact hours, milliseconds)', async () => {
    const at = anchors(rng(1)).map((d) => d.toISOString());
    for (const iso of DURATIONS) {
      const r = await sql<{ i: number; t: Date }>`select i::int, ${addIsoDurationSql(utcMillis(sql`a.x::timestamptz`), iso)} at time zone 'UTC' as t
        from unnest(${at}::text[]) with ordinality as a(x, i)`.execute(store().db);
      const got = r.rows.map((row) => [at[row.i - 1], new Date(row.t).toISOString()]);
      const want = at.map((a) => [a, addIsoDuration(new Date(a), iso).toISOString()]);
      expect(got.sort(), iso).toEqual(want.sort());
    }
  });

  it('truncates a database time to the millisecond as the drivers hand it to JS', async () => {
    const r = await sql<{ t: Date; same: boolean }>`select x as t, ${utcMillis(sql`x`)} = '2026-01-31 23:59:59.999'::timestamp as same
      from (values ('2026-01-31 23:59:59.999999+00'::timestamptz)) v(x)`.execute(store().db);
    expect(new Date(r.rows[0].t).toISOString()).toBe('2026-01-31T23:59:59.999Z');
    expect(r.rows[0].same).toBe(true);
  });

  it('judges values of one, two and three purposes like expiryFor: durations, last use, account closure and consent withdrawal with grace, ceilings, unseen events, the longer purpose winning', async () => {
    const registry = testRegistry();
    const random = rng(7);
    const ids = registry.purposes.filter((p) => p.id.startsWith('t-')).map((p) => p.id);
    const sets: string[][] = [...ids.map((p) => [p]), ['t-p1m', 't-p30d'], ['t-p30d', 't-p1m'], ['t-closed', 't-p1y'], ['t-consent-a', 't-consent-b'], ['t-lastuse', 't-closed-cap', 't-consent-a'],
      ['t-p1m', 't-other-cat'], ['t-contract', 't-p1y6m'], ['t-p1y', 't-p1y'], ['t-consent-b', 't-p1m', 't-closed'], ['t-other-cat'], ['t-fulfilled', 't-p1m'], ['t-unknown', 't-p30d']];
    for (let k = 0; k < 12; k++) sets.push([...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => ids[Math.floor(random() * ids.length)]))]);
    const consentCol = (p: string) => (p === 't-consent-a' ? 'w0' : 'w1');
    const cols: DateColumns = {
      collectedAt: sql`t.collected_at`,
      lastUsedAt: sql`t.last_used_at`,
      event: (until, purpose) => (until === 'account-closed' ? sql`t.closed_at` : until === 'consent-withdrawn' ? sql.ref(`t.${consentCol(purpose)}`) : undefined),
    };
    let compared = 0;
    for (const purposes of sets) {
      const x = valueExpirySql(registry, purposes, 'name', cols);
      const rows = Array.from({ length: 120 }, (_, id) => randomRow(id, random));
      if ('never' in x) {
        // no date can end it: expiryFor agrees on every row, with the same reason unless no purpose applies
        for (const row of rows) {
          const e = reference(registry, purposes, row, row.collected_at);
          expect(e.expiresAt, `${purposes}`).toBeNull();
          if (x.never !== 'category-not-in-purpose') expect(e.reason).toBe(x.never);
        }
        continue;
      }
      // the `now` of each row: the JS expiry itself, a millisecond before or after, or any time
      for (const row of rows) {
        const e = reference(registry, purposes, row, '2000-01-01T00:00:00Z');
        const shift = [0, -1, 1, null][Math.floor(random() * 4)];
        row.now = e.expiresAt && shift !== null ? new Date(Date.parse(e.expiresAt) + shift).toISOString() : randomInstant(random);
      }
      // and at fixed times, as a sweep asks (its cheap sufficient test then compares with a constant)
      const fixed = [new Date('2003-02-28T12:00:00Z'), new Date(randomInstant(random)), new Date(randomInstant(random))];
      const r = await sql<{ id: number; expires_at: Date | null; purpose: string | null; expired: boolean; at: boolean[] }>`select t.id, (${x.expiresAt}) at time zone 'UTC' as expires_at,
          ${x.decider} as purpose, coalesce(${x.expired(sql`t.now`)}, false) as expired,
          array[${sql.join(fixed.map((f) => sql`coalesce(${x.expired(f)}, false)`))}] as at
        from json_to_recordset(${JSON.stringify(rows)}::json) as t(id int, collected_at timestamptz, last_used_at timestamptz, closed_at timestamptz, w0 timestamptz, w1 timestamptz, now timestamptz)
        order by t.id`.execute(store().db);
      for (const got of r.rows) {
        const row = rows[got.id];
        const e = reference(registry, purposes, row, row.now!);
        const what = `${purposes.join('+')} ${JSON.stringify(row)}`;
        expect(got.expired, what).toBe(e.expired);
        expect(got.at, what).toEqual(fixed.map((f) => reference(registry, purposes, row, f.toISOString()).expired));
        if (e.expiresAt !== null) {
          expect(new Date(got.expires_at!).toISOString(), what).toBe(e.expiresAt);
          expect(got.purpose, what).toBe(e.purpose);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});

it('bounds the calendar from below and above (the cheap collected_at filter never drops an expired value, the sure test never erases early)', () => {
  for (const a of anchors(rng(3))) {
    for (const iso of DURATIONS) {
      const ms = addIsoDuration(a, iso).getTime() - a.getTime();
      expect(ms, `${a.toISOString()} + ${iso}`).toBeGreaterThanOrEqual(lowerBoundMs(iso));
      expect(ms, `${a.toISOString()} + ${iso}`).toBeLessThanOrEqual(upperBoundMs(iso));
    }
  }
  const registry = testRegistry();
  const now = new Date('2026-03-01T00:00:00Z');
  expect(collectedBefore(registry, ['t-p1m', 't-p30d'], now)).toEqual(new Date(now.getTime() - lowerBoundMs('P30D')));
  expect(collectedBefore(registry, ['t-p1m', 't-lastuse'], now)).toBeUndefined();
  expect(collectedBefore(registry, ['t-closed-cap'], now)).toBeUndefined();
});

interface TestRow {
  id: number;
  collected_at: string;
  last_used_at: string | null;
  closed_at: string | null;
  w0: string | null;
  w1: string | null;
  now?: string;
}

function randomInstant(random: () => number): string {
  // month ends and leap days often, any millisecond otherwise
  if (random() < 0.5) {
    const y = 1999 + Math.floor(random() * 30);
    const m = Math.floor(random() * 12);
    const d = [28, 29, 30, 31][Math.floor(random() * 4)];
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(d, last), Math.floor(random() * 24), Math.floor(random() * 60), 0, Math.floor(random() * 2) * 999)).toISOString();
  }
  return new Date(Date.UTC(1999, 0, 1) + Math.floor(random() * 30 * 365.25 * 86_400_000)).toISOString();
}

function randomRow(id: number, random: () => number): TestRow {
  const maybe = () => (random() < 0.4 ? null : randomInstant(random));
  return { id, collected_at: randomInstant(random), last_used_at: maybe(), closed_at: maybe(), w0: maybe(), w1: maybe() };
}

// The JS judgement of a row, as the sweep made it before SQL: expiryFor, and with two consent-based purposes (each with
// its own withdrawal date, which expiryFor's one field cannot carry) each purpose alone, the longest deciding.
function reference(registry: Registry, purposes: string[], row: TestRow, now: string): Expiry {
  const base = { category: 'name', collectedAt: row.collected_at, lastUsedAt: row.last_used_at ?? undefined, accountClosedAt: row.closed_at ?? undefined };
  const withdrawn = (p: string) => (p === 't-consent-a' ? row.w0 : p === 't-consent-b' ? row.w1 : null) ?? undefined;
  const consent = [...new Set(purposes)].filter((p) => p === 't-consent-a' || p === 't-consent-b');
  if (consent.length <= 1) return expiryFor(registry, { ...base, purposes, consentWithdrawnAt: consent[0] ? withdrawn(consent[0]) : undefined }, now);
  const each = [...new Set(purposes)].map((p) => expiryFor(registry, { ...base, purposes: [p], consentWithdrawnAt: withdrawn(p) }, now));
  const counted = each.filter((e) => e.purpose !== null);
  const open = counted.find((e) => e.expiresAt === null);
  if (counted.length === 0 || open) return { ...(open ?? each[0]), expired: false };
  return counted.reduce((a, b) => (b.expiresAt! > a.expiresAt! ? b : a));
}

// The 000 registry with purposes of every retention shape over the category `name`.
function testRegistry(): Registry {
  const registry = example('000-broker.live');
  const template = registry.purposes.find((p) => p.categories.includes('name'))!;
  const add = (id: string, retention: Partial<Retention> | undefined, categories = ['name']) =>
    registry.purposes.push({ ...structuredClone(template), id, categories, retention: retention === undefined ? undefined : ({ from: 'collection', ...retention } as Retention) } as Purpose);
  add('t-p1m', { duration: 'P1M' });
  add('t-p30d', { duration: 'P30D' });
  add('t-p1y', { duration: 'P1Y' });
  add('t-p1y6m', { duration: 'P1Y6M2W3DT4H5M6S' });
  add('t-hours', { duration: 'PT72H' });
  add('t-lastuse', { duration: 'P2Y', from: 'last-use' });
  add('t-closed', { until: 'account-closed', grace: 'P90D' });
  add('t-closed-now', { until: 'account-closed' });
  add('t-closed-cap', { until: 'account-closed', grace: 'P1M', duration: 'P3Y' });
  add('t-consent-a', { until: 'consent-withdrawn', grace: 'P30D' });
  add('t-consent-b', { until: 'consent-withdrawn', duration: 'P1Y', from: 'last-use' });
  add('t-contract', { until: 'contract-ended', duration: 'P6M' });
  add('t-other-cat', { duration: 'P1D' }, ['email']);
  add('t-fulfilled', { until: 'purpose-fulfilled' });
  add('t-none', undefined);
  add('t-rule', { rule: { en: 'as the law says' } });
  return registry;
}
