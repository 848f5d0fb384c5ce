import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');

for (const target of TEST_DATABASES) {
  describe(`HTTP API [${target.name}]`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(target.options());
    });
    afterAll(async () => s?.stop());

    it('answers health, metrics and an OpenAPI 3.1 document that lists every route', async () => {
      expect((await s.call('GET', '/healthz')).json).toMatchObject({ status: 'ok' });
      expect((await s.call('GET', '/metrics')).body).toContain('custodia_http_requests_total');
      const doc = (await s.call('GET', '/openapi.json')).json;
      expect(doc.openapi).toBe('3.1.0');
      for (const path of ['/v1/registry/', '/v1/registry/versions', '/v1/registry/versions/{versionNo}', '/v1/keys/', '/v1/keys/{id}/rotate', '/v1/audit/verify', '/v1/webhooks/', '/healthz']) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
    });

    it('refuses missing, malformed, forged and revoked keys with 401, and wrong roles with 403', async () => {
      const missing = await s.call('GET', '/v1/registry');
      expect(missing.status).toBe(401);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect((await s.call('GET', '/v1/registry', { key: 'garbage' })).status).toBe(401);
      const forged = s.adminKey.slice(0, -3) + (s.adminKey.endsWith('abc') ? 'xyz' : 'abc');
      expect((await s.call('GET', '/v1/registry', { key: forged })).status).toBe(401);
      const auditor = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'auditor', role: 'auditor' } })).json.key;
      expect((await s.call('GET', '/v1/audit/verify', { key: auditor })).status).toBe(200);
      const denied = await s.call('POST', '/v1/keys', { key: auditor, body: { name: 'x', role: 'admin' } });
      expect(denied.status).toBe(403);
      expect(denied.json.code).toBe('FORBIDDEN');
      expect((await s.call('POST', '/v1/registry/versions', { key: auditor, body: { source: minimal } })).status).toBe(403);
      const svc = await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'orders', role: 'service', purposes: ['account'] } });
      expect(svc.status).toBe(201);
      expect((await s.call('GET', '/v1/keys', { key: svc.json.key })).status).toBe(403);
      expect((await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'x', role: 'service', purposes: ['no-such-purpose'] } })).json.code).toBe('KEY_PURPOSE_UNKNOWN');
      expect((await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'x', role: 'service' } })).json.code).toBe('VALIDATION_FAILED');
      const rotated = await s.call('POST', `/v1/keys/${svc.json.id}/rotate`, { key: s.adminKey });
      expect(rotated.status).toBe(201);
      expect((await s.call('GET', '/v1/registry', { key: svc.json.key })).status).toBe(401);
      expect((await s.call('GET', '/v1/registry', { key: rotated.json.key })).status).toBe(200);
      expect((await s.call('DELETE', `/v1/keys/${rotated.json.id}`, { key: s.adminKey })).status).toBe(204);
      expect((await s.call('GET', '/v1/registry', { key: rotated.json.key })).status).toBe(401);
      expect((await s.call('DELETE', `/v1/keys/${rotated.json.id}`, { key: s.adminKey })).status).toBe(404);
      const list = (await s.call('GET', '/v1/keys', { key: s.adminKey })).json.keys;
      expect(JSON.stringify(list)).not.toMatch(/cus_[a-z0-9]{12}_/);
    });

    it('publishes a version, refuses an invalid or identical one and leaves everything unchanged', async () => {
      const key = s.adminKey;
      const before = (await s.call('GET', '/v1/registry/versions', { key })).json.versions;
      const bad = await s.call('POST', '/v1/registry/versions', { key, body: { source: minimal.replace('country: JP', 'country: Japan') } });
      expect(bad.status).toBe(422);
      expect(bad.json.code).toBe('REGISTRY_INVALID');
      expect(bad.json.errors[0]).toMatchObject({ path: 'recipients[0].country', line: expect.any(Number) });
      expect((await s.call('POST', '/v1/registry/versions', { key, body: { source: minimal } })).json.code).toBe('REGISTRY_VERSION_EXISTS');
      expect((await s.call('POST', '/v1/registry/versions', { key, body: { source: 'a: [' } })).json.code).toBe('REGISTRY_INVALID');
      expect((await s.call('GET', '/v1/registry/versions', { key })).json.versions).toEqual(before);
      const next = minimal.replace('version: "1.0.0"', 'version: "1.0.1"').replace('categories: [face]', 'categories: [face, name]');
      const pub = await s.call('POST', '/v1/registry/versions', { key, body: { source: next } });
      expect(pub.status).toBe(201);
      expect(pub.json.versionNo).toBe(before[0].versionNo + 1);
      expect(pub.json.changes.length).toBeGreaterThan(0);
      const current = (await s.call('GET', '/v1/registry', { key })).json;
      expect(current.registry.organization.version).toBe('1.0.1');
      expect((await s.call('GET', `/v1/registry/versions/${before[0].versionNo}`, { key })).json.label).toBe('1.0.0');
      expect((await s.call('GET', '/v1/registry/versions/999', { key })).status).toBe(404);
      expect((await s.call('GET', '/v1/registry/versions/abc', { key })).json).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('gives clear errors for bad bodies, oversized bodies and unknown routes', async () => {
      const key = s.adminKey;
      const notJson = await s.call('POST', '/v1/keys', { key, body: '{"name": ' });
      expect(notJson.json).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const wrong = await s.call('POST', '/v1/keys', { key, body: { name: '', role: 'emperor' } });
      expect(wrong.status).toBe(400);
      expect(wrong.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.name', 'body.role']);
      const huge = await s.call('POST', '/v1/keys', { key, body: { name: 'x'.repeat(2_000_000), role: 'admin' } });
      expect(huge.json).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
      expect((await s.call('GET', '/v1/no-such-thing', { key })).json).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
      expect((await s.call('DELETE', '/v1/registry', { key })).json).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    });

    it('records every change in a verifiable audit chain', async () => {
      const r = await s.call('GET', '/v1/audit/verify', { key: s.adminKey });
      expect(r.json.ok).toBe(true);
      const entries = (await s.call('GET', '/v1/audit?limit=1000', { key: s.adminKey })).json.entries;
      const actions = entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['registry.publish', 'key.create', 'key.rotate', 'key.revoke']));
      expect(JSON.stringify(entries)).not.toMatch(/cus_[a-z0-9]{12}_/);
    });
  });
}
