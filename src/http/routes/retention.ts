// Retention over HTTP: what a sweep would erase, a sweep now, and legal holds (PIPL 19/47, PIPA 21, GDPR 5(1)(e)).
import { z } from 'zod';
import { createHold, getHold, HoldInputSchema, HOLD_KINDS, listHolds, planRetention, releaseHold, runRetentionSweep } from '../../lifecycle/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Count = z.object({ category: z.string(), purpose: z.string(), count: z.number() });
const Plan = z.object({
  at: z.string(), total: z.number(), counts: z.array(Count), held: z.number(),
  items: z.array(z.object({ subjectId: z.string(), category: z.string(), purpose: z.string(), expiresAt: z.string() })),
  undecided: z.array(z.object({ category: z.string(), purposes: z.array(z.string()), reason: z.string(), count: z.number() })),
});
const Sweep = z.object({ at: z.string(), erased: z.number(), counts: z.array(Count), batches: z.number(), keysDestroyed: z.number(), held: z.number(), seconds: z.number() });
const Hold = z.object({
  id: z.string(), kind: z.enum(HOLD_KINDS), reason: z.string(), reference: z.string(), subjects: z.array(z.string()), categories: z.array(z.string()), endsAt: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(), valuesHeld: z.number(), active: z.boolean(), releasedAt: z.string().nullable(), releasedBy: z.string().nullable(), releaseReason: z.string().nullable(),
});
const HoldParams = z.object({ id: z.string().regex(/^hold_[0-9a-f]{32}$/) });
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date and time');

export default routes('/v1', (app, ctx) => {
  const security = [{ apiKey: [] }];
  const manage = requirePermission(ctx, 'retention:manage');
  const holds = requirePermission(ctx, 'holds:manage');

  app.get('/retention/plan', {
    onRequest: manage,
    schema: {
      summary: 'What a retention sweep would erase now (or at a given time), per category and purpose; changes nothing',
      tags: ['retention'], security,
      querystring: z.object({ at: instant.optional(), items: z.coerce.number().int().min(0).max(1000).default(100) }),
      response: { 200: Plan, ...authErrors },
    },
  }, async (req) => planRetention(ctx.lifecycle, req.query.at ? new Date(req.query.at) : ctx.lifecycle.clock(), { items: req.query.items }));

  app.post('/retention/sweep', {
    onRequest: manage,
    schema: { summary: 'Erase every expired value not under a legal hold now, in batches; audited with counts only', tags: ['retention'], security, response: { 200: Sweep, ...authErrors } },
  }, async (req) => runRetentionSweep(ctx.lifecycle, ctx.lifecycle.clock(), actorOf(req)));

  app.post('/holds', {
    onRequest: holds,
    schema: {
      summary: 'Place a legal hold on people, categories or both: people held whole are restricted, held values survive erasure',
      tags: ['retention'], security, body: HoldInputSchema, response: { 201: Hold, 422: Problem, ...authErrors },
    },
  }, async (req, reply) => reply.code(201).send(await createHold(ctx.lifecycle, req.body, actorOf(req))));

  app.get('/holds', {
    onRequest: holds,
    schema: { summary: 'Legal holds, newest first', tags: ['retention'], security, querystring: z.object({ active: z.stringbool().optional() }), response: { 200: z.object({ holds: z.array(Hold) }), ...authErrors } },
  }, async (req) => ({ holds: await listHolds(ctx.lifecycle, { active: req.query.active }) }));

  app.get('/holds/:id', {
    onRequest: holds,
    schema: { summary: 'One legal hold', tags: ['retention'], security, params: HoldParams, response: { 200: Hold, 404: Problem, ...authErrors } },
  }, async (req) => getHold(ctx.lifecycle, req.params.id));

  app.post('/holds/:id/release', {
    onRequest: holds,
    schema: {
      summary: 'Release a legal hold: values return to their class and people to their status unless another hold covers them',
      tags: ['retention'], security, params: HoldParams, body: z.strictObject({ reason: z.string().min(1).max(2000) }), response: { 200: Hold, 404: Problem, 409: Problem, ...authErrors },
    },
  }, async (req) => releaseHold(ctx.lifecycle, req.params.id, actorOf(req), req.body.reason));
});
