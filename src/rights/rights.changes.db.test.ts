import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import type { RightsConnectors } from './index.ts';
import { newPerson, sessionFor, settle, webhookReceiver, stopServer } from './rights.testing.ts';

const NOTICE = 'c'.repeat(64);

for (const target of TEST_DATABASES) {
  describe(`rights changes [${target.name}]`, () => {
    let s: TestServer;
    let hook: Awaited<ReturnType<typeof webhookReceiver>>;
    const keys: Record<string, string> = {};
    let n = 0;
    const customer = async () => {
      const email = `c${++n}@example.eu`;
      const id = await newPerson(s, keys.app, { role: 'customer', regimes: ['gdpr'], language: 'en' }, [{ category: 'email', value: email }, { category: 'name', value: `Chris ${n}` }, { category: 'phone', value: '+35799000111' }]);
      return { id, email, session: await sessionFor(s, email) };
    };
    const file = (session: string, body: Record<string, unknown>) => s.call('POST', '/v1/me/requests', { key: session, body });
    const mine = (session: string, id: string) => s.call('GET', `/v1/me/requests/${id}`, { key: session });
    const events = async (topic: string, subject: string) => {
      for (let i = 0; i < 100; i++) {
        await settle(s);
        const got = hook.received.filter((h) => h.body.topic === topic && h.body.subject === subject);
        if (got.length > 0) return got;
        await new Promise((r) => setTimeout(r, 20));
      }
      return [];
    };

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/000-broker.live.yaml');
      const key = async (name: string, body: Record<string, unknown>) => (keys[name] = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json.key);
      await key('app', { role: 'service', purposes: ['account', 'webinar', 'marketing-email', 'newsletter'] });
      hook = await webhookReceiver();
      await s.call('POST', '/v1/webhooks', { key: s.adminKey, body: { url: hook.url, topics: ['rights.*'] } });
    });
    afterAll(async () => {
      await stopServer(s);
      await hook?.close();
    });

    it('rectifies in the vault and tells, by signed webhook, only the recipients that received the old value', async () => {
      const p = await customer();
      await s.call('POST', `/v1/subjects/${p.id}/shares`, { key: keys.app, body: { recipient: 'webinar-platform', purpose: 'webinar', categories: ['name', 'email'] } });
      const r = await file(p.session, { type: 'rectify', values: [{ category: 'email', value: 'new.address@example.eu' }] });
      expect(r.status).toBe(201);
      expect(r.body).not.toContain('new.address');
      const raw = await s.ctx.store.db.selectFrom('rights_requests').select(['input', 'sealed']).where('id', '=', r.json.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(raw.input)).not.toContain('new.address');
      const [ev] = await events('rights.rectified', p.id);
      expect(ev.body.data).toMatchObject({ request: r.json.id, categories: ['email'], recipients: [{ recipient: 'webinar-platform', categories: ['email'] }] });
      expect(ev.headers['x-custodia-signature']).toMatch(/^t=\d+,v1=[a-f0-9]{64}$/);
      expect(JSON.stringify(ev.body)).not.toContain('new.address');
      const values = await s.ctx.vault.decryptAll(p.id);
      expect(values.find((v) => v.category === 'email')!.value).toBe('new.address@example.eu');
      const done = (await mine(p.session, r.json.id)).json;
      expect(done).toMatchObject({ status: 'completed', result: { categories: ['email'], notified: [{ recipient: 'webinar-platform' }] } });
      const after = await s.ctx.store.db.selectFrom('rights_requests').select('sealed').where('id', '=', r.json.id).executeTakeFirstOrThrow();
      expect(after.sealed).toBeNull();
      // invalid corrections are refused up front, naming the check and not the value
      const bad = await file(p.session, { type: 'rectify', values: [{ category: 'email', value: 'not-an-email' }] });
      expect(bad.status).toBe(400);
      expect(bad.body).not.toContain('not-an-email');
    });

    it('erases by crypto-shredding, keeps what a legal obligation requires and shows why, tells recipients, and keeps the audit clean', async () => {
      const p = await customer();
      await s.call('POST', `/v1/subjects/${p.id}/shares`, { key: keys.app, body: { recipient: 'webinar-platform', purpose: 'webinar', categories: ['name', 'email'] } });
      const r = await file(p.session, { type: 'erase' });
      await settle(s);
      const got = (await mine(p.session, r.json.id)).json;
      expect(got.status).toBe('completed');
      expect(got.result.erased.sort()).toEqual(['email', 'phone']);
      // GDPR 17(3)(b): the name is kept for KYC, legal compliance and record keeping, with the reason shown
      expect(got.result.kept).toHaveLength(1);
      expect(got.result.kept[0]).toMatchObject({ category: 'name', retentionClass: 'legal-hold' });
      expect(got.result.kept[0].reasons.map((x: { purpose: string }) => x.purpose).sort()).toEqual(['kyc', 'legal-compliance', 'record-keeping']);
      expect(got.result.kept[0].reasons.find((x: { purpose: string }) => x.purpose === 'legal-compliance').rule).toMatch(/five years/);
      const left = await s.ctx.vault.decryptAll(p.id);
      expect(left.map((v) => `${v.category}:${v.retentionClass}`)).toEqual(['name:legal-hold']);
      await expect(s.ctx.keyring.key(p.id, 'standard', false)).rejects.toMatchObject({ code: 'VAULT_KEY_UNAVAILABLE' });
      const [ev] = await events('rights.erased', p.id);
      // recipients hear of every category in scope, held ones included: the hold binds the controller, not them
      expect(ev.body.data).toMatchObject({ categories: ['email', 'name', 'phone'], closure: false });
      expect(ev.body.data.recipients.map((r: { recipient: string }) => r.recipient)).toEqual(['webinar-platform']);
      await s.ctx.audit.flush();
      const audit = await s.ctx.store.db.selectFrom('audit_entries').select('body').where('subject', '=', p.id).execute();
      expect(audit.map((a) => JSON.parse(a.body).action)).toEqual(expect.arrayContaining(['data.erase', 'rights.request', 'rights.completed']));
      expect(JSON.stringify(audit)).not.toContain(p.email);
      expect(JSON.stringify(audit)).not.toContain('Chris');
      expect((await s.call('GET', '/v1/audit/verify', { key: s.adminKey })).json.ok).toBe(true);
    });

    it('stops marketing reads at once on an objection', async () => {
      const p = await customer();
      const read = () => s.call('POST', `/v1/subjects/${p.id}/data/read`, { key: keys.app, body: { purpose: 'marketing-email', categories: ['email'] } });
      expect((await read()).json.decision.effect).toBe('allow-full');
      const r = await file(p.session, { type: 'object', marketing: true });
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ status: 'completed', deadline: { immediate: true, rule: 'GDPR-21-2' } });
      const after = await read();
      expect(after.json.decision).toMatchObject({ effect: 'deny', rule: 'OBJECTION_RECORDED' });
      expect(after.json.values[0].value).toBeUndefined();
      expect(r.json.result.purposes.sort()).toEqual(['marketing-email', 'marketing-phone', 'newsletter']);
    });

    it('closes an account: consents withdrawn, values erased except holds, subject closed, recipients told', async () => {
      const p = await customer();
      const version = (await s.call('GET', '/v1/registry', { key: keys.app })).json.versionNo;
      expect((await s.call('POST', `/v1/subjects/${p.id}/consents`, { key: keys.app, body: { purposes: [{ purpose: 'newsletter' }], kind: 'explicit', action: 'checkbox', registryVersion: version, noticeHash: NOTICE, channel: 'web' } })).status).toBe(201);
      await s.call('POST', `/v1/subjects/${p.id}/shares`, { key: keys.app, body: { recipient: 'webinar-platform', purpose: 'webinar', categories: ['email'] } });
      const r = await file(p.session, { type: 'close-account' });
      expect(r.json.deadline.regime).toBe('gdpr');
      await settle(s);
      const got = (await mine(p.session, r.json.id)).json;
      expect(got).toMatchObject({ status: 'completed', result: { closed: true, withdrawn: ['newsletter'] } });
      expect(got.result.kept.map((k: { category: string }) => k.category)).toEqual(['name']);
      expect((await s.call('GET', `/v1/subjects/${p.id}`, { key: keys.app })).json.status).toBe('closed');
      expect((await s.call('POST', `/v1/subjects/${p.id}/data/read`, { key: keys.app, body: { purpose: 'account', categories: ['email'] } })).status).toBe(404);
      const state = await s.ctx.store.db.selectFrom('consent_state').select(['target', 'status']).where('subject_id', '=', p.id).execute();
      expect(state).toEqual([{ target: 'newsletter', status: 'withdrawn' }]);
      const [ev] = await events('rights.erased', p.id);
      expect(ev.body.data).toMatchObject({ closure: true, recipients: [{ recipient: 'webinar-platform' }] });
      // the closed account can still read its requests but no longer verify anew (contact erased)
      expect((await s.call('GET', '/v1/me', { key: p.session })).json.subject.status).toBe('closed');
    });

    it('leaves a failed erasure open with the error, and a retry resumes without repeating done steps', async () => {
      const p = await customer();
      let calls = 0;
      const flaky: RightsConnectors = {
        export: async () => ({ crm: [{ id: 1, segment: 'gold' }] }),
        erase: async () => {
          calls++;
          if (calls === 1) throw new Error('crm database unreachable');
          return [{ table: 'crm.customers', rows: 1 }];
        },
      };
      const rights = s.ctx.rights as unknown as { connectors: RightsConnectors };
      const before = rights.connectors;
      rights.connectors = flaky;
      try {
        const r = await file(p.session, { type: 'erase' });
        let got = (await mine(p.session, r.json.id)).json;
        for (let i = 0; i < 200 && !got.lastError; i++) {
          await s.ctx.jobs.drain(1);
          got = (await mine(p.session, r.json.id)).json;
          if (!got.lastError) await new Promise((res) => setTimeout(res, 10));
        }
        expect(got).toMatchObject({ status: 'open', lastError: 'crm database unreachable' });
        for (let i = 0; i < 50 && got.status === 'open'; i++) {
          // the retry is due after a backoff; bring it forward
          await s.ctx.store.db.updateTable('jobs').set({ run_at: new Date() }).where('queue', '=', 'rights.process').where('status', '=', 'pending').execute();
          await settle(s);
          got = (await mine(p.session, r.json.id)).json;
        }
        expect(got.status).toBe('completed');
        expect(got.result.connectors).toEqual([{ table: 'crm.customers', rows: 1 }]);
        const steps = got.events.map((e: { event: string }) => e.event);
        expect(steps.filter((e: string) => e === 'step:shred')).toHaveLength(1);
        expect(steps.filter((e: string) => e === 'step:hold')).toHaveLength(1);
        expect(steps).toContain('failed');
        expect(calls).toBe(2);
      } finally {
        rights.connectors = before;
      }
    });
  });
}
