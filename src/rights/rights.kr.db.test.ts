import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { newPerson, stopServer } from './rights.testing.ts';

const KST = 9 * 3600_000;

for (const target of TEST_DATABASES) {
  describe(`rights deadlines for Korea [${target.name}]`, () => {
    let s: TestServer;
    const keys: Record<string, string> = {};

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/004-kr-marketplace.live.yaml');
      const key = async (name: string, body: Record<string, unknown>) => (keys[name] = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json.key);
      await key('app', { role: 'service', purposes: ['registration'] });
      await key('dpo', { role: 'privacy-officer' });
    });
    afterAll(async () => stopServer(s));

    it('shows staff the 10-day PIPA deadline, soonest first, with overdue requests flagged', async () => {
      const a = await newPerson(s, keys.app, { role: 'user', regimes: ['pipa'], language: 'ko' }, [{ category: 'email', value: 'kim@example.kr' }]);
      const b = await newPerson(s, keys.app, { role: 'user', regimes: ['pipa'], language: 'ko' }, [{ category: 'email', value: 'lee@example.kr' }]);
      const filed = await s.call('POST', '/v1/requests', { key: keys.app, body: { subjectId: a, type: 'adm-explanation', channel: 'web' } });
      expect(filed.status).toBe(201);
      expect(filed.json.deadline).toMatchObject({ regime: 'pipa', rule: 'PIPA-37.2-1' });
      const access = await s.call('POST', '/v1/requests', { key: keys.app, body: { subjectId: b, type: 'access' } });
      expect(access.json.deadline).toMatchObject({ regime: 'pipa', rule: 'PIPA-35-1', basis: '10 days from the day after receipt' });
      // due at the end of the 10th Korean calendar day after the day of receipt
      const received = new Date(access.json.receivedAt);
      const kDay = new Date(received.getTime() + KST).toISOString().slice(0, 10);
      const due = new Date(Date.parse(`${kDay}T23:59:59.999Z`) + 10 * 86_400_000 - KST);
      expect(access.json.dueAt).toBe(due.toISOString());
      // a request past its deadline comes first and is flagged
      const old = await s.call('POST', '/v1/requests', { key: keys.app, body: { subjectId: b, type: 'adm-human-review' } });
      await s.ctx.store.db.updateTable('rights_requests').set({ due_at: new Date(Date.now() - 86_400_000) }).where('id', '=', old.json.id).execute();
      const list = (await s.call('GET', '/v1/requests?status=open', { key: keys.dpo })).json;
      expect(list.requests[0]).toMatchObject({ id: old.json.id, overdue: true });
      expect(list.overdue).toBe(1);
      const dues = list.requests.map((r: { dueAt: string }) => r.dueAt);
      expect(dues).toEqual([...dues].sort());
      expect(list.requests.find((r: { id: string }) => r.id === filed.json.id).overdue).toBe(false);
    });

    it('refuses a GDPR extension for a person under the PIPA only', async () => {
      const c = await newPerson(s, keys.app, { role: 'user', regimes: ['pipa'], language: 'ko' }, []);
      const r = await s.call('POST', '/v1/requests', { key: keys.app, body: { subjectId: c, type: 'adm-explanation' } });
      const ext = await s.call('POST', `/v1/requests/${r.json.id}/extend`, { key: keys.dpo, body: { reason: 'complex' } });
      expect(ext.json).toMatchObject({ status: 422, code: 'RIGHTS_EXTENSION_REFUSED' });
      expect(ext.json.detail).toMatch(/not under the GDPR/);
    });
  });
}
