// Registry over HTTP: the current version, the version list, one version, and publishing a new one.
import { z } from 'zod';
import { getVersion, listVersions, publishRegistry } from '../../publication/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Version = z.object({
  versionNo: z.number(),
  label: z.string(),
  contentHash: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  overrideReason: z.string().nullable(),
});
const VersionWithDocument = Version.extend({ registry: z.record(z.string(), z.unknown()), changes: z.array(z.unknown()) });
const Finding = z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning', 'info']), path: z.string(), message: z.string() });

export default routes('/v1/registry', (app, ctx) => {
  const read = requirePermission(ctx, 'registry:read');
  app.get('/', {
    onRequest: read,
    schema: { summary: 'The current registry version', tags: ['registry'], security: [{ apiKey: [] }], response: { 200: VersionWithDocument, 404: Problem, ...authErrors } },
  }, async () => getVersion(ctx.store.db, 'current'));

  app.get('/versions', {
    onRequest: read,
    schema: { summary: 'All published versions, newest first', tags: ['registry'], security: [{ apiKey: [] }], response: { 200: z.object({ versions: z.array(Version) }), ...authErrors } },
  }, async () => ({ versions: await listVersions(ctx.store.db) }));

  app.get('/versions/:versionNo', {
    onRequest: read,
    schema: {
      summary: 'One published version with its document and change list',
      tags: ['registry'],
      security: [{ apiKey: [] }],
      params: z.object({ versionNo: z.coerce.number().int().positive() }),
      response: { 200: VersionWithDocument, 404: Problem, ...authErrors },
    },
  }, async (req) => getVersion(ctx.store.db, req.params.versionNo));

  app.post('/versions', {
    onRequest: requirePermission(ctx, 'registry:publish'),
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      summary: 'Publish a new version (validated and linted first; lint errors need an override reason)',
      tags: ['registry'],
      security: [{ apiKey: [] }],
      body: z.object({ source: z.string().min(1).describe('the registry as YAML text'), overrideReason: z.string().max(2000).optional() }),
      response: { 201: Version.extend({ changes: z.array(z.unknown()), findings: z.array(Finding) }), 409: Problem, 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const pub = await publishRegistry(ctx.store.db, req.body.source, actorOf(req), { overrideReason: req.body.overrideReason, hooks: ctx.hooks });
    ctx.jobs.nudge();
    await ctx.registry.refresh();
    return reply.code(201).send(pub);
  });
});
