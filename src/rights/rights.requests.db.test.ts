import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { newPerson, sessionFor, settle, webhookReceiver, stopServer } from './rights.testing.ts';

for (const target of TEST_DATABASES) {
  describe(`rights requests [${target.name}]`, () => {
    let s: TestServer;
    let hook: Awaited<ReturnType<typeof webhookReceiver>>;
    const keys: Record<string, string> = {};
    let n = 0;
    const customer = async (language = 'en', extra: { category: string; value: string }[] = []) => {
      const email = `p${++n}@example.eu`;
      const id = await newPerson(s, keys.app, { role: 'customer', regimes: ['gdpr'], language }, [{ category: 'email', value: email }, { category: 'name', value: `Person ${n}` }, { category: 'phone', value: '+35799123456' }, ...extra]);
      return { id, email, session: await sessionFor(s, email) };
    };
    const file = (session: string, body: Record<string, unknown>) => s.call('POST', '/v1/me/requests', { key: session, body });
    const mine = (session: string, id: string) => s.call('GET', `/v1/me/requests/${id}`, { key: session });
    const share = (id: string) => s.call('POST', `/v1/subjects/${id}/shares`, { key: keys.app, body: { recipient: 'webinar-platform', purpose: 'webinar', categories: ['name', 'email'] } });

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/000-broker.live.yaml');
      const key = async (name: string, body: Record<string, unknown>) => (keys[name] = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json.key);
      await key('app', { role: 'service', purposes: ['account', 'webinar', 'marketing-email'] });
      await key('agent', { role: 'agent', department: 'cs' });
      await key('auditor', { role: 'auditor' });
      await key('dpo', { role: 'privacy-officer' });
      hook = await webhookReceiver();
      expect((await s.call('POST', '/v1/webhooks', { key: s.adminKey, body: { url: hook.url, topics: ['rights.*'] } })).status).toBe(201);
    });
    afterAll(async () => {
      await stopServer(s);
      await hook?.close();
    });

    it('answers an access request with the data, purposes, bases, sources, recipients, retention, rights and access report', async () => {
      const p = await customer();
      expect((await share(p.id)).status).toBe(201);
      await s.call('POST', `/v1/subjects/${p.id}/data/read`, { key: keys.app, body: { purpose: 'account', categories: ['email'] } });
      const r = await file(p.session, { type: 'access' });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ type: 'access', status: 'open', requester: 'subject', deadline: { regime: 'gdpr', rule: 'GDPR-12-1' } });
      expect((await mine(p.session, r.json.id)).json.answer).toBeUndefined();
      await settle(s);
      const got = (await mine(p.session, r.json.id)).json;
      expect(got.status).toBe('completed');
      const a = got.answer;
      expect(a.processed).toBe(true);
      expect(a.data.find((d: { category: string }) => d.category === 'email').value).toBe(p.email);
      expect(a.purposes.find((x: { id: string }) => x.id === 'account')).toMatchObject({ legalBasis: 'contract', categories: expect.arrayContaining(['email', 'name', 'phone']) });
      expect(a.purposes.find((x: { id: string }) => x.id === 'legal-compliance').legalBasis).toBe('legal-obligation');
      expect(a.purposes.every((x: { retention: string }) => x.retention.length > 0)).toBe(true);
      expect(a.sources.map((x: { category: string }) => x.category)).toContain('email');
      expect(a.recipients).toEqual([expect.objectContaining({ recipient: 'webinar-platform', country: 'US', categories: ['name', 'email'] })]);
      expect(a.rights.length).toBeGreaterThan(0);
      expect(a.complaint.join(' ')).toMatch(/Commissioner/);
      expect(a.accessReport.map((x: { action: string; purpose: string }) => `${x.action}:${x.purpose}`)).toEqual(expect.arrayContaining(['data.read:account', 'data.share:webinar']));
      expect(got.events.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['created', 'run', 'completed']));
      // the staff view never carries the values
      const staff = await s.call('GET', `/v1/requests/${r.json.id}`, { key: keys.dpo });
      expect(staff.status).toBe(200);
      expect(staff.body).not.toContain(p.email);
    });

    it('exports a zip with JSON, CSV and a README in the person language; the first copy is free, the next costs the seed 000 fee', async () => {
      const p = await customer('ko');
      const first = await file(p.session, { type: 'copy' });
      expect(first.json.fee).toEqual({ copyNo: 1, amount: 0, currency: 'EUR' });
      expect((await s.call('GET', `/v1/me/requests/${first.json.id}/export`, { key: p.session })).json.code).toBe('RIGHTS_EXPORT_NOT_READY');
      await settle(s);
      const res = await s.app.inject({ method: 'GET', url: `/v1/me/requests/${first.json.id}/export`, headers: { authorization: `Bearer ${p.session}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const files = unzipSync(new Uint8Array(res.rawPayload));
      expect(Object.keys(files).sort()).toEqual(['README.md', 'data.csv', 'data.json', 'processing.json']);
      expect(strFromU8(files['README.md'])).toContain('개인정보 사본');
      expect(strFromU8(files['data.csv'])).toContain(p.email);
      expect(strFromU8(files['data.csv']).split('\r\n')[0]).toBe('category,label,value,retentionClass,collectedAt');
      const data = JSON.parse(strFromU8(files['data.json']));
      expect(data.data.map((d: { category: string }) => d.category).sort()).toEqual(['email', 'name', 'phone']);
      expect(JSON.parse(strFromU8(files['processing.json'])).purposes.length).toBeGreaterThan(0);
      // the archive is sealed at rest
      const stored = await s.ctx.store.db.selectFrom('rights_exports').select('sealed').where('request_id', '=', first.json.id).executeTakeFirstOrThrow();
      expect(Buffer.from(stored.sealed).includes(Buffer.from('README.md'))).toBe(false);
      const second = await file(p.session, { type: 'copy' });
      expect(second.json.fee).toEqual({ copyNo: 2, amount: 10, currency: 'EUR' });
    });

    it('refuses an unknown type and a second open request of the same kind, and hides other people\'s requests', async () => {
      const p = await customer();
      const other = await customer();
      const unknown = await file(p.session, { type: 'teleport' });
      expect(unknown.status).toBe(422);
      expect(unknown.json.code).toBe('RIGHTS_TYPE_UNKNOWN');
      const adm = await file(p.session, { type: 'adm-explanation', decisionRef: 'dec_1' });
      expect(adm.status).toBe(201);
      const again = await file(p.session, { type: 'adm-explanation' });
      expect(again.status).toBe(409);
      expect(again.json.code).toBe('RIGHTS_REQUEST_OPEN');
      expect((await mine(other.session, adm.json.id)).status).toBe(404);
      expect((await mine(other.session, `req_${'0'.repeat(32)}`)).status).toBe(404);
      expect((await s.call('GET', `/v1/me/requests/${adm.json.id}/export`, { key: other.session })).status).toBe(404);
      expect((await s.call('GET', '/v1/me/requests', { key: other.session })).json.requests).toEqual([]);
      // staff answer the ADM explanation; the person reads it
      const done = await s.call('POST', `/v1/requests/${adm.json.id}/complete`, { key: keys.dpo, body: { text: 'The credit decision used your credit report; a person reviewed it.' } });
      expect(done.json).toMatchObject({ status: 'completed', outcome: { code: 'answered' } });
      expect((await mine(p.session, adm.json.id)).json.outcome.text).toContain('credit report');
    });

    it('gives 403 to staff roles without rights permissions and lists open requests by deadline for those with them', async () => {
      const p = await customer();
      await file(p.session, { type: 'adm-explanation' });
      expect((await s.call('GET', '/v1/requests', { key: keys.agent })).status).toBe(403);
      expect((await s.call('POST', '/v1/requests', { key: keys.auditor, body: { subjectId: `sub_${'0'.repeat(32)}`, type: 'access' } })).status).toBe(403);
      const list = await s.call('GET', '/v1/requests', { key: keys.auditor });
      expect(list.status).toBe(200);
      const due = list.json.requests.map((r: { dueAt: string }) => r.dueAt);
      expect(due).toEqual([...due].sort());
      const any = list.json.requests[0];
      expect((await s.call('POST', `/v1/requests/${any.id}/refuse`, { key: keys.auditor, body: { code: 'other', text: 'no' } })).status).toBe(403);
      expect((await s.call('POST', `/v1/requests/${any.id}/extend`, { key: keys.agent, body: { reason: 'complex' } })).status).toBe(403);
    });

    it('extends a GDPR deadline once within the first month with the reason told to the person, and not after', async () => {
      const p = await customer();
      const r = await file(p.session, { type: 'adm-human-review' });
      const due = new Date(r.json.dueAt);
      const ext = await s.call('POST', `/v1/requests/${r.json.id}/extend`, { key: keys.dpo, body: { reason: 'Many related decisions to review' } });
      expect(ext.status).toBe(200);
      expect(new Date(ext.json.dueAt).getTime()).toBeGreaterThan(due.getTime() + 55 * 86_400_000);
      expect(ext.json.deadline.extended).toBe(true);
      const seen = await mine(p.session, r.json.id);
      expect(seen.json.extension.reason).toBe('Many related decisions to review');
      expect((await s.call('POST', `/v1/requests/${r.json.id}/extend`, { key: keys.dpo, body: { reason: 'again' } })).json.code).toBe('RIGHTS_EXTENSION_REFUSED');
      const late = await file(p.session, { type: 'adm-explanation' });
      const old = new Date(Date.now() - 40 * 86_400_000);
      await s.ctx.store.db.updateTable('rights_requests').set({ received_at: old }).where('id', '=', late.json.id).execute();
      const refused = await s.call('POST', `/v1/requests/${late.json.id}/extend`, { key: keys.dpo, body: { reason: 'too late' } });
      expect(refused.status).toBe(422);
      expect(refused.json).toMatchObject({ code: 'RIGHTS_EXTENSION_REFUSED', rule: 'GDPR-12-1' });
    });

    it('takes requests by an agent only with proof, for staff review, and rejects with the complaint routes', async () => {
      const p = await customer();
      const body = { subjectId: p.id, type: 'access', requester: 'agent' };
      expect((await s.call('POST', '/v1/requests', { key: keys.app, body })).json.code).toBe('RIGHTS_PROOF_REQUIRED');
      const r = await s.call('POST', '/v1/requests', { key: keys.app, body: { ...body, proofRef: 'doc_mandate_1' } });
      expect(r.json).toMatchObject({ status: 'awaiting-review', requester: 'agent', proofRef: 'doc_mandate_1' });
      const rej = await s.call('POST', `/v1/requests/${r.json.id}/review`, { key: keys.dpo, body: { decision: 'reject', reason: 'The mandate is not signed.' } });
      expect(rej.json).toMatchObject({ status: 'rejected', reviewReason: 'The mandate is not signed.' });
      expect(rej.json.outcome.text).toMatch(/Commissioner/);
      const again = await s.call('POST', '/v1/requests', { key: keys.app, body: { ...body, proofRef: 'doc_mandate_2' } });
      const ok = await s.call('POST', `/v1/requests/${again.json.id}/review`, { key: keys.dpo, body: { decision: 'approve', reason: 'Signed mandate checked.' } });
      expect(ok.json.status).toBe('open');
      await settle(s);
      expect((await s.call('GET', `/v1/requests/${again.json.id}`, { key: keys.dpo })).json.status).toBe('completed');
      const relative = await s.call('POST', '/v1/requests', { key: keys.app, body: { subjectId: p.id, type: 'restrict', requester: 'relative', proofRef: 'doc_death_1' } });
      expect(relative.json).toMatchObject({ status: 400, rule: 'PIPL-49-1' });
    });
  });
}
