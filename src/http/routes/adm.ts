// Automated decisions over HTTP: services record them, staff and services read them and their explanation.
import { z } from 'zod';
import { admScope, explainDecision, Factor, getDecision, listDecisions, NewDecision, recordDecision, type AdmDecision } from '../../adm/index.ts';
import { AppError } from '../../errors.ts';
import { LANGUAGES } from '../../registry/index.ts';
import { getSubject } from '../../subjects/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const DecisionView = z.object({
  id: z.string(),
  subjectId: z.string(),
  purpose: z.string(),
  outcome: z.string(),
  inputs: z.object({ categories: z.array(z.string()), summary: z.string().nullable() }),
  modelVersion: z.string(),
  factors: z.array(Factor),
  significant: z.boolean(),
  registryVersion: z.number(),
  recordedBy: z.string(),
  decidedAt: z.string(),
});
const Channel = z.object({ id: z.string(), label: z.string(), contact: z.string().nullable() });
const Explanation = z.object({
  language: z.enum(LANGUAGES),
  decisionId: z.string(),
  purpose: z.object({ id: z.string(), label: z.string() }),
  outcome: z.string(),
  decidedAt: z.string(),
  significant: z.boolean(),
  logic: z.string().nullable(),
  criteria: z.string().nullable(),
  inputs: z.array(z.object({ category: z.string(), label: z.string() })),
  factors: z.array(z.object({ name: z.string(), weight: z.number(), direction: z.enum(['positive', 'negative']), text: z.string() })),
  modelVersion: z.string(),
  humanReview: z.object({ available: z.boolean(), channels: z.array(Channel) }),
  objection: z.object({ channels: z.array(Channel) }),
  law: z.array(z.string()),
  text: z.string(),
  html: z.string(),
});
const DecisionParams = SubjectParams.extend({ decisionId: z.string().regex(/^adm_[a-f0-9]{32}$/, 'a decision id such as adm_0123…') });

export default routes('/v1/subjects', (app, ctx) => {
  const security = [{ apiKey: [] }];
  const scopeOf = (p: Parameters<typeof admScope>[0]) => admScope(p, ctx.deploy.access.departments);

  app.post('/:id/automated-decisions', {
    onRequest: requirePermission(ctx, 'adm:write'),
    schema: {
      summary: 'Record an automated decision (PIPL 24, PIPA 37-2, GDPR 22): inputs as category references, the model version and main factors',
      tags: ['adm'],
      security,
      params: SubjectParams,
      body: NewDecision,
      response: { 201: DecisionView, 404: Problem, 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const d = await recordDecision(ctx.store.db, await ctx.registry.load(), req.principal!, req.params.id, req.body);
    ctx.jobs.nudge();
    return reply.code(201).send(d);
  });

  app.get('/:id/automated-decisions', {
    onRequest: requirePermission(ctx, 'adm:read'),
    schema: { summary: "The subject's automated decisions the caller may see, newest first", tags: ['adm'], security, params: SubjectParams, response: { 200: z.object({ decisions: z.array(DecisionView) }), 404: Problem, ...authErrors } },
  }, async (req) => {
    await getSubject(ctx.store.db, req.params.id);
    return { decisions: await listDecisions(ctx.store.db, req.params.id, scopeOf(req.principal!)) };
  });

  app.get('/:id/automated-decisions/:decisionId/explanation', {
    onRequest: requirePermission(ctx, 'adm:read'),
    schema: {
      summary: "An explanation of the decision in the subject's language, with how to ask for human review and how to object",
      tags: ['adm'],
      security,
      params: DecisionParams,
      querystring: z.object({ lang: z.enum(LANGUAGES).optional().describe("defaults to the subject's language") }),
      response: { 200: Explanation, 404: Problem, ...authErrors },
    },
  }, async (req) => {
    const subject = await getSubject(ctx.store.db, req.params.id);
    const d: AdmDecision | undefined = await getDecision(ctx.store.db, subject.id, req.params.decisionId, scopeOf(req.principal!));
    if (!d) throw new AppError('NOT_FOUND', 'no such decision');
    const { registry } = await ctx.registry.load();
    await ctx.audit.append({ actor: actorOf(req), action: 'adm.explain', subject: subject.id, purpose: d.purpose, details: { decision: d.id, language: req.query.lang ?? subject.language } });
    return explainDecision(registry, d, subject, req.query.lang);
  });
});
