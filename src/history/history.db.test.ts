import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';

const PHONE = '010-1234-5678';
const thisYear = () => new Date(Date.now() + 9 * 3600_000).getUTCFullYear();

for (const target of TEST_DATABASES) {
  describe(`usage history notice over HTTP [${target.name}]`, () => {
    let s: TestServer;
    let app: string;
    let id: string;

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/004-kr-marketplace.live.yaml', { CUSTODIA_DEPLOY: 'test/fixtures/deploy-kr.yaml' });
      app = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'app', role: 'service', purposes: ['registration', 'seller-provision'] } })).json.key;
      id = (await s.call('POST', '/v1/subjects', { key: app, body: { role: 'user', regimes: ['pipa'], language: 'ko' } })).json.id;
      expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [{ category: 'phone', value: PHONE }, { category: 'name', value: '홍길동' }] } })).status).toBe(200);
      expect((await s.call('POST', `/v1/subjects/${id}/data/read`, { key: app, body: { purpose: 'registration', categories: ['phone'] } })).status).toBe(200);
    });
    afterAll(async () => s?.stop());

    it('lists this year\'s uses and provisions in Korean, without personal values', async () => {
      const version = (await s.call('GET', '/v1/registry', { key: app })).json.versionNo;
      // PIPA 17: the purpose and the provision to the recipient are each consented on their own
      for (const p of [{ purpose: 'seller-provision' }, { purpose: 'seller-provision', recipient: 'sellers' }]) {
        const consent = await s.call('POST', `/v1/subjects/${id}/consents`, { key: app, body: { purposes: [p], kind: 'separate', action: 'checkbox', registryVersion: version, noticeHash: 'b'.repeat(64), channel: 'app' } });
        expect(consent.status, consent.body).toBe(201);
      }
      const share = await s.call('POST', `/v1/subjects/${id}/shares`, { key: app, body: { recipient: 'sellers', purpose: 'seller-provision', categories: ['name', 'phone'] } });
      const r = await s.call('GET', `/v1/subjects/${id}/usage-history?year=${thisYear()}`, { key: app });
      expect(r.status).toBe(200);
      expect(r.json.language).toBe('ko');
      expect(r.json.uses.map((u: { purpose: string }) => u.purpose)).toContain('registration');
      expect(share.status, share.body).toBe(201);
      expect(r.json.provisions.map((p: { recipient: string }) => p.recipient)).toEqual(['sellers']);
      expect(r.json.text).toContain('제20조의2');
      expect(r.json.text).toContain('회원가입 및 회원 관리');
      expect(r.body).not.toContain('1234-5678');
      expect(r.body).not.toContain('홍길동');
      const en = await s.call('GET', `/v1/subjects/${id}/usage-history?year=${thisYear()}&lang=en`, { key: app });
      expect(en.json.text).toContain('Article 20-2');
    });

    it('defaults to the last complete year, and refuses unknown subjects, bad years and missing keys', async () => {
      const auditor = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'auditor', role: 'auditor' } })).json.key;
      const last = await s.call('GET', `/v1/subjects/${id}/usage-history`, { key: auditor });
      expect(last.json).toMatchObject({ year: thisYear() - 1, uses: [], provisions: [] });
      expect((await s.call('GET', `/v1/subjects/sub_${'f'.repeat(32)}/usage-history`, { key: auditor })).status).toBe(404);
      expect((await s.call('GET', `/v1/subjects/${id}/usage-history?year=99`, { key: auditor })).status).toBe(400);
      expect((await s.call('GET', `/v1/subjects/${id}/usage-history`)).status).toBe(401);
    });
  });
}
