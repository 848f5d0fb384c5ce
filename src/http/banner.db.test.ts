import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { verifyReceipt } from '../consent/index.ts';

const REGISTRY = 'examples/001-cybozu-shanghai.live.yaml';

for (const target of TEST_DATABASES) {
  describe(`banner [${target.name}]`, () => {
    let s: TestServer;
    let version: number;
    const choose = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      s.call('POST', '/v1/banner/choices', { body: { registryVersion: version, language: 'en', ...body }, headers: { 'user-agent': 'vitest', ...headers } });

    beforeAll(async () => {
      s = await startTestServer(target.options(), REGISTRY);
      version = (await s.call('GET', '/v1/banner/config?lang=en')).json.registryVersion;
    });
    afterAll(async () => s?.stop());

    it('serves the config without a key, CORS open, in the visitor language', async () => {
      const r = await s.call('GET', '/v1/banner/config?lang=zh-HK,en', { headers: { origin: 'https://shop.example' } });
      expect(r.status).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(r.headers['cache-control']).toBe('public, max-age=300');
      expect(r.json).toMatchObject({ language: 'zh-Hant', registryVersion: version, texts: { acceptAll: '全部接受', rejectAll: '全部拒絕' } });
      expect(r.json.classes.map((k: { id: string }) => k.id)).toEqual(['necessary', 'analytics']);
      const byHeader = await s.call('GET', '/v1/banner/config', { headers: { 'accept-language': 'ko-KR,ko;q=0.9' } });
      expect(byHeader.json.language).toBe('ko');
      const pre = await s.call('OPTIONS', '/v1/banner/choices', { headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-methods']).toContain('POST');
      // the global API stays closed to other origins
      expect((await s.call('GET', '/v1/consents/jwks')).headers['access-control-allow-origin']).toBeUndefined();
    });

    it('records a first choice with a new visitor id and a receipt that verifies, then answers only that visitor', async () => {
      const r = await choose({ choices: { analytics: true, advertising: false } });
      expect(r.status).toBe(201);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      const v = r.json;
      expect(v.visitorId).toMatch(/^vis_[a-f0-9]{32}$/);
      expect(v).toMatchObject({ seq: '1', choices: { necessary: true, functional: false, analytics: true, advertising: false }, gpc: false, gpcOverride: false, saleOrSharingOptOut: true, registryVersion: version, language: 'en' });
      const jwks = (await s.call('GET', '/v1/consents/jwks')).json;
      const { claims } = await verifyReceipt(v.receipt, jwks);
      expect(claims).toMatchObject({ sub: v.visitorId, seq: '1', type: 'tracker-choice', channel: 'banner', registryVersion: version, iss: 'cybozu-shanghai' });
      expect((claims as unknown as { choices: unknown }).choices).toEqual(v.choices);
      expect(JSON.stringify(claims)).not.toContain('vitest');

      const again = await choose({ visitorId: v.visitorId, choices: {} });
      expect(again.json).toMatchObject({ visitorId: v.visitorId, seq: '2', choices: { analytics: false } });
      const current = await s.call('GET', `/v1/banner/choices/${v.visitorId}`);
      expect(current.status).toBe(200);
      expect(current.json).toMatchObject({ visitorId: v.visitorId, seq: '2', choices: { analytics: false }, receipt: again.json.receipt });
      expect(current.json).not.toHaveProperty('ipPrefix');

      const other = await choose({ choices: { analytics: true } });
      expect(other.json.visitorId).not.toBe(v.visitorId);
      expect((await s.call('GET', `/v1/banner/choices/${other.json.visitorId}`)).json.choices.analytics).toBe(true);
      const unknown = await s.call('GET', `/v1/banner/choices/vis_${'0'.repeat(32)}`);
      expect(unknown.status).toBe(404);
      // a browser on another origin must be able to read the refusal too
      expect(unknown.headers['access-control-allow-origin']).toBe('*');
      expect((await s.call('GET', '/v1/banner/choices/sub_123')).status).toBe(400);
    });

    it('honours Global Privacy Control from the header and from the flag: advertising off, sale and sharing refused', async () => {
      const byHeader = await choose({ choices: { analytics: true, advertising: true } }, { 'sec-gpc': '1' });
      expect(byHeader.json).toMatchObject({ gpc: true, gpcOverride: true, saleOrSharingOptOut: true, choices: { analytics: true, advertising: false } });
      const byFlag = await choose({ gpc: true, choices: { functional: true, advertising: true } });
      expect(byFlag.json).toMatchObject({ gpc: true, gpcOverride: true, choices: { functional: true, advertising: false } });
      const { claims } = await verifyReceipt(byFlag.json.receipt, (await s.call('GET', '/v1/consents/jwks')).json);
      expect(claims).toMatchObject({ gpc: true, choices: { advertising: false } });
      const stored = await s.call('GET', `/v1/banner/choices/${byFlag.json.visitorId}`);
      expect(stored.json).toMatchObject({ gpc: true, gpcOverride: true, choices: { advertising: false } });
      const without = await choose({ choices: { advertising: true } });
      expect(without.json).toMatchObject({ gpc: false, gpcOverride: false, saleOrSharingOptOut: false, choices: { advertising: true } });
    });

    it('writes an audit entry and an outbox event with the choice, never the IP or user agent', async () => {
      const r = await choose({ choices: { analytics: true } }, { 'user-agent': 'Mozilla/5.0 unique-agent' });
      const row = await s.ctx.store.db.selectFrom('tracker_choices').select(['ip_prefix', 'user_agent', 'channel']).where('visitor_id', '=', r.json.visitorId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ channel: 'banner', user_agent: 'Mozilla/5.0 unique-agent' });
      const inbox = await s.ctx.store.db.selectFrom('audit_inbox').select(['body']).execute();
      const entries = await s.ctx.store.db.selectFrom('audit_entries').select(['body']).execute();
      const mine = [...inbox, ...entries].map((e) => e.body).filter((b) => b.includes(r.json.visitorId));
      expect(mine.length).toBe(1);
      expect(JSON.parse(mine[0])).toMatchObject({ action: 'banner.choice', target: r.json.visitorId, details: { seq: '1', choices: { analytics: true } } });
      expect(mine[0]).not.toContain('unique-agent');
      const events = await s.ctx.store.db.selectFrom('outbox_events').select(['topic', 'payload']).where('topic', '=', 'banner.choice').execute();
      expect(events.some((e) => JSON.stringify(e.payload).includes(r.json.visitorId))).toBe(true);
    });

    it('refuses invalid bodies and unpublished registry versions', async () => {
      expect((await choose({ choices: { analytics: 'yes' } })).status).toBe(400);
      expect((await choose({ visitorId: 'vis_short', choices: {} })).status).toBe(400);
      expect((await choose({ choices: {}, registryVersion: version + 10 })).json.code).toBe('VALIDATION_FAILED');
    });

    it('links a visitor to a subject with a consent:write key only', async () => {
      const visitor = (await choose({ choices: { analytics: true } })).json.visitorId;
      const svc = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'site', role: 'service', purposes: ['web-analytics'] } })).json.key;
      expect(svc).toMatch(/^cus_/);
      const auditor = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'auditor', role: 'auditor' } })).json.key;
      const subject = (await s.call('POST', '/v1/subjects', { key: svc, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id;
      const body = { visitorId: visitor, subjectId: subject };
      expect((await s.call('POST', '/v1/banner/link', { body })).status).toBe(401);
      expect((await s.call('POST', '/v1/banner/link', { key: auditor, body })).status).toBe(403);
      const ok = await s.call('POST', '/v1/banner/link', { key: svc, body });
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ visitorId: visitor, subjectId: subject, previous: null });
      expect(ok.headers['access-control-allow-origin']).toBeUndefined();
      expect((await s.call('POST', '/v1/banner/link', { key: svc, body: { visitorId: `vis_${'1'.repeat(32)}`, subjectId: subject } })).status).toBe(404);
      expect((await s.call('POST', '/v1/banner/link', { key: svc, body: { visitorId: visitor, subjectId: `sub_${'2'.repeat(32)}` } })).status).toBe(404);
      const later = await choose({ visitorId: visitor, choices: {} });
      expect(later.status).toBe(201);
      const events = await s.ctx.store.db.selectFrom('outbox_events').select(['topic', 'subject_id']).where('subject_id', '=', subject).execute();
      expect(events.map((e) => e.topic)).toEqual(expect.arrayContaining(['banner.linked', 'banner.choice']));
    });

    it('serves the script with CORS, CORP, caching and a matching SRI hash', async () => {
      const js = await s.call('GET', '/banner.js');
      expect(js.status).toBe(200);
      expect(js.headers).toMatchObject({ 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' });
      const sri = (await s.call('GET', '/banner.js.sri')).body;
      const { createHash } = await import('node:crypto');
      expect(sri).toBe(`sha384-${createHash('sha384').update(js.body).digest('base64')}`);
      const paths = Object.keys((await s.call('GET', '/openapi.json')).json.paths);
      expect(paths).toEqual(expect.arrayContaining(['/v1/banner/config', '/v1/banner/choices', '/v1/banner/choices/{visitorId}', '/v1/banner/link', '/banner.js', '/banner.js.sri']));
    });
  });
}
