import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { KR_INTRUSION } from './breach.fixture.ts';
import { lifecycleServer, type LifecycleTestServer } from './lifecycle.harness.ts';

const HANGUL = /[가-힣]/;
const HAN = /[\u4e00-\u9fff]/;

for (const target of TEST_DATABASES) {
  describe(`breach incidents, 004 with 1,200 people [${target.name}]`, () => {
    let t: LifecycleTestServer;
    const call = (method: string, url: string, body?: unknown, key?: string) => t.s.call(method, url, { key: key ?? t.keys.officer.key, body });
    beforeAll(async () => {
      t = await lifecycleServer(target.options(), 'examples/004-kr-marketplace.live.yaml', ['registration']);
      const db = t.s.ctx.store.db;
      // 1,200 members holding an email address (every tenth reads English) and 300 holding only a gender
      await sql`insert into subjects (id, role, regimes, language) select 'sub_kr' || lpad(g::text, 26, '0'), 'user', '["pipa"]'::jsonb, case when g % 10 = 0 then 'en' else 'ko' end from generate_series(1, 1500) g`.execute(db);
      await sql`insert into vault_values (subject_id, category, token, retention_class, ciphertext, purposes, collected_at, updated_at)
        select 'sub_kr' || lpad(g::text, 26, '0'), case when g <= 1200 then 'email' else 'gender' end, 'tok_kr' || g, 'standard', '\\x00'::bytea, '[]'::jsonb, now(), now() from generate_series(1, 1500) g`.execute(db);
    });
    afterAll(async () => t?.s.stop());

    it('scopes 1,200 people from the vault, reports to the regulator within 72 hours and drafts in Korean (004 step 5)', async () => {
      // estimated at 10 people by an insider: no regulator duty until the scope finds 1,200 (PIPA Decree 40)
      const created = await call('POST', '/v1/incidents', { ...KR_INTRUSION, vector: 'insider', affectedCount: 10 });
      expect(created.status).toBe(201);
      expect(created.json.clocks.find((c: { audience: string }) => c.audience === 'regulator')).toMatchObject({ rule: 'PIPA-34-2', required: false });
      expect((await call('POST', `/v1/incidents/${KR_INTRUSION.id}/notify`, {})).json.code).toBe('INCIDENT_NOT_SCOPED');
      const scoped = await call('POST', `/v1/incidents/${KR_INTRUSION.id}/scope`, {});
      expect(scoped.json).toMatchObject({ total: 1200, vault: 1200, shares: 0, audit: 0 });
      const inc = (await call('GET', `/v1/incidents/${KR_INTRUSION.id}`)).json;
      expect(inc.affected).toMatchObject({ total: 1200, byLanguage: { ko: 1080, en: 120 } });
      expect(inc.severity.kr1000).toBe(true);
      const due = '2026-05-07T01:00:00.000Z';
      expect(inc.clocks.find((c: { audience: string }) => c.audience === 'regulator')).toMatchObject({ rule: 'PIPA-34-2', required: true, due });
      const report = (await call('GET', `/v1/incidents/${KR_INTRUSION.id}/regulator-report?regime=pipa`)).json;
      expect(report).toMatchObject({ regime: 'pipa', lang: 'ko', required: true, due, rule: 'PIPA-34-2' });
      expect(Date.parse(report.due) - Date.parse(KR_INTRUSION.discoveredAt)).toBeLessThanOrEqual(72 * 3_600_000);
      expect(report.text).toMatch(HANGUL);
      expect(report.text).toContain('1,200');
      const ko = (await call('GET', `/v1/incidents/${KR_INTRUSION.id}/drafts?lang=ko`)).json.drafts;
      expect(ko.map((d: { channel: string }) => d.channel)).toEqual(['email', 'letter', 'phone', 'push']);
      for (const d of ko) expect(d.body).toMatch(HANGUL);
      const all = (await call('GET', `/v1/incidents/${KR_INTRUSION.id}/drafts?channel=letter`)).json.drafts;
      expect(all.map((d: { lang: string }) => d.lang)).toEqual(['en', 'ko']);
      expect((await call('GET', `/v1/incidents/${KR_INTRUSION.id}/regulator-report?regime=gdpr`)).status).toBe(422);
    });

    it('queues one outbox notice per person and channel, tracks each send, and flags overdue clocks', async () => {
      const id = KR_INTRUSION.id;
      const sent = await call('POST', `/v1/incidents/${id}/notify`, { channels: ['email', 'push'] });
      expect(sent.status).toBe(202);
      expect(sent.json).toEqual({ queued: 2400, channels: ['email', 'push'] });
      expect((await call('POST', `/v1/incidents/${id}/notify`, { channels: ['email'] })).json.queued).toBe(0);
      const db = t.s.ctx.store.db;
      const events = await db.selectFrom('outbox_events').select(['payload']).where('topic', '=', 'incident.notice').execute();
      expect(events).toHaveLength(2400);
      expect(Object.keys(events[0].payload).sort()).toEqual(['channel', 'draft', 'incident', 'language', 'subject']);
      const jobs = await db.selectFrom('jobs').select('payload').where('queue', '=', 'outbox.dispatch-many').execute();
      expect(jobs.flatMap((j) => (j.payload as { eventIds: string[] }).eventIds)).toHaveLength(2400);
      const subject = (await db.selectFrom('incident_notices').select('subject_id').where('incident_id', '=', id).limit(1).executeTakeFirstOrThrow()).subject_id;
      expect((await call('POST', `/v1/incidents/${id}/notices/status`, { updates: [{ subjectId: subject, channel: 'email', status: 'sent' }] })).json).toEqual({ changed: 1 });
      const clock = t.s.ctx.lifecycle.clock;
      try {
        t.s.ctx.lifecycle.clock = () => new Date('2026-05-07T02:00:00Z');
        const late = (await call('GET', `/v1/incidents/${id}`)).json;
        expect(late.notices).toMatchObject({ total: 2400, people: 1200, byStatus: { queued: 2399, sent: 1 } });
        expect(late.overdue).toBe(true);
        expect(late.clocks.filter((c: { overdue: boolean }) => c.overdue).map((c: { rule: string }) => c.rule)).toEqual(['PIPA-34-2']);
        const filed = await call('POST', `/v1/incidents/${id}/reported`, { regime: 'pipa', reference: 'KISA-2026-0001' });
        expect(filed.json.overdue).toBe(false);
      } finally {
        t.s.ctx.lifecycle.clock = clock;
      }
      await t.s.ctx.audit.flush();
      const audit = await db.selectFrom('audit_entries').select('action').where('action', 'like', 'incident.%').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['incident.create', 'incident.scope', 'incident.notify', 'incident.notice-status', 'incident.reported']));
    });
  });

  describe(`breach incidents, 001 from the audit log [${target.name}]`, () => {
    let t: LifecycleTestServer;
    let crm: { key: string; id: string };
    const call = (method: string, url: string, body?: unknown, key?: string) => t.s.call(method, url, { key: key ?? t.keys.officer.key, body });
    const incident = (over: Record<string, unknown> = {}) => ({
      id: 'INC-2026-001', title: { 'zh-Hans': '客户联系方式被内部账号批量查询', en: 'Bulk lookups of customer contact details' }, description: { 'zh-Hans': '一个内部系统账号在授权范围外批量查询了客户联系方式。', en: 'An internal system account looked up customer contact details beyond its task.' },
      startedAt: new Date(Date.now() - 3_600_000).toISOString(), discoveredAt: new Date(Date.now() + 60_000).toISOString(), categories: ['phone', 'email'], vector: 'insider', affectedCount: 0, regimes: ['pipl'],
      measures: { 'zh-Hans': '已停用该账号并轮换全部密钥。', en: 'The account was disabled and every key rotated.' }, contact: { email: 'privacy@cybozu.example.cn' }, ...over,
    });
    beforeAll(async () => {
      t = await lifecycleServer(target.options(), 'examples/001-cybozu-shanghai.live.yaml', ['trial']);
      crm = (await t.s.call('POST', '/v1/keys', { key: t.s.adminKey, body: { name: 'crm-sync', role: 'service', purposes: ['trial'] } })).json;
    });
    afterAll(async () => t?.s.stop());

    it('finds the people whose data an account read in the window (001 step 8) and drafts in zh-Hans', async () => {
      const people: string[] = [];
      for (let i = 0; i < 5; i++) people.push(await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [{ category: 'phone', value: `+861391234000${i}` }, { category: 'email', value: `c${i}@example.cn` }, { category: 'name', value: `客户${i}` }]));
      const read = (key: string, id: string, categories: string[]) => t.s.call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose: 'trial', categories } });
      for (const id of people.slice(0, 3)) expect((await read(crm.key, id, ['phone', 'email'])).status).toBe(200);
      await read(crm.key, people[3], ['name']); // a read of a category the incident does not involve
      await read(t.keys.service.key, people[4], ['phone']); // a read by another account
      const created = await call('POST', '/v1/incidents', { ...incident(), scope: { actors: [`service:${crm.id}`] } });
      expect(created.status).toBe(201);
      const scoped = await call('POST', '/v1/incidents/INC-2026-001/scope');
      expect(scoped.json).toMatchObject({ total: 3, audit: 3, vault: 0 });
      const found = await t.s.ctx.store.db.selectFrom('incident_subjects').select('subject_id').where('incident_id', '=', 'INC-2026-001').orderBy('subject_id').execute();
      expect(found.map((r) => r.subject_id)).toEqual(people.slice(0, 3).sort());
      const drafts = (await call('GET', '/v1/incidents/INC-2026-001/drafts')).json.drafts;
      expect(drafts.map((d: { lang: string; channel: string }) => `${d.lang}:${d.channel}`)).toEqual(['zh-Hans:email', 'zh-Hans:letter', 'zh-Hans:phone', 'zh-Hans:push']);
      for (const d of drafts) {
        expect(d.body).toMatch(HAN);
        expect(d.rules).toEqual(['PIPL-57-1']);
        expect(d.body).not.toContain('example.cn'.replace('example', 'c0@example'));
      }
      const report = (await call('GET', '/v1/incidents/INC-2026-001/regulator-report?regime=pipl')).json;
      expect(report).toMatchObject({ regime: 'pipl', lang: 'zh-Hans', immediate: true, rule: 'PIPL-57-1' });
      expect(report.text).toMatch(HAN);
    });

    it('refuses roles without the permission, unknown incidents, bad bodies with their paths, and a second id', async () => {
      for (const k of [t.keys.agent.key, t.keys.auditor.key, t.keys.service.key]) {
        expect((await call('POST', '/v1/incidents', incident({ id: 'INC-X' }), k)).status).toBe(403);
        expect((await call('GET', '/v1/incidents', undefined, k)).status).toBe(403);
      }
      expect((await call('GET', '/v1/reports/ropa?format=json', undefined, t.keys.agent.key)).status).toBe(403);
      for (const [m, u] of [['GET', '/v1/incidents/INC-NOPE'], ['POST', '/v1/incidents/INC-NOPE/scope'], ['GET', '/v1/incidents/INC-NOPE/drafts'], ['POST', '/v1/incidents/INC-NOPE/notify']] as const) {
        expect((await call(m, u)).status, u).toBe(404);
      }
      const schema = await call('POST', '/v1/incidents', { ...incident({ id: 'INC-BAD' }), categories: [], vector: 'aliens' });
      expect(schema.status).toBe(400);
      expect(schema.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.categories', 'body.vector']);
      const unknown = await call('POST', '/v1/incidents', incident({ id: 'INC-BAD', categories: ['phone', 'blood-type'], regimes: ['pipa'] }));
      expect(unknown.status).toBe(422);
      expect(unknown.json.code).toBe('INCIDENT_INVALID');
      expect(unknown.json.errors.map((e: { path: string }) => e.path)).toEqual(['categories[1]', 'regimes[0]']);
      expect((await call('POST', '/v1/incidents', incident())).status).toBe(409);
    });

    it('renders the records of processing and impact assessments of the current registry', async () => {
      const ropa = await call('GET', '/v1/reports/ropa?format=json', undefined, t.keys.auditor.key);
      expect(ropa.status).toBe(200);
      expect(JSON.parse(ropa.body).activities.length).toBeGreaterThan(0);
      const html = await call('GET', '/v1/reports/pia?purpose=parent-company-sharing&lang=zh-Hans');
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toMatch(HAN);
      expect((await call('GET', '/v1/reports/pia?purpose=nope')).status).toBe(422);
    });
  });
}
