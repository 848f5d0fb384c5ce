// Counts per day from the audit log for the admin dashboards, so the browser never pages through raw entries.
import { sql } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors } from './schemas.ts';

// Only these families feed the dashboards; everything else in the log stays out of the aggregate.
const FAMILIES = ['consent.%', 'permission.%', 'data.%', 'request.%', 'requests.%', 'decision', 'incident.%'];

const Row = z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), action: z.string(), key: z.string().nullable().describe('the purpose (or the consent/permission target)'), count: z.number() });

export default routes('/v1/stats', (app, ctx) => {
  app.get('/', {
    onRequest: requirePermission(ctx, 'audit:read'),
    schema: {
      summary: 'Audit entries counted per day, action and purpose (consents, permissions, data access, requests)',
      tags: ['audit'],
      security: [{ apiKey: [] }],
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      response: { 200: z.object({ since: z.string(), until: z.string(), rows: z.array(Row) }), ...authErrors },
    },
  }, async (req) => {
    await ctx.audit.flush();
    const until = new Date();
    const since = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate() - (req.query.days - 1)));
    const day = sql<string>`to_char(ts at time zone 'UTC', 'YYYY-MM-DD')`;
    // consent events name the purpose as target ("purpose" or "purpose/recipient"); reads carry it as purpose
    const key = sql<string | null>`coalesce(body::jsonb->>'purpose', split_part(body::jsonb->>'target', '/', 1))`;
    const rows = await ctx.store.db
      .selectFrom('audit_entries')
      .select([day.as('day'), 'action', key.as('key'), sql<string>`count(*)`.as('count')])
      .where('ts', '>=', since)
      .where((eb) => eb.or(FAMILIES.map((f) => (f.includes('%') ? eb('action', 'like', f) : eb('action', '=', f)))))
      .groupBy([day, 'action', key])
      .orderBy(day)
      .execute();
    return { since: since.toISOString(), until: until.toISOString(), rows: rows.map((r) => ({ day: r.day, action: r.action, key: r.key, count: Number(r.count) })) };
  });
});
