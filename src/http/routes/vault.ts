// The vault over HTTP: store values, read them for a purpose, find a subject, share, decisions, access report.
import { z } from 'zod';
import type { Decision } from '../../access/index.ts';
import { AppError } from '../../errors.ts';
import { accessReport, activeSubject, decideFor, eraseSubjectData, listShares, shareData } from '../../vault/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const Share = z.object({ id: z.string(), subjectId: z.string(), recipient: z.string(), purpose: z.string(), categories: z.array(z.string()), country: z.string(), crossBorder: z.boolean(), sharedAt: z.string() });
const DecisionView = z.object({ effect: z.enum(['allow-full', 'allow-masked', 'deny']), rule: z.string(), law: z.array(z.string()), reason: z.string(), perCategory: z.record(z.string(), z.string()).optional() });
/** A decision as the API shows it (the engine's frozen objects copied into plain ones). */
function decisionView(d: Decision) {
  return { effect: d.effect, rule: d.rule, law: [...d.law], reason: d.reason, ...(d.perCategory ? { perCategory: { ...d.perCategory } } : {}) };
}

const refusals = { 404: Problem, 409: Problem, 422: Problem, ...authErrors };
const Categories = z.array(z.string().min(1).max(100)).min(1).max(200);

export default routes('/v1', (app, ctx) => {
  const security = [{ apiKey: [] }];

  app.put('/subjects/:id/data', {
    onRequest: requirePermission(ctx, 'data:write'),
    schema: {
      summary: 'Store personal values by category (validated by identifier kind, encrypted); returns tokens to keep instead of values',
      tags: ['vault'],
      security,
      params: SubjectParams,
      body: z.object({ values: z.array(z.object({ category: z.string().min(1).max(100), value: z.string().min(1).max(4096), purposes: z.array(z.string()).optional(), retentionClass: z.string().regex(/^[a-z0-9-]{1,40}$/).optional() })).min(1).max(200) }),
      response: { 200: z.object({ tokens: z.array(z.object({ category: z.string(), token: z.string() })), warnings: z.array(z.object({ path: z.string(), message: z.string() })) }), ...refusals },
    },
  }, async (req) => ctx.vault.put((await ctx.registry.load()).registry, req.params.id, req.body.values, actorOf(req), req.principal));

  app.delete('/subjects/:id/data/:category', {
    onRequest: requirePermission(ctx, 'data:write'),
    schema: {
      summary: 'Delete the value of one category (e.g. a revoked access card); services only for categories their purposes use',
      tags: ['vault'],
      security,
      params: SubjectParams.extend({ category: z.string().min(1).max(100) }),
      response: { 204: z.null(), 404: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const subject = await activeSubject(ctx.store.db, req.params.id);
    const p = req.principal!;
    if (p.kind === 'service' && !registry.purposes.some((x) => p.purposes.includes(x.id) && x.categories.includes(req.params.category))) {
      throw new AppError('ACCESS_DENIED', `none of this key's purposes uses "${req.params.category}"`, { rule: 'ACTOR_PURPOSE_NOT_BOUND' });
    }
    const r = await eraseSubjectData(ctx.store.db, ctx.keyring, subject.id, actorOf(req), { categories: [req.params.category] });
    if (r.erased.length === 0) throw new AppError('NOT_FOUND', 'no value stored for this category');
    return reply.code(204).send(null);
  });

  app.post('/subjects/:id/data/read', {
    onRequest: requirePermission(ctx, 'data:read'),
    schema: {
      summary: 'Read categories for a purpose: each allowed in full, masked, or denied by the decision engine; audited',
      tags: ['vault'],
      security,
      params: SubjectParams,
      body: z.object({ purpose: z.string().min(1).max(100), categories: Categories }),
      response: {
        200: z.object({ decision: DecisionView, values: z.array(z.object({ category: z.string(), effect: z.string(), value: z.string().optional(), masked: z.boolean().optional(), held: z.boolean().optional() })) }),
        ...refusals,
      },
    },
  }, async (req) => {
    await ctx.registry.load();
    const { decision: d, values } = await ctx.vault.read(ctx.policy(), req.principal!, req.params.id, req.body.purpose, req.body.categories, req.id);
    return { decision: decisionView(d), values };
  });

  app.post('/subjects/lookup', {
    onRequest: requirePermission(ctx, 'data:read'),
    schema: {
      summary: 'Find a subject by email or phone through the blind index',
      tags: ['vault'],
      security,
      body: z.object({ kind: z.enum(['email', 'phone']), value: z.string().min(3).max(320) }),
      response: { 200: z.object({ subjectId: z.string() }), 404: Problem, ...authErrors },
    },
  }, async (req) => {
    const id = await ctx.vault.find((await ctx.registry.load()).registry, req.body.kind, req.body.value);
    if (!id) throw new AppError('NOT_FOUND', 'no subject matches');
    await ctx.audit.append({ actor: actorOf(req), action: 'data.lookup', subject: id, details: { kind: req.body.kind } });
    return { subjectId: id };
  });

  app.post('/decisions', {
    onRequest: requirePermission(ctx, 'data:read'),
    schema: {
      summary: 'Ask the decision engine without reading values (audited)',
      tags: ['vault'],
      security,
      body: z.object({ subject: SubjectParams.shape.id, purpose: z.string().min(1), categories: Categories, operation: z.enum(['read', 'storage', 'security']).default('read') }),
      response: { 200: DecisionView, 404: Problem, ...authErrors },
    },
  }, async (req) => {
    await ctx.registry.load();
    const subject = await activeSubject(ctx.store.db, req.body.subject);
    await ctx.consent.projection.warm(subject.id);
    const d = decideFor(ctx.policy(), ctx.consent.projection, req.principal!, subject, req.body.purpose, req.body.categories, req.body.operation);
    await ctx.audit.append({ actor: actorOf(req), action: 'decision', subject: subject.id, purpose: req.body.purpose, categories: req.body.categories, decision: d.effect, rule: d.rule });
    return decisionView(d);
  });

  app.post('/subjects/:id/shares', {
    onRequest: requirePermission(ctx, 'data:share'),
    schema: {
      summary: 'Share data with a declared recipient (checks declaration, consent, transfer mechanism and export counters)',
      tags: ['vault'],
      security,
      params: SubjectParams,
      body: z.object({ recipient: z.string().min(1).max(100), purpose: z.string().min(1).max(100), categories: Categories }),
      response: { 201: Share, ...refusals },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const share = await shareData(ctx.store.db, { registry, policy: ctx.policy(), consent: ctx.consent }, req.principal!, req.params.id, req.body);
    ctx.jobs.nudge();
    return reply.code(201).send(share);
  });

  app.get('/subjects/:id/shares', {
    onRequest: requirePermission(ctx, 'subjects:read'),
    schema: { summary: 'What was shared with whom, and when', tags: ['vault'], security, params: SubjectParams, response: { 200: z.object({ shares: z.array(Share) }), 404: Problem, ...authErrors } },
  }, async (req) => {
    await activeSubject(ctx.store.db, req.params.id);
    return { shares: await listShares(ctx.store.db, req.params.id) };
  });

  app.get('/subjects/:id/access-report', {
    onRequest: requirePermission(ctx, 'subjects:read'),
    schema: {
      summary: "Who read, shared or changed the subject's data, for what and when",
      tags: ['vault'],
      security,
      params: SubjectParams,
      response: { 200: z.object({ accesses: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), purpose: z.string().nullable(), categories: z.array(z.string()), decision: z.string().nullable(), recipient: z.string().nullable() })) }), 404: Problem, ...authErrors },
    },
  }, async (req) => {
    await activeSubject(ctx.store.db, req.params.id);
    await ctx.audit.flush();
    return { accesses: await accessReport(ctx.store.db, req.params.id) };
  });
});
