import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { feedPayloads } from './index.ts';

it('splits the subjects of a batch into NOTIFY payloads under 8,000 bytes, losing none', () => {
  const ids = Array.from({ length: 900 }, (_, i) => `sub_${String(i).padStart(32, '0')}`);
  const payloads = feedPayloads('origin12', ids);
  expect(payloads.length).toBeGreaterThan(1);
  for (const p of payloads) {
    expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(p.startsWith('origin12 ')).toBe(true);
  }
  expect(payloads.flatMap((p) => p.slice(9).split(','))).toEqual(ids);
  expect(feedPayloads('o', [])).toEqual([]);
});

// Two server processes on one PostgreSQL database (same schema), as a scaled-out deployment runs them.
describe.skipIf(!process.env.DATABASE_URL)('consent caches of two processes on one database', () => {
  const store = { databaseUrl: process.env.DATABASE_URL, schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 5 };
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer(store);
    b = await startTestServer(store, undefined, {}, { dropSchema: false }); // the registry is already published: it loads it
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a withdrawal recorded by one process stops the purpose in the other, and a grant starts it', async () => {
    const svc = (await a.call('POST', '/v1/keys', { key: a.adminKey, body: { name: 'app', role: 'service', purposes: ['account'] } })).json.key as string;
    const version = (await a.call('GET', '/v1/registry', { key: svc })).json.versionNo as number;
    const id = (await a.call('POST', '/v1/subjects', { key: svc, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id as string;
    const checkIn = async (s: TestServer) => (await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status as string;
    const eventually = async (want: string) => {
      for (let i = 0; i < 100 && (await checkIn(b)) !== want; i++) await new Promise((r) => setTimeout(r, 20));
      return checkIn(b);
    };
    expect(await checkIn(b)).toBe('absent'); // b has the person in its cache now
    const grant = await a.call('POST', `/v1/subjects/${id}/consents`, { key: svc, body: { purposes: [{ purpose: 'face-login' }], kind: 'separate', action: 'checkbox', registryVersion: version, noticeHash: 'a'.repeat(64), channel: 'app' } });
    expect(grant.status).toBe(201);
    expect(await eventually('granted')).toBe('granted');
    expect((await a.call('POST', `/v1/subjects/${id}/consents/withdraw`, { key: svc, body: { purpose: 'face-login', channel: 'web' } })).status).toBe(201);
    expect(await eventually('absent')).toBe('absent');
  });
});
