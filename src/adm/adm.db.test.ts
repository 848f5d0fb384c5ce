import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';

const PHONE = '01012345678';

for (const target of TEST_DATABASES) {
  describe(`automated decisions over HTTP [${target.name}]`, () => {
    let s: TestServer;
    const keys: Record<string, string> = {};
    const key = async (name: string, body: Record<string, unknown>) => (keys[name] = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json.key);
    const newSubject = async (language = 'ko') => (await s.call('POST', '/v1/subjects', { key: keys.fraud, body: { role: 'user', regimes: ['pipa'], language } })).json.id as string;
    const body = (over: Record<string, unknown> = {}) => ({
      purpose: 'fraud-prevention',
      outcome: 'trade-held',
      inputs: { categories: ['ip-address', 'device-info'], summary: 'sign-in from a device not seen before' },
      modelVersion: 'risk-4.2',
      factors: [{ name: 'account age', weight: 0.25, direction: 'positive' }, { name: 'new device', weight: 0.6, direction: 'negative', category: 'device-info' }],
      ...over,
    });
    const record = (k: string, id: string, b: unknown) => s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: k, body: b });

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/004-kr-marketplace.live.yaml', { CUSTODIA_DEPLOY: 'test/fixtures/deploy-kr.yaml' });
      await key('fraud', { role: 'service', purposes: ['fraud-prevention', 'registration'] });
      await key('reco', { role: 'service', purposes: ['recommendation'] });
      await key('auditor', { role: 'auditor' });
      await key('cs', { role: 'agent', department: 'cs' });
      await key('risk', { role: 'agent', department: 'risk' });
    });
    afterAll(async () => s?.stop());

    it('records a decision as references and factors, audited, with no personal values', async () => {
      const id = await newSubject();
      const r = await record(keys.fraud, id, body());
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ subjectId: id, purpose: 'fraud-prevention', significant: true, modelVersion: 'risk-4.2', inputs: { categories: ['ip-address', 'device-info'] } });
      // main factors come strongest first
      expect(r.json.factors.map((f: { name: string }) => f.name)).toEqual(['new device', 'account age']);
      await s.ctx.audit.flush();
      const audit = await s.ctx.store.db.selectFrom('audit_entries').select('body').where('subject', '=', id).where('action', '=', 'adm.decision').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].body)).toMatchObject({ purpose: 'fraud-prevention', details: { decision: r.json.id, significant: true } });
      const list = await s.call('GET', `/v1/subjects/${id}/automated-decisions`, { key: keys.auditor });
      expect(list.json.decisions.map((d: { id: string }) => d.id)).toEqual([r.json.id]);
    });

    it('refuses purposes without adm, keys not bound to the purpose, staff writers, foreign categories and identifiers in the summary', async () => {
      const id = await newSubject();
      expect((await record(keys.fraud, id, body({ purpose: 'registration', inputs: { categories: ['phone'] } }))).json).toMatchObject({ status: 422, code: 'ADM_PURPOSE_INVALID' });
      expect((await record(keys.reco, id, body())).status).toBe(403);
      expect((await record(s.adminKey, id, body())).status).toBe(403);
      expect((await record(keys.fraud, id, body({ purpose: 'no-such-purpose' }))).json.code).toBe('PURPOSE_UNKNOWN');
      const foreign = await record(keys.fraud, id, body({ inputs: { categories: ['ip-address', 'device-info', 'phone'] } }));
      expect(foreign.json).toMatchObject({ status: 422, code: 'ADM_PURPOSE_INVALID' });
      expect(foreign.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.inputs.categories[2]']);
      const personal = await record(keys.fraud, id, body({ inputs: { categories: ['ip-address', 'device-info'], summary: `called back on ${PHONE}` } }));
      expect(personal.json).toMatchObject({ status: 422, code: 'ADM_INPUT_PERSONAL' });
      expect(personal.json.errors[0].path).toBe('body.inputs.summary');
      expect(personal.body).not.toContain(PHONE);
      expect((await record(keys.fraud, `sub_${'f'.repeat(32)}`, body())).status).toBe(404);
      expect((await s.call('GET', `/v1/subjects/${id}/automated-decisions`, { key: keys.auditor })).json.decisions).toEqual([]);
    });

    it("explains a decision in the subject's language with human review and objection routes; others get 404", async () => {
      const id = await newSubject('ko');
      const d = (await record(keys.fraud, id, body())).json;
      const url = `/v1/subjects/${id}/automated-decisions/${d.id}/explanation`;
      const ko = await s.call('GET', url, { key: keys.auditor });
      expect(ko.status).toBe(200);
      expect(ko.json).toMatchObject({ language: 'ko', purpose: { label: '부정 이용 방지' }, significant: true, humanReview: { available: true }, law: ['PIPA-37.2-1'] });
      expect(ko.json.text).toContain('위험 점수');
      expect(ko.json.text).toContain('new device (가중치 60%, 귀하에게 불리)');
      expect(ko.json.html).toContain('<h1>자동화된 결정에 대한 설명</h1>');
      const en = await s.call('GET', `${url}?lang=en`, { key: keys.fraud });
      expect(en.json.text).toContain('human review');
      // a service bound to other purposes, and an agent whose department does not cover the purpose, see nothing
      expect((await s.call('GET', url, { key: keys.reco })).status).toBe(404);
      expect((await s.call('GET', url, { key: keys.cs })).status).toBe(404);
      expect((await s.call('GET', url, { key: keys.risk })).status).toBe(200);
      expect((await s.call('GET', `/v1/subjects/${id}/automated-decisions`, { key: keys.reco })).json.decisions).toEqual([]);
      expect((await s.call('GET', `/v1/subjects/${id}/automated-decisions/adm_${'0'.repeat(32)}/explanation`, { key: keys.auditor })).status).toBe(404);
      const other = await newSubject();
      expect((await s.call('GET', `/v1/subjects/${other}/automated-decisions/${d.id}/explanation`, { key: keys.auditor })).status).toBe(404);
      expect((await s.call('GET', url)).status).toBe(401);
    });
  });
}
