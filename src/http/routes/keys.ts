// API keys over HTTP: list, create (secret shown once), rotate, revoke. Admins only.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { createKey, listKeys, revokeKey, ROLES, rotateKey } from '../../principals/index.ts';
import { getVersion } from '../../publication/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  purposes: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  rotatedTo: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
const Issued = z.object({ id: z.string(), key: z.string().describe('shown once; store it now') });
const KeyId = z.object({ id: z.string().regex(/^[a-z0-9]{12}$/) });

export default routes('/v1/keys', (app, ctx) => {
  const admin = requirePermission(ctx, 'keys:manage');
  const security = [{ apiKey: [] }];
  app.get('/', { onRequest: admin, schema: { summary: 'List API keys', tags: ['keys'], security, response: { 200: z.object({ keys: z.array(KeyView) }), ...authErrors } } }, async () => ({
    keys: await listKeys(ctx.store.db),
  }));

  app.post('/', {
    onRequest: admin,
    schema: {
      summary: 'Create an API key; the secret is in this answer only',
      tags: ['keys'],
      security,
      body: z.object({
        name: z.string().min(1).max(100),
        role: z.enum(ROLES),
        department: z.string().min(1).max(100).optional(),
        purposes: z.array(z.string()).max(200).default([]),
      }),
      response: { 201: Issued, 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const { name, role, department, purposes } = req.body;
    if (role === 'service' && purposes.length === 0) throw new AppError('VALIDATION_FAILED', 'a service key must be bound to at least one purpose', { details: [{ path: 'body.purposes', message: 'empty' }] });
    if (purposes.length > 0) {
      const current = await getVersion(ctx.store.db, 'current').catch(() => undefined);
      const known = new Set(current?.registry.purposes.map((p) => p.id) ?? []);
      const unknown = purposes.filter((p) => !known.has(p));
      if (unknown.length > 0) throw new AppError('KEY_PURPOSE_UNKNOWN', `purposes not in the current registry: ${unknown.join(', ')}`, { details: unknown.map((p) => ({ path: 'body.purposes', message: `unknown purpose ${p}` })) });
    }
    const issued = await ctx.store.db.transaction().execute((trx) => createKey(trx, { name, role, department, purposes }, actorOf(req)));
    return reply.code(201).send(issued);
  });

  app.post('/:id/rotate', {
    onRequest: admin,
    schema: { summary: 'Replace a key with a new one and revoke the old', tags: ['keys'], security, params: KeyId, response: { 201: Issued, 404: Problem, ...authErrors } },
  }, async (req, reply) => {
    const next = await rotateKey(ctx.store.db, req.params.id, actorOf(req));
    ctx.keys.forget(req.params.id);
    return reply.code(201).send(next);
  });

  app.delete('/:id', {
    onRequest: admin,
    schema: { summary: 'Revoke a key at once', tags: ['keys'], security, params: KeyId, response: { 204: z.null(), 404: Problem, ...authErrors } },
  }, async (req, reply) => {
    await revokeKey(ctx.store.db, req.params.id, actorOf(req));
    ctx.keys.forget(req.params.id);
    return reply.code(204).send(null);
  });
});
