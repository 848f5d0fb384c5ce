// Counts per day from the audit log for the admin dashboards, so the browser never pages through raw entries.
import { sql } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors } from './schemas.ts';

// Only these families feed the dashboards; everything else in the log stays out of the aggregate.
const FAMILIES = ['consent.%', 'permission.%', 'data.%', 'rights.%', 'decision', 'incident.%'];

const Row = z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), action: z.string(), key: z.string().nullable().describe('the purpose (or the consent/permission target)'), count: z.number() });

const Completion = z.object({ type: z.string(), count: z.number(), medianDays: z.number().describe('from receipt to completion, in days') });

/** The middle value of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 100) / 100;
}

export default routes('/v1/stats', (app, ctx) => {
  app.get('/', {
    onRequest: requirePermission(ctx, 'audit:read'),
    schema: {
      summary: 'Audit entries counted per day, action and purpose (consents, permissions, data access, requests)',
      tags: ['audit'],
      security: [{ apiKey: [] }],
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      response: { 200: z.object({ since: z.string(), until: z.string(), rows: z.array(Row), completions: z.array(Completion) }), ...authErrors },
    },
  }, async (req) => {
    await ctx.audit.flush();
    const until = new Date();
    const since = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate() - (req.query.days - 1)));
    const day = sql<string>`to_char(ts at time zone 'UTC', 'YYYY-MM-DD')`;
    // reads carry the purpose; request entries their type in details; consent events name the purpose as target
    // ("purpose" or "purpose/recipient")
    const key = sql<string | null>`coalesce(body::jsonb->>'purpose', body::jsonb->'details'->>'type', split_part(body::jsonb->>'target', '/', 1))`;
    const rows = await ctx.store.db
      .selectFrom('audit_entries')
      .select([day.as('day'), 'action', key.as('key'), sql<string>`count(*)`.as('count')])
      .where('ts', '>=', since)
      .where((eb) => eb.or(FAMILIES.map((f) => (f.includes('%') ? eb('action', 'like', f) : eb('action', '=', f)))))
      .groupBy([day, 'action', key])
      .orderBy(day)
      .execute();
    // time to completion: each completion in the window paired with the creation of the same request
    const done = await ctx.store.db
      .selectFrom('audit_entries as c')
      .innerJoin('audit_entries as r', (j) => j.on('r.action', '=', 'rights.request').on(sql`r.body::jsonb->>'target'`, '=', sql`c.body::jsonb->>'target'`))
      .select([sql<string>`c.body::jsonb->'details'->>'type'`.as('type'), sql<number>`extract(epoch from (c.ts - r.ts)) / 86400.0`.as('days')])
      .where('c.action', '=', 'rights.completed')
      .where('c.ts', '>=', since)
      .limit(10_000)
      .execute();
    const byType = new Map<string, number[]>();
    for (const d of done) byType.set(d.type ?? 'unknown', [...(byType.get(d.type ?? 'unknown') ?? []), Number(d.days)]);
    const completions = [...byType].map(([type, days]) => ({ type, count: days.length, medianDays: median(days) }));
    return { since: since.toISOString(), until: until.toISOString(), rows: rows.map((r) => ({ day: r.day, action: r.action, key: r.key, count: Number(r.count) })), completions };
  });
});
