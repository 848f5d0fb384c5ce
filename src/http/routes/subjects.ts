// Subjects over HTTP: create (role, regimes, language) and read; no personal values are kept here.
import { z } from 'zod';
import { createSubject, getSubject } from '../../subjects/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

/** A subject as the API shows it. */
export const SubjectView = z.object({
  id: z.string(),
  externalRef: z.string().nullable(),
  role: z.string(),
  regimes: z.array(z.enum(['pipl', 'pipa', 'gdpr'])),
  language: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/** Path parameter of subject routes. */
export const SubjectParams = z.object({ id: z.string().regex(/^sub_[a-f0-9]{32}$/, 'a subject id such as sub_0123…') });

export default routes('/v1/subjects', (app, ctx) => {
  const security = [{ apiKey: [] }];
  app.post('/', {
    onRequest: requirePermission(ctx, 'subjects:write'),
    schema: {
      summary: 'Create a subject with the regimes that apply to them',
      tags: ['subjects'],
      security,
      body: z.object({
        externalRef: z.string().min(1).max(200).optional().describe("the service's own id for this person"),
        role: z.string().min(1).max(100),
        regimes: z.array(z.enum(['pipl', 'pipa', 'gdpr'])).min(1),
        language: z.enum(['zh-Hans', 'zh-Hant', 'ko', 'en']),
        birthDate: z.iso.date().optional().describe('only used to derive when the person may consent alone; not stored'),
      }),
      response: { 201: SubjectView, 409: Problem, 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const s = await ctx.store.db.transaction().execute((trx) => createSubject(trx, registry, req.body, actorOf(req)));
    return reply.code(201).send(s);
  });

  app.get('/:id', {
    onRequest: requirePermission(ctx, 'subjects:read'),
    schema: { summary: 'Read a subject', tags: ['subjects'], security, params: SubjectParams, response: { 200: SubjectView, 404: Problem, ...authErrors } },
  }, async (req) => getSubject(ctx.store.db, req.params.id));
});
