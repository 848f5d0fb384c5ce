// Lint findings of the current registry or a candidate, with messages in all four languages (staff read in theirs).
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { lint } from '../../law/index.ts';
import { LANGUAGES, loadRegistry, REGIMES } from '../../registry/index.ts';
import { requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Finding = z.object({
  ruleId: z.string(),
  regime: z.enum(REGIMES),
  article: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  subject: z.string(),
  message: z.string(),
  code: z.string().optional(),
  messages: z.partialRecord(z.enum(LANGUAGES), z.string()).optional(),
});

export default routes('/v1/registry', (app, ctx) => {
  app.get('/lint', {
    onRequest: requirePermission(ctx, 'registry:read'),
    schema: {
      summary: 'Lint the current registry against the regimes it declares (or the given ones)',
      tags: ['registry'],
      security: [{ apiKey: [] }],
      querystring: z.object({ regime: z.enum(REGIMES).optional() }),
      response: { 200: z.object({ versionNo: z.number(), findings: z.array(Finding) }), 404: Problem, ...authErrors },
    },
  }, async (req) => {
    const { registry, versionNo } = await ctx.registry.load();
    const findings = lint(registry, { regimes: req.query.regime ? [req.query.regime] : undefined, lang: 'all' });
    return { versionNo, findings };
  });

  app.post('/lint', {
    onRequest: requirePermission(ctx, 'registry:publish'),
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      summary: 'Lint a candidate registry without publishing it (problems with line and column when it is not valid)',
      tags: ['registry'],
      security: [{ apiKey: [] }],
      body: z.object({ source: z.string().min(1).describe('the registry as YAML text') }),
      response: { 200: z.object({ findings: z.array(Finding) }), 422: Problem, ...authErrors },
    },
  }, async (req) => {
    const loaded = loadRegistry(req.body.source, 'registry');
    if (!loaded.ok) {
      const details = loaded.problems.map((p) => ({ path: p.path, message: p.message, code: p.code, line: p.line, col: p.col }));
      throw new AppError('REGISTRY_INVALID', `the registry has ${details.length} problem(s)`, { details });
    }
    return { findings: lint(loaded.registry, { lang: 'all' }) };
  });
});
