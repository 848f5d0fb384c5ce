// Lint findings of the current registry, with messages in every language the organization declares.
import { z } from 'zod';
import { lint } from '../../law/index.ts';
import { LANGUAGES, REGIMES } from '../../registry/index.ts';
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
    const findings = lint(registry, { regimes: req.query.regime ? [req.query.regime] : undefined, lang: registry.organization.languages });
    return { versionNo, findings };
  });
});
