// Records of processing (GDPR 30) and impact assessments (PIPL 55-56, GDPR 35) of the current registry.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { renderPia, renderRopa } from '../../lifecycle/index.ts';
import { LANGUAGES } from '../../registry/index.ts';
import { requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Query = z.object({ format: z.enum(['html', 'json']).default('html'), lang: z.enum(LANGUAGES).default('en') });
const mime = (format: 'html' | 'json') => (format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');

export default routes('/v1/reports', (app, ctx) => {
  const security = [{ apiKey: [] }];
  const reader = requirePermission(ctx, 'reports:read');

  app.get('/ropa', {
    onRequest: reader,
    schema: { summary: 'The record of processing activities of the current registry (HTML or JSON)', tags: ['reports'], security, querystring: Query, response: { 200: z.string().describe('text/html or application/json'), ...authErrors } },
  }, async (req, reply) => reply.type(mime(req.query.format)).send(renderRopa((await ctx.registry.load()).registry, req.query)));

  app.get('/pia', {
    onRequest: reader,
    schema: {
      summary: 'Impact assessments of a purpose, or of every purpose that needs one (HTML or JSON)', tags: ['reports'], security,
      querystring: Query.extend({ purpose: z.string().min(1).max(100).optional() }), response: { 200: z.string().describe('text/html or application/json'), 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const { purpose, ...opts } = req.query;
    if (purpose && !registry.purposes.some((p) => p.id === purpose)) throw new AppError('PURPOSE_UNKNOWN', `purpose "${purpose}" is not declared in the current registry`, { details: [{ path: 'purpose', message: 'not a declared purpose' }] });
    return reply.type(mime(opts.format)).send(renderPia(registry, purpose ? [purpose] : undefined, opts));
  });
});
