import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';

for (const target of TEST_DATABASES) {
  describe(`notice, lint, stats and the web app's routes [${target.name}]`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/003-online-shop.live.yaml');
    });
    afterAll(async () => s?.stop());

    it('serves the notice without a key, per language and format', async () => {
      const koPage = await s.call('GET', '/v1/notice?lang=ko');
      expect(koPage.status).toBe(200);
      expect(koPage.headers['content-type']).toContain('text/html');
      expect(koPage.body).toContain('<html lang="ko">');
      const md = await s.call('GET', '/v1/notice?lang=en&format=md');
      expect(md.headers['content-type']).toContain('text/markdown');
      expect(md.body.startsWith('# ')).toBe(true);
      expect((await s.call('GET', '/v1/notice')).headers['content-language']).toBe('zh-Hans');
      expect((await s.call('GET', '/v1/notice?lang=fr')).status).toBe(400);
      const ko = (await s.call('GET', '/v1/notice/purposes?lang=ko')).json;
      expect(ko.purposes.find((p: { id: string }) => p.id === 'recommendation')).toMatchObject({ label: '맞춤형 추천', legalBasis: 'consent', required: false });
      expect(ko.permissions.find((p: { id: string }) => p.id === 'location')).toMatchObject({ label: '위치', purposes: ['location-address'] });
      // cached copies are revalidated: the same version answers 304, another language or format a new page
      expect(koPage.headers['cache-control']).toBe('public, no-cache');
      const etag = String(koPage.headers.etag);
      expect((await s.call('GET', '/v1/notice?lang=ko', { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await s.call('GET', '/v1/notice?lang=en', { headers: { 'if-none-match': etag } })).status).toBe(200);
      const purposesTag = String((await s.call('GET', '/v1/notice/purposes?lang=ko')).headers.etag);
      expect((await s.call('GET', '/v1/notice/purposes?lang=ko', { headers: { 'if-none-match': `W/${purposesTag}, "x"` } })).status).toBe(304);
    });

    it('lints the current registry for any staff role, in every declared language', async () => {
      expect((await s.call('GET', '/v1/registry/lint')).status).toBe(401);
      const agent = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'desk', role: 'agent' } })).json.key;
      const r = await s.call('GET', '/v1/registry/lint', { key: agent });
      expect(r.status).toBe(200);
      expect(r.json.versionNo).toBe(1);
      expect(r.json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      for (const f of r.json.findings) expect(f.messages?.['zh-Hans']).toBeTruthy();
      const source = readFileSync('examples/003-online-shop.yaml', 'utf8');
      expect((await s.call('POST', '/v1/registry/lint', { key: agent, body: { source } })).status).toBe(403);
      const candidate = await s.call('POST', '/v1/registry/lint', { key: s.adminKey, body: { source } });
      expect(candidate.status).toBe(200);
      expect(candidate.json.findings.some((f: { severity: string; messages?: Record<string, string> }) => f.severity === 'error' && f.messages?.ko)).toBe(true);
      const bad = await s.call('POST', '/v1/registry/lint', { key: s.adminKey, body: { source: 'organization:\n  names: [oops\n' } });
      expect(bad.status).toBe(422);
      expect(bad.json.errors[0].line).toBeGreaterThan(0);
      expect((await s.call('GET', '/v1/registry/versions', { key: s.adminKey })).json.versions).toHaveLength(1);
    });

    it('counts audit entries per day, action and purpose for readers of the audit log only', async () => {
      const sub = (await s.call('POST', '/v1/subjects', { key: s.adminKey, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json;
      expect(sub.id).toMatch(/^sub_/);
      const agent = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'desk2', role: 'agent' } })).json.key;
      expect((await s.call('GET', '/v1/stats', { key: agent })).status).toBe(403);
      const r = await s.call('GET', '/v1/stats?days=7', { key: s.adminKey });
      expect(r.status).toBe(200);
      expect(r.json.rows.every((row: { day: string; count: number }) => /^\d{4}-\d{2}-\d{2}$/.test(row.day) && row.count > 0)).toBe(true);
      expect(r.json.rows.some((row: { action: string }) => row.action.startsWith('key.'))).toBe(false);
    });

    it('keeps API answers for API paths and sends the apps (or a build hint) elsewhere', async () => {
      const api = await s.call('GET', '/v1/nothing-here');
      expect(api.status).toBe(404);
      expect(api.json.code).toBe('ROUTE_NOT_FOUND');
      expect((await s.call('GET', '/openapi.json')).json.components.schemas.Problem).toBeTruthy();
      for (const path of ['/', '/requests', '/admin', '/admin/keys']) {
        const page = await s.call('GET', path);
        expect([200, 503]).toContain(page.status);
        if (page.status === 200) {
          expect(page.headers['content-type']).toContain('text/html');
          expect(page.headers['cache-control']).toBe('no-cache');
        }
      }
      expect((await s.call('GET', '/assets/missing-abc123.js')).status).toBe(404);
    });
  });
}
