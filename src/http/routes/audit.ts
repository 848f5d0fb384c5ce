// The audit log over HTTP: search entries and verify the chain.
import { z } from 'zod';
import { searchAudit, verifyAuditChain } from '../../audit/index.ts';
import { requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors } from './schemas.ts';

const Entry = z.object({
  seq: z.string(),
  ts: z.string(),
  hash: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().optional(),
  target: z.string().optional(),
  purpose: z.string().optional(),
  categories: z.array(z.string()).optional(),
  decision: z.string().optional(),
  rule: z.string().optional(),
  requestId: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export default routes('/v1/audit', (app, ctx) => {
  const auditor = requirePermission(ctx, 'audit:read');
  const security = [{ apiKey: [] }];
  app.get('/', {
    onRequest: auditor,
    schema: {
      summary: 'Search audit entries, newest first',
      tags: ['audit'],
      security,
      querystring: z.object({ subject: z.string().max(100).optional(), action: z.string().max(100).optional(), before: z.string().regex(/^\d+$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ entries: z.array(Entry) }), ...authErrors },
    },
  }, async (req) => {
    await ctx.audit.flush();
    return { entries: await searchAudit(ctx.store.db, req.query) };
  });

  app.get('/verify', {
    onRequest: auditor,
    schema: {
      summary: 'Verify the whole chain; names the first bad entry',
      tags: ['audit'],
      security,
      response: { 200: z.object({ ok: z.boolean(), entries: z.number(), blocks: z.number(), lastSeq: z.string(), lastHash: z.string(), firstBad: z.object({ seq: z.string(), reason: z.string() }).optional() }), ...authErrors },
    },
  }, async () => {
    await ctx.audit.flush();
    return verifyAuditChain(ctx.store.db);
  });
});
