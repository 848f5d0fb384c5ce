// Webhooks over HTTP: register endpoints, list them, disable them, and see or retry dead deliveries.
import { z } from 'zod';
import { recordAudit } from '../../audit/index.ts';
import { createWebhook, disableWebhook, listDeliveries, listWebhooks, retryDelivery } from '../../outbox/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Webhook = z.object({ id: z.string(), url: z.string(), topics: z.array(z.string()), createdAt: z.string() });
const Delivery = z.object({ id: z.string(), status: z.string(), attempts: z.number(), lastError: z.string().nullable(), eventId: z.string(), webhookId: z.string(), runAt: z.string() });

export default routes('/v1/webhooks', (app, ctx) => {
  const admin = requirePermission(ctx, 'webhooks:manage');
  const security = [{ apiKey: [] }];
  app.get('/', { onRequest: admin, schema: { summary: 'List active webhooks', tags: ['webhooks'], security, response: { 200: z.object({ webhooks: z.array(Webhook) }), ...authErrors } } }, async () => ({
    webhooks: await listWebhooks(ctx.store.db),
  }));

  app.post('/', {
    onRequest: admin,
    schema: {
      summary: 'Register a webhook; its signing secret is in this answer only',
      tags: ['webhooks'],
      security,
      body: z.object({ url: z.url({ protocol: /^https?$/ }), topics: z.array(z.string().regex(/^(\*|[a-z-]+(\.[a-z-]+)*(\.\*)?)$/)).min(1) }),
      response: { 201: Webhook.extend({ secret: z.string() }), ...authErrors },
    },
  }, async (req, reply) => {
    const hook = await ctx.store.db.transaction().execute(async (trx) => {
      const h = await createWebhook(trx, req.body.url, req.body.topics);
      await recordAudit(trx, { actor: actorOf(req), action: 'webhook.create', target: h.id, details: { topics: h.topics } });
      return h;
    });
    return reply.code(201).send(hook);
  });

  app.delete('/:id', {
    onRequest: admin,
    schema: { summary: 'Disable a webhook', tags: ['webhooks'], security, params: z.object({ id: z.string().max(100) }), response: { 204: z.null(), 404: Problem, ...authErrors } },
  }, async (req, reply) => {
    await ctx.store.db.transaction().execute(async (trx) => {
      await disableWebhook(trx, req.params.id);
      await recordAudit(trx, { actor: actorOf(req), action: 'webhook.disable', target: req.params.id });
    });
    return reply.code(204).send(null);
  });

  app.get('/deliveries', {
    onRequest: admin,
    schema: {
      summary: 'Webhook deliveries; status=dead lists dead letters',
      tags: ['webhooks'],
      security,
      querystring: z.object({ status: z.enum(['pending', 'running', 'done', 'dead']).optional() }),
      response: { 200: z.object({ deliveries: z.array(Delivery) }), ...authErrors },
    },
  }, async (req) => ({ deliveries: await listDeliveries(ctx.store.db, req.query.status) }));

  app.post('/deliveries/:id/retry', {
    onRequest: admin,
    schema: { summary: 'Retry a dead delivery', tags: ['webhooks'], security, params: z.object({ id: z.string().regex(/^\d+$/) }), response: { 202: z.null(), 404: Problem, ...authErrors } },
  }, async (req, reply) => {
    await retryDelivery(ctx.store.db, req.params.id);
    ctx.jobs.nudge();
    return reply.code(202).send(null);
  });
});
