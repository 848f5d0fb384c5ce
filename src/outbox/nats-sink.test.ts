import { randomBytes, randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { JobQueue } from '../store/index.ts';
import { NatsSink, natsSubject } from './nats-sink.ts';
import { emitEvent, registerOutboxJobs } from './outbox.service.ts';

// the local NATS server with JetStream; a stream and subject prefix of its own per run, deleted at the end
const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const tag = randomBytes(5).toString('hex');
// event ids are per-database sequences, so each test store gets its own stream (ids would collide in one duplicate window)
const streamOf = (db: string) => `CUSTODIA_T${tag.toUpperCase()}_${db.toUpperCase()}`;
const prefixOf = (db: string) => `custodia_t${tag}_${db}`;
let nc: NatsConnection;

beforeAll(async () => {
  try {
    nc = await connect({ servers: url, timeout: 3000 });
  } catch (e) {
    throw new Error(`NATS does not answer at ${url} (${(e as Error).message}); start it (see .ci/run) — this test must run`);
  }
});
afterAll(async () => {
  const jsm = await nc?.jetstreamManager();
  for (const db of ['pglite', 'postgres']) await jsm?.streams.delete(streamOf(db)).catch(() => {});
  await nc?.close();
});

const nextOn = async (stream: string, subject: string) => {
  const jsm = await nc.jetstreamManager();
  const name = `t${randomBytes(4).toString('hex')}`;
  await jsm.consumers.add(stream, { durable_name: name, filter_subject: subject, ack_policy: 'explicit' as never });
  const c = await nc.jetstream().consumers.get(stream, name);
  const m = await c.next({ expires: 3000 });
  await jsm.consumers.delete(stream, name);
  return m;
};

it('maps topics to subjects under the prefix', () => {
  expect(natsSubject('custodia', 'share.created')).toBe('custodia.share.created');
  expect(natsSubject('custodia', 'odd topic.*.>')).toBe('custodia.odd_topic._._');
});

describeStore('NATS JetStream outbox sink', (store, dbName) => {
  const stream = streamOf(dbName);
  const prefix = prefixOf(dbName);
  it('publishes an outbox event to custodia.<topic> once, with the event id as Nats-Msg-Id', async () => {
    const sink = new NatsSink({ url, stream, prefix });
    const queue = new JobQueue(store().db);
    registerOutboxJobs(queue, { timeoutMs: 1000, sinks: [sink] });
    const topic = `share.created_${dbName}`;
    const id = await store().db.transaction().execute((trx) => emitEvent(trx, topic, { share: 'shr_1', recipient: 'courier' }, 'sub_x'));
    await queue.drain();
    const jobs = await store().db.selectFrom('jobs').select(['queue', 'status']).where('queue', '=', 'outbox.sink').execute();
    expect(jobs).toEqual([{ queue: 'outbox.sink', status: 'done' }]);
    const m = await nextOn(stream, `${prefix}.share.created_${dbName}`);
    expect(m).not.toBeNull();
    expect(m!.headers?.get('Nats-Msg-Id')).toBe(id);
    expect(m!.json()).toMatchObject({ id, topic, subject: 'sub_x', data: { share: 'shr_1', recipient: 'courier' } });
    const before = (await (await nc.jetstreamManager()).streams.info(stream)).state.messages;
    // a retried delivery of the same event is stored once (JetStream de-duplication by Nats-Msg-Id)
    await sink.publish({ id, topic, subject: 'sub_x', createdAt: new Date().toISOString(), data: {} });
    // and a second dispatch of the event enqueues nothing new
    await JobQueue.enqueue(store().db, 'outbox.dispatch', { eventId: id });
    await queue.drain();
    expect((await (await nc.jetstreamManager()).streams.info(stream)).state.messages).toBe(before);
    expect(await store().db.selectFrom('jobs').select('id').where('queue', '=', 'outbox.sink').execute()).toHaveLength(1);
    await sink.close();
  });

  it('retries through the job queue while NATS is unreachable', async () => {
    const sink = new NatsSink({ url: 'nats://127.0.0.1:1', stream, prefix, timeoutMs: 500 });
    const queue = new JobQueue(store().db, { backoffMs: () => 0 });
    registerOutboxJobs(queue, { timeoutMs: 1000, sinks: [sink] });
    await emitEvent(store().db, `down_${dbName}`, {});
    await queue.drain(3);
    const job = await store().db.selectFrom('jobs').select(['status', 'attempts', 'last_error']).where('queue', '=', 'outbox.sink').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(job.attempts).toBeGreaterThanOrEqual(1);
    await sink.close();
  });
});

it('creates the CUSTODIA stream over custodia.> when it is missing (defaults)', async () => {
  const sink = new NatsSink({ url });
  const topic = `test.t${tag}`;
  const id = `evt-${randomUUID()}`;
  await sink.publish({ id, topic, subject: null, createdAt: new Date().toISOString(), data: {} });
  const info = await (await nc.jetstreamManager()).streams.info('CUSTODIA');
  expect(info.config.subjects).toContain('custodia.>');
  const m = await (await nc.jetstreamManager()).streams.getMessage('CUSTODIA', { last_by_subj: `custodia.${topic}` });
  expect(m.header.get('Nats-Msg-Id')).toBe(id);
  await sink.close();
});
