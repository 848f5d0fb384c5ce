import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { JobQueue } from '../store/index.ts';
import { createWebhook, disableWebhook, emitEvent, listDeliveries, registerOutboxJobs, retryDelivery, signWebhook, topicMatches } from './index.ts';

const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let failNext = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (failNext > 0) {
      failNext--;
      res.writeHead(503).end();
      return;
    }
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('matches topics by exact name, wildcard and prefix', () => {
  expect(topicMatches('*', 'consent.granted')).toBe(true);
  expect(topicMatches('consent.*', 'consent.granted')).toBe(true);
  expect(topicMatches('consent.*', 'registry.published')).toBe(false);
  expect(topicMatches('registry.published', 'registry.published')).toBe(true);
});

describeStore('outbox', (store) => {
  it('fans each event out to exactly the webhooks whose topics match it and to every sink, once', async () => {
    const { db } = store();
    const patterns = [['*'], ['consent.*'], ['consent.granted'], ['consent'], ['consentx.*', 'registry.published'], ['registry.*']];
    const hooks = await Promise.all(patterns.map((p) => createWebhook(db, 'http://127.0.0.1:9/unused', p)));
    await disableWebhook(db, (await createWebhook(db, 'http://127.0.0.1:9/unused', ['*'])).id);
    const topics = ['consent.granted', 'consent.withdrawn', 'consentx.y', 'registry.published', 'consent'];
    const events = await Promise.all(topics.map(async (topic) => ({ topic, id: await emitEvent(db, topic, {}) })));
    const sink = { name: 'bus', publish: async () => {}, close: async () => {} };
    const queue = new JobQueue(db, { backoffMs: () => 0 });
    registerOutboxJobs(queue, { timeoutMs: 2000, sinks: [sink] });
    await queue.drain();
    await queue.drain(); // a second dispatch of the same events adds nothing
    const jobs = await db.selectFrom('jobs').select(['queue', 'payload']).where('queue', 'in', ['webhook.deliver', 'outbox.sink']).execute();
    const got = jobs.map((j) => j.payload as Record<string, string>).map((p) => (p.webhookId ? `${p.eventId}>${p.webhookId}` : `${p.eventId}>sink:${p.sink}`)).sort();
    const want = events.flatMap((e) => [
      `${e.id}>sink:bus`,
      ...hooks.filter((h) => h.topics.some((t) => topicMatches(t, e.topic))).map((h) => `${e.id}>${h.id}`),
    ]).sort();
    expect(got).toEqual(want);
    expect(want.length).toBe(5 + 3 + 3 + 1 + 3 + 2); // sinks, then hooks matched by the five topics
    expect((await db.selectFrom('jobs').select('status').where('queue', 'like', 'outbox.dispatch%').execute()).every((j) => j.status === 'done')).toBe(true);
    // leave the shared store as found: these hooks point nowhere
    for (const h of hooks) await disableWebhook(db, h.id);
    await db.deleteFrom('jobs').where('queue', 'in', ['webhook.deliver', 'outbox.sink']).execute();
  });

  it('delivers committed events as signed webhooks, retries failures and keeps dead letters visible', async () => {
    const { db } = store();
    received.length = 0;
    const hook = await createWebhook(db, url, ['registry.*']);
    const queue = new JobQueue(db, { backoffMs: () => 0 });
    registerOutboxJobs(queue, { timeoutMs: 2000 });
    await db.transaction().execute((trx) => emitEvent(trx, 'registry.published', { versionNo: 1 }));
    await db.transaction().execute(async (trx) => {
      await emitEvent(trx, 'registry.published', { versionNo: 99 });
      throw new Error('rollback');
    }).catch(() => {});
    await emitEvent(db, 'consent.granted', { n: 1 }); // not subscribed
    failNext = 2;
    await queue.drain();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    expect(JSON.parse(body)).toMatchObject({ topic: 'registry.published', data: { versionNo: 1 } });
    const t = Number(/t=(\d+)/.exec(String(headers['x-custodia-signature']))![1]);
    expect(headers['x-custodia-signature']).toBe(signWebhook(hook.secret, t, body));
    expect((await listDeliveries(db, 'done'))[0].attempts).toBe(3);

    // a hook that always fails ends as a dead letter, and can be retried by staff
    failNext = 1000;
    await emitEvent(db, 'registry.published', { versionNo: 2 });
    const q2 = new JobQueue(db, { backoffMs: () => 0 });
    registerOutboxJobs(q2, { timeoutMs: 2000 });
    await q2.drain();
    const dead = await listDeliveries(db, 'dead');
    expect(dead).toHaveLength(1);
    expect(dead[0].lastError).toBe('webhook answered HTTP 503');
    failNext = 0;
    await retryDelivery(db, dead[0].id);
    await q2.drain();
    expect(received).toHaveLength(2);
    await expect(retryDelivery(db, dead[0].id)).rejects.toThrow(/no dead delivery/);
  });
});
