import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { ReceiptSigner, replayProjection, storedProjection, verifyReceipt, type PreparedEvent } from './index.ts';
import { ConsentWriter } from './consent.writer.ts';

const minimal = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const NOTICE = 'a'.repeat(64);

for (const target of TEST_DATABASES) {
  describe(`consent [${target.name}]`, () => {
    let s: TestServer;
    let svc: string;
    let version: number;
    const newSubject = async (extra: Record<string, unknown> = {}) => (await s.call('POST', '/v1/subjects', { key: svc, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans', ...extra } })).json.id as string;
    const grant = (id: string, body: Record<string, unknown>) =>
      s.call('POST', `/v1/subjects/${id}/consents`, { key: svc, body: { kind: 'separate', action: 'checkbox', registryVersion: version, noticeHash: NOTICE, channel: 'app', ...body } });
    const history = async (id: string) => (await s.call('GET', `/v1/subjects/${id}/consents?history=true`, { key: svc })).json.history as unknown[];

    beforeAll(async () => {
      s = await startTestServer(target.options());
      svc = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'app', role: 'service', purposes: ['account'] } })).json.key;
      version = (await s.call('GET', '/v1/registry', { key: svc })).json.versionNo;
    });
    afterAll(async () => s?.stop());

    it('refuses invalid actions, weaker kinds, bundles, outdated notices and non-consent purposes, writing nothing', async () => {
      const id = await newSubject();
      const cases: [Record<string, unknown>, number, string, string?][] = [
        [{ purposes: [{ purpose: 'face-login' }], action: 'continued-use' }, 422, 'CONSENT_INVALID_ACTION', 'PIPL-14-1'],
        [{ purposes: [{ purpose: 'face-login' }], action: 'pre-ticked' }, 422, 'CONSENT_INVALID_ACTION', 'PIPL-14-1'],
        [{ purposes: [{ purpose: 'face-login' }], kind: 'general' }, 422, 'CONSENT_KIND_INSUFFICIENT', 'PIPL-29-1'],
        [{ purposes: [{ purpose: 'account', recipient: 'parent' }], kind: 'general' }, 422, 'CONSENT_KIND_INSUFFICIENT', 'PIPL-23-1'],
        [{ purposes: [{ purpose: 'face-login' }, { purpose: 'account', recipient: 'parent' }] }, 422, 'CONSENT_BUNDLED'],
        [{ purposes: [{ purpose: 'account' }] }, 422, 'CONSENT_NOT_APPLICABLE'],
        [{ purposes: [{ purpose: 'marketing' }] }, 422, 'PURPOSE_UNKNOWN'],
        [{ purposes: [{ purpose: 'face-login', recipient: 'parent' }] }, 422, 'RECIPIENT_UNKNOWN'],
        [{ purposes: [{ purpose: 'face-login' }], registryVersion: version + 100 }, 409, 'CONSENT_NOTICE_OUTDATED'],
        [{ purposes: [{ purpose: 'face-login' }], noticeHash: 'nothex' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code, rule] of cases) {
        const r = await grant(id, body);
        expect({ status: r.status, code: r.json.code, ...(rule ? { rule: r.json.rule } : {}) }, JSON.stringify(body)).toEqual({ status, code, ...(rule ? { rule } : {}) });
      }
      expect(await history(id)).toEqual([]);
    });

    it('records a grant with a receipt that verifies offline, honours withdrawal and keeps the history', async () => {
      const id = await newSubject();
      const g = await grant(id, { purposes: [{ purpose: 'face-login' }], ip: '203.0.113.77', userAgent: 'test' });
      expect(g.status).toBe(201);
      const ev = g.json.events[0];
      expect(ev).toMatchObject({ subjectId: id, seq: '1', target: 'face-login', event: 'grant' });
      const jwks = (await s.call('GET', '/v1/consents/jwks')).json;
      const { claims } = await verifyReceipt(ev.receipt, jwks);
      expect(claims).toMatchObject({ sub: id, seq: '1', target: 'face-login', kind: 'separate', noticeHash: NOTICE, registryVersion: version });
      expect(JSON.stringify(claims)).not.toContain('203.0.113');
      const tampered = ev.receipt.replace(/\.([^.]+)\./, (_m: string, p: string) => `.${p.slice(0, -2)}AA.`);
      await expect(verifyReceipt(tampered, jwks)).rejects.toMatchObject({ code: 'RECEIPT_INVALID' });
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status).toBe('granted');
      const w = await s.call('POST', `/v1/subjects/${id}/consents/withdraw`, { key: svc, body: { purpose: 'face-login', channel: 'app' } });
      expect(w.status).toBe(201);
      expect(w.json.seq).toBe('2');
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status).toBe('absent');
      const h = (await history(id)) as { event: string; seq: string }[];
      expect(h.map((e) => [e.seq, e.event])).toEqual([['1', 'grant'], ['2', 'withdraw']]);
      const sharing = await grant(id, { purposes: [{ purpose: 'account', recipient: 'parent' }] });
      expect(sharing.status).toBe(201);
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=account&recipient=parent`, { key: svc })).json.status).toBe('granted');
    });

    it("needs a guardian's consent for a child", async () => {
      const tenYearsAgo = new Date(Date.now() - 10 * 365.25 * 86_400_000).toISOString().slice(0, 10);
      const child = await newSubject({ birthDate: tenYearsAgo });
      const alone = await grant(child, { purposes: [{ purpose: 'face-login' }] });
      expect(alone.json).toMatchObject({ code: 'CONSENT_GUARDIAN_REQUIRED', rule: 'PIPL-31-1' });
      expect((await grant(child, { purposes: [{ purpose: 'face-login' }], actor: 'guardian', guardianRef: 'verif-123' })).status).toBe(201);
    });

    it('switches device permissions and refuses undeclared ones', async () => {
      const id = await newSubject();
      const off = await s.call('PUT', `/v1/subjects/${id}/permissions/camera`, { key: svc, body: { enabled: false, channel: 'app' } });
      expect(off.status).toBe(201);
      const state = (await s.call('GET', `/v1/subjects/${id}/consents`, { key: svc })).json.state;
      expect(state).toContainEqual(expect.objectContaining({ type: 'permission', target: 'camera', status: 'off' }));
      expect((await s.call('PUT', `/v1/subjects/${id}/permissions/teleport`, { key: svc, body: { enabled: true, channel: 'app' } })).json.code).toBe('PERMISSION_UNKNOWN');
    });

    it('orders concurrent grants and withdrawals by sequence number; replay rebuilds the same projection', async () => {
      const id = await newSubject();
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0 ? grant(id, { purposes: [{ purpose: 'face-login' }] }) : s.call('POST', `/v1/subjects/${id}/consents/withdraw`, { key: svc, body: { purpose: 'face-login', channel: 'web' } })));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const seqs = results.map((r) => Number(r.json.events?.[0]?.seq ?? r.json.seq)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const replayed = await replayProjection(s.ctx.store.db, id);
      expect(await storedProjection(s.ctx.store.db, id)).toEqual(replayed);
      const last = results.find((r) => Number(r.json.events?.[0]?.seq ?? r.json.seq) === 40)!;
      const expected = last.json.events ? 'granted' : 'absent';
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status).toBe(expected);
    });


    it('two writers sharing the database (two server processes) number each subject without gaps or deadlock', async () => {
      const ids = await Promise.all(Array.from({ length: 6 }, () => newSubject()));
      const signer = new ReceiptSigner(s.ctx.store.db);
      await signer.init();
      const writers = [new ConsentWriter(s.ctx.store.db, signer, () => 'test'), new ConsentWriter(s.ctx.store.db, signer, () => 'test')];
      const event = (subjectId: string, i: number): PreparedEvent => ({
        subjectId, type: 'consent', event: i % 3 === 2 ? 'withdraw' : 'grant', target: 'face-login', recipient: '', kind: 'separate', action: 'checkbox',
        registryVersion: version, scopeHash: null, noticeHash: NOTICE, channel: 'app', language: null, userAgent: null, ipPrefix: null, region: null,
        actor: 'service:test', occurredAt: new Date(),
      });
      // each writer's batches name all six subjects, one in ascending and one in descending order: unordered row
      // locks would deadlock the two transactions
      const order = [ids, [...ids].reverse()];
      const writes = Array.from({ length: 120 }, (_, i) => writers[i % 2].write([event(order[i % 2][Math.floor(i / 2) % 6], i)]));
      const results = await Promise.allSettled(writes);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      for (const id of ids) {
        const seqs = (await s.ctx.store.db.selectFrom('consent_events').select('seq').where('subject_id', '=', id).execute()).map((r) => Number(r.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await storedProjection(s.ctx.store.db, id)).toEqual(await replayProjection(s.ctx.store.db, id));
      }
    });

    it('predicts the next numbers of subjects it wrote last, and falls back when another writer took them', async () => {
      const id = await newSubject();
      const signer = new ReceiptSigner(s.ctx.store.db);
      await signer.init();
      const [a, b] = [new ConsentWriter(s.ctx.store.db, signer, () => 'test'), new ConsentWriter(s.ctx.store.db, signer, () => 'test')];
      const ev = (): PreparedEvent => ({
        subjectId: id, type: 'consent', event: 'grant', target: 'face-login', recipient: '', kind: 'separate', action: 'checkbox', registryVersion: version,
        scopeHash: null, noticeHash: NOTICE, channel: 'app', language: null, userAgent: null, ipPrefix: null, region: null, actor: 'service:test', occurredAt: new Date(),
      });
      const seqs = [(await a.write([ev()]))[0].seq, (await a.write([ev(), ev()]))[1].seq, (await b.write([ev()]))[0].seq, (await a.write([ev()]))[0].seq];
      expect(seqs).toEqual(['1', '3', '4', '5']);
      expect(a.stats).toEqual({ predicted: 1, reserved: 2, wrong: 1 }); // a's last guess was taken by b
      const stored = await s.ctx.store.db.selectFrom('consent_events').select(['seq', 'receipt']).where('subject_id', '=', id).orderBy('seq').execute();
      expect(stored.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
      for (const r of stored) expect((await verifyReceipt(r.receipt, await signer.jwks())).claims.seq).toBe(r.seq);
    });

    it('refuses a grant for a person erased after their record was cached, without failing the others of the batch', async () => {
      const [gone, kept] = [await newSubject(), await newSubject()];
      expect((await grant(gone, { purposes: [{ purpose: 'face-login' }] })).status).toBe(201); // now cached
      await s.ctx.store.db.updateTable('subjects').set({ status: 'erased' }).where('id', '=', gone).execute(); // another process erased them
      const [a, b] = await Promise.all([grant(gone, { purposes: [{ purpose: 'face-login' }] }), grant(kept, { purposes: [{ purpose: 'face-login' }] })]);
      expect(a.status).toBe(404);
      expect(a.json.code).toBe('NOT_FOUND');
      expect(b.status).toBe(201);
      expect((await s.ctx.store.db.selectFrom('consent_events').select('seq').where('subject_id', '=', gone).execute()).map((r) => r.seq)).toEqual(['1']);
    });

    it('announces each recorded event to webhooks subscribed to consent.*, one delivery per event', async () => {
      const got: { topic: string; data: { event: string } }[] = [];
      const hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => (got.push(JSON.parse(body)), res.end('ok')));
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
      let webhookId: string | undefined;
      try {
        const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
        const created = await s.call('POST', '/v1/webhooks', { key: s.adminKey, body: { url, topics: ['consent.*'] } });
        expect(created.status).toBe(201);
        webhookId = created.json.id;
        const ids = [await newSubject(), await newSubject(), await newSubject()];
        const recorded = (await Promise.all(ids.map((id) => grant(id, { purposes: [{ purpose: 'face-login' }] })))).map((r) => r.json.events[0].id as string);
        await expect.poll(() => got.filter((g) => recorded.includes(g.data.event)).length, { timeout: 15_000 }).toBe(3);
        expect(got.filter((g) => recorded.includes(g.data.event)).every((g) => g.topic === 'consent.granted')).toBe(true);
        expect(new Set(got.map((g) => g.data.event)).size).toBe(got.length); // no event delivered twice
      } finally {
        if (webhookId) await s.call('DELETE', `/v1/webhooks/${webhookId}`, { key: s.adminKey });
        hook.close();
      }
    });

    it('marks consents stale when a new version changes their scope, lists them and queues renewals', async () => {
      const id = await newSubject();
      await grant(id, { purposes: [{ purpose: 'face-login' }] });
      const next = minimal.replace('version: "1.0.0"', 'version: "1.1.0"').replace('categories: [face]', 'categories: [face, name]');
      const pub = await s.call('POST', '/v1/registry/versions', { key: s.adminKey, body: { source: next } });
      expect(pub.status).toBe(201);
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status).toBe('stale');
      const stale = (await s.call('GET', '/v1/consents/stale?purpose=face-login', { key: s.adminKey })).json.stale;
      expect(stale.map((x: { subjectId: string }) => x.subjectId)).toContain(id);
      expect((await s.call('GET', '/v1/consents/stale', { key: svc })).status).toBe(403);
      const ren = await s.call('POST', '/v1/consents/renewals', { key: s.adminKey, body: { purpose: 'face-login' } });
      expect(ren.status).toBe(202);
      expect(ren.json.subjects).toBeGreaterThanOrEqual(1);
      version = pub.json.versionNo;
      await grant(id, { purposes: [{ purpose: 'face-login' }] });
      expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=face-login`, { key: svc })).json.status).toBe('granted');
    });

    it('answers unknown subjects with 404 and refuses roles without the permission', async () => {
      const auditor = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'aud', role: 'auditor' } })).json.key;
      const id = await newSubject();
      expect((await s.call('POST', `/v1/subjects/${id}/consents`, { key: auditor, body: {} })).status).toBe(403);
      expect((await s.call('GET', `/v1/subjects/sub_${'0'.repeat(32)}/consents`, { key: svc })).status).toBe(404);
      expect((await s.call('POST', `/v1/subjects/sub_${'0'.repeat(32)}/consents`, { key: svc, body: { purposes: [{ purpose: 'face-login' }], kind: 'separate', action: 'checkbox', registryVersion: version, noticeHash: NOTICE, channel: 'app' } })).status).toBe(404);
      expect((await s.call('POST', '/v1/subjects', { key: svc, body: { role: 'alien', regimes: ['gdpr'], language: 'ko' } })).json.code).toBe('SUBJECT_INVALID');
    });
  });
}
