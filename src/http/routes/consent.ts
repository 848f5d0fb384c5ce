// Consent over HTTP: grant, withdraw, device permissions, state and history, staleness, renewals, receipt keys.
import { z } from 'zod';
import { GrantInput, PermissionInput, WithdrawInput } from '../../consent/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const Recorded = z.object({ id: z.string(), subjectId: z.string(), seq: z.string(), type: z.enum(['consent', 'permission']), event: z.string(), target: z.string(), recipient: z.string().nullable(), receipt: z.string() });
const StateRow = z.object({ type: z.enum(['consent', 'permission']), target: z.string(), recipient: z.string().nullable(), status: z.string(), stale: z.boolean(), kind: z.string().nullable(), seq: z.string(), registryVersion: z.number(), updatedAt: z.string() });
const HistoryRow = z.object({ id: z.string(), seq: z.string(), type: z.string(), event: z.string(), target: z.string(), recipient: z.string().nullable(), kind: z.string().nullable(), action: z.string(), registryVersion: z.number(), channel: z.string(), actor: z.string(), occurredAt: z.string(), receipt: z.string() });
const refusals = { 404: Problem, 409: Problem, 422: Problem, ...authErrors };

export default routes('/v1', (app, ctx) => {
  const security = [{ apiKey: [] }];
  const write = requirePermission(ctx, 'consent:write');
  const read = requirePermission(ctx, 'consent:read');
  const manage = requirePermission(ctx, 'consent:manage');

  app.post('/subjects/:id/consents', {
    onRequest: write,
    schema: { summary: 'Record a consent grant (refused by rule when the law needs another kind or action)', tags: ['consent'], security, params: SubjectParams, body: GrantInput, response: { 201: z.object({ events: z.array(Recorded) }), ...refusals } },
  }, async (req, reply) => reply.code(201).send({ events: await ctx.consent.grant(req.params.id, req.body) }));

  app.post('/subjects/:id/consents/withdraw', {
    onRequest: write,
    schema: { summary: 'Withdraw a consent: one call, effective at once', tags: ['consent'], security, params: SubjectParams, body: WithdrawInput, response: { 201: Recorded, ...refusals } },
  }, async (req, reply) => reply.code(201).send(await ctx.consent.withdraw(req.params.id, req.body)));

  app.get('/subjects/:id/consents', {
    onRequest: read,
    schema: {
      summary: "A subject's consents and permissions (stale ones flagged), optionally with the full history",
      tags: ['consent'],
      security,
      params: SubjectParams,
      querystring: z.object({ history: z.stringbool().default(false) }),
      response: { 200: z.object({ state: z.array(StateRow), history: z.array(HistoryRow).optional() }), 404: Problem, ...authErrors },
    },
  }, async (req) => ({ state: await ctx.consent.state(req.params.id), ...(req.query.history ? { history: await ctx.consent.history(req.params.id) } : {}) }));

  app.put('/subjects/:id/permissions/:permission', {
    onRequest: write,
    schema: {
      summary: 'Switch a device permission on or off for a subject',
      tags: ['consent'],
      security,
      params: SubjectParams.extend({ permission: z.string().min(1).max(100) }),
      body: PermissionInput,
      response: { 201: Recorded, ...refusals },
    },
  }, async (req, reply) => reply.code(201).send(await ctx.consent.setPermission(req.params.id, req.params.permission, req.body)));

  app.get('/consents/check', {
    onRequest: read,
    schema: {
      summary: 'Check one consent: granted, stale or absent',
      tags: ['consent'],
      security,
      querystring: z.object({ subject: SubjectParams.shape.id, purpose: z.string().min(1), recipient: z.string().optional() }),
      response: { 200: z.object({ status: z.enum(['granted', 'stale', 'absent']) }), 404: Problem, ...authErrors },
    },
  }, async (req) => {
    await ctx.consent.state(req.query.subject); // 404 for unknown subjects
    return { status: await ctx.consent.check(req.query.subject, req.query.purpose, req.query.recipient) };
  });

  app.get('/consents/stale', {
    onRequest: manage,
    schema: {
      summary: 'Who must be asked again: consents whose scope the current registry changed',
      tags: ['consent'],
      security,
      querystring: z.object({ purpose: z.string().optional(), limit: z.coerce.number().int().min(1).max(10_000).default(1000) }),
      response: { 200: z.object({ stale: z.array(z.object({ subjectId: z.string(), purpose: z.string(), recipient: z.string().nullable(), registryVersion: z.number() })) }), ...authErrors },
    },
  }, async (req) => ({ stale: await ctx.consent.stale(req.query) }));

  app.post('/consents/renewals', {
    onRequest: manage,
    schema: { summary: 'Queue re-consent requests (outbox) for every stale consent', tags: ['consent'], security, body: z.object({ purpose: z.string().optional() }), response: { 202: z.object({ subjects: z.number() }), ...authErrors } },
  }, async (req, reply) => {
    const subjects = await ctx.consent.requestRenewals(actorOf(req), req.body.purpose);
    ctx.jobs.nudge();
    return reply.code(202).send({ subjects });
  });

  app.get('/consents/jwks', {
    schema: { summary: 'Public keys that verify consent receipts (no authentication)', tags: ['consent'], response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async () => ctx.consent.signer.jwks());

  app.post('/consents/keys/rotate', {
    onRequest: manage,
    schema: { summary: 'Rotate the receipt signing key (old receipts still verify)', tags: ['consent'], security, response: { 201: z.object({ kid: z.string() }), ...authErrors } },
  }, async (req, reply) => {
    const kid = await ctx.consent.signer.rotate();
    await ctx.audit.append({ actor: actorOf(req), action: 'consent.keys.rotate', target: kid });
    return reply.code(201).send({ kid });
  });
});
