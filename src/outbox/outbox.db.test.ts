import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { JobQueue } from '../store/index.ts';
import { createWebhook, emitEvent, listDeliveries, registerOutboxJobs, retryDelivery, signWebhook, topicMatches } from './index.ts';

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
