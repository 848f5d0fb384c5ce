import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';

describe('rate limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dataDir: 'memory://' }, 'test/fixtures/minimal.yaml', { CUSTODIA_RATE_LIMIT: '8' });
  });
  afterAll(async () => s?.stop());

  it('refuses a caller past its limit with a problem document, per key, while health stays open', async () => {
    const other = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'other', role: 'auditor' } })).json.key;
    let last;
    for (let i = 0; i < 10; i++) last = await s.call('GET', '/v1/registry/versions', { key: s.adminKey });
    expect(last!.status).toBe(429);
    expect(last!.json).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((await s.call('GET', '/v1/registry/versions', { key: other })).status).toBe(200);
    for (let i = 0; i < 12; i++) expect((await s.call('GET', '/healthz')).status).toBe(200);
  });
});
