// The audit log over HTTP: search entries, verify the chain, list and export its signed checkpoints.
import { z } from 'zod';
import { listCheckpoints, searchAudit } from '../../audit/index.ts';
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

const Checkpoint = z.object({ blockNo: z.string(), firstSeq: z.string(), lastSeq: z.string(), hash: z.string(), ts: z.string(), kid: z.string(), sig: z.string() });
const Jwk = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string() });
const Exported = Checkpoint.extend({ type: z.literal('custodia.audit.checkpoint'), jwk: Jwk });
const Verification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  blocks: z.number(),
  lastSeq: z.string(),
  lastHash: z.string(),
  firstBad: z.object({ seq: z.string(), reason: z.string() }).optional(),
  checkpoints: z.object({ signed: z.number(), unsigned: z.number(), signaturesChecked: z.boolean(), anchor: z.object({ source: z.string(), blockNo: z.string(), lastSeq: z.string() }).optional() }),
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
      summary: 'Verify the whole chain, its signed checkpoints and that it still reaches the last exported checkpoint; names the first bad entry',
      tags: ['audit'],
      security,
      response: { 200: Verification, ...authErrors },
    },
  }, async () => {
    await ctx.audit.flush();
    return ctx.checkpoints.verify();
  });

  app.post('/verify', {
    onRequest: auditor,
    schema: {
      summary: 'Verify the chain as GET does, also against checkpoints the caller kept (lines of an export file)',
      tags: ['audit'],
      security,
      body: z.object({ checkpoints: z.array(Exported).max(1000) }),
      response: { 200: Verification, ...authErrors },
    },
  }, async (req) => {
    await ctx.audit.flush();
    return ctx.checkpoints.verify(req.body.checkpoints.map((checkpoint) => ({ source: 'the caller', checkpoint })));
  });

  app.get('/checkpoints', {
    onRequest: auditor,
    schema: {
      summary: 'Signed checkpoints (one per block), oldest first',
      tags: ['audit'],
      security,
      querystring: z.object({ after: z.string().regex(/^\d+$/).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ checkpoints: z.array(Checkpoint) }), ...authErrors },
    },
  }, async (req) => ({ checkpoints: await listCheckpoints(ctx.store.db, req.query) }));

  app.get('/checkpoints/keys', {
    onRequest: auditor,
    schema: { summary: 'The public key checkpoints are signed with (JWKS)', tags: ['audit'], security, response: { 200: z.object({ keys: z.array(Jwk) }), ...authErrors } },
  }, async () => ({ keys: [ctx.checkpoints.signer.jwk] }));

  app.post('/checkpoints/export', {
    onRequest: auditor,
    schema: {
      summary: 'Chain what is pending, then export the newest signed checkpoint to the configured destinations and to the caller, who keeps it',
      tags: ['audit'],
      security,
      response: { 200: z.object({ checkpoint: Exported.optional(), exportedTo: z.array(z.string()) }), ...authErrors },
    },
  }, async (req) => {
    await ctx.audit.flush();
    // the caller's copy counts as an export: verification will hold the chain against it
    return ctx.checkpoints.exportNow([{ name: `api:${req.principal!.id}`, deliver: async () => {} }]);
  });
});
