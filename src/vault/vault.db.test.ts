import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { eraseSubjectData, open } from './index.ts';

const ID = '11010519491231002X'; // the standard's worked example: valid check digit
const PHONE = '13812345678';
const NOTICE = 'b'.repeat(64);

for (const target of TEST_DATABASES) {
  describe(`vault [${target.name}]`, () => {
    let s: TestServer;
    const keys: Record<string, string> = {};
    const key = async (name: string, body: Record<string, unknown>) => (keys[name] = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json.key);
    const newSubject = async () => (await s.call('POST', '/v1/subjects', { key: keys.app, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id as string;
    const read = (k: string, id: string, purpose: string, categories: string[]) => s.call('POST', `/v1/subjects/${id}/data/read`, { key: k, body: { purpose, categories } });

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/003-online-shop.live.yaml', { CUSTODIA_DEPLOY: 'test/fixtures/deploy.yaml' });
      await key('app', { role: 'service', purposes: ['registration', 'payment'] });
      await key('kyc', { role: 'service', purposes: ['real-name-verification'] });
      await key('cs', { role: 'agent', department: 'cs' });
      await key('sales', { role: 'agent', department: 'marketing' });
      await key('auditor', { role: 'auditor' });
    });
    afterAll(async () => s?.stop());

    it('validates values by identifier kind and never echoes them in errors', async () => {
      const id = await newSubject();
      const bad = await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'id-number', value: '110105194912310021' }, { category: 'phone', value: '12345' }] } });
      expect(bad.status).toBe(422);
      expect(bad.json.code).toBe('VAULT_VALUE_INVALID');
      expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['values[0].value', 'values[1].value']);
      expect(bad.body).not.toContain('110105194912310021');
      expect(bad.body).not.toContain('12345');
      expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'blood-type', value: 'A' }] } })).json.code).toBe('VAULT_CATEGORY_UNKNOWN');
      expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.auditor, body: { values: [{ category: 'phone', value: PHONE }] } })).status).toBe(403);
    });

    it('stores encrypted values, returns tokens, and reads them by purpose: full, masked or denied', async () => {
      const id = await newSubject();
      const put = await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'phone', value: PHONE }, { category: 'email', value: 'Li.Lei@example.cn' }, { category: 'account-name', value: 'lilei' }] } });
      expect(put.status).toBe(200);
      expect(put.json.tokens).toHaveLength(3);
      // collection is purpose-bound: the app's purposes do not use ID numbers, the real-name service's do
      const refused = await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'id-number', value: ID }] } });
      expect(refused.json).toMatchObject({ status: 403, code: 'ACCESS_DENIED', rule: 'ACTOR_PURPOSE_NOT_BOUND' });
      expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.kyc, body: { values: [{ category: 'id-number', value: ID }] } })).status).toBe(200);
      const raw = await s.ctx.store.db.selectFrom('vault_values').select('ciphertext').where('subject_id', '=', id).execute();
      for (const r of raw) expect(Buffer.from(r.ciphertext).toString('latin1')).not.toContain('1381234');
      const full = await read(keys.app, id, 'registration', ['phone', 'email']);
      expect(full.json.values).toEqual([{ category: 'phone', effect: 'allow-full', value: PHONE, masked: false }, { category: 'email', effect: 'allow-full', value: 'Li.Lei@example.cn', masked: false }]);
      // a service bound to registration and payment may not read for customer service
      const other = await read(keys.app, id, 'customer-service', ['phone']);
      expect(other.json.decision).toMatchObject({ effect: 'deny', rule: 'ACTOR_PURPOSE_NOT_BOUND' });
      expect(other.json.values[0].value).toBeUndefined();
      // customer service sees phone and ID masked (seed 003 step 5)
      const cs = await read(keys.cs, id, 'customer-service', ['phone', 'id-number', 'account-name']);
      const byCat = Object.fromEntries(cs.json.values.map((v: { category: string; value: string }) => [v.category, v.value]));
      expect(byCat.phone).not.toBe(PHONE);
      expect(byCat.phone).toMatch(/^138\*+5678$/);
      expect(byCat['id-number']).not.toContain('19491231');
      expect(byCat['account-name']).toBe('lilei');
      // an agent of another department cannot read customer-service scope
      expect((await read(keys.sales, id, 'customer-service', ['phone'])).json.decision.effect).toBe('deny');
      expect((await read(keys.auditor, id, 'registration', ['phone'])).status).toBe(403);
      // another subject's id answers like an unknown one
      expect((await read(keys.app, `sub_${'f'.repeat(32)}`, 'registration', ['phone'])).status).toBe(404);
      const report = (await s.call('GET', `/v1/subjects/${id}/access-report`, { key: s.adminKey })).json.accesses;
      expect(report.filter((a: { action: string }) => a.action === 'data.read').map((a: { purpose: string; decision: string }) => `${a.purpose}:${a.decision}`)).toEqual(
        expect.arrayContaining(['registration:allow-full', 'customer-service:deny', 'customer-service:allow-masked']),
      );
      expect(JSON.stringify(report)).not.toContain(PHONE);
    });

    it('stamps the last use of the values a read returned, and only those', async () => {
      const [a, b] = [await newSubject(), await newSubject()];
      for (const id of [a, b]) await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'phone', value: PHONE }, { category: 'email', value: 'x@example.cn' }] } });
      await Promise.all([read(keys.app, a, 'registration', ['phone']), read(keys.app, b, 'registration', ['phone', 'email'])]);
      await s.ctx.vault.flushTouched();
      const rows = await s.ctx.store.db.selectFrom('vault_values').select(['subject_id', 'category', 'last_used_at']).where('subject_id', 'in', [a, b]).execute();
      const used = rows.filter((r) => r.last_used_at !== null).map((r) => `${r.subject_id === a ? 'a' : 'b'}:${r.category}`).sort();
      expect(used).toEqual(['a:phone', 'b:email', 'b:phone']);
    });

    it('finds a subject by phone or email through the blind index', async () => {
      const id = await newSubject();
      await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'phone', value: '13900001111' }, { category: 'email', value: 'wang@example.cn' }] } });
      expect((await s.call('POST', '/v1/subjects/lookup', { key: keys.app, body: { kind: 'phone', value: '13900001111' } })).json.subjectId).toBe(id);
      expect((await s.call('POST', '/v1/subjects/lookup', { key: keys.app, body: { kind: 'email', value: 'WANG@example.cn' } })).json.subjectId).toBe(id);
      expect((await s.call('POST', '/v1/subjects/lookup', { key: keys.app, body: { kind: 'phone', value: '13900002222' } })).status).toBe(404);
      const idx = await s.ctx.store.db.selectFrom('vault_lookup').select('digest').where('subject_id', '=', id).execute();
      expect(JSON.stringify(idx)).not.toContain('13900001111');
    });

    it('detects a tampered ciphertext and never returns garbage', async () => {
      const id = await newSubject();
      await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'phone', value: '13700001111' }] } });
      await sql`update vault_values set ciphertext = set_byte(ciphertext, 15, get_byte(ciphertext, 15) # 1) where subject_id = ${id}`.execute(s.ctx.store.db);
      const r = await read(keys.app, id, 'registration', ['phone']);
      expect(r.status).toBe(500);
      expect(r.json.code).toBe('VAULT_TAMPERED');
      expect(r.body).not.toContain('13700001111');
    });

    it('shares only what the registry declares for the recipient, and only with the separate consent', async () => {
      const id = await newSubject();
      await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'order-number', value: 'SO-2026-0001' }, { category: 'amount', value: '199.00' }] } });
      const share = (categories: string[]) => s.call('POST', `/v1/subjects/${id}/shares`, { key: keys.app, body: { recipient: 'payment-institution', purpose: 'payment', categories } });
      const noConsent = await share(['order-number', 'amount']);
      expect(noConsent.json).toMatchObject({ status: 409, code: 'SHARE_NEEDS_CONSENT', rule: 'PIPL-23-1' });
      const g = await s.call('POST', `/v1/subjects/${id}/consents`, { key: keys.app, body: { purposes: [{ purpose: 'payment', recipient: 'payment-institution' }], kind: 'separate', action: 'checkbox', registryVersion: (await s.call('GET', '/v1/registry', { key: keys.app })).json.versionNo, noticeHash: NOTICE, channel: 'app' } });
      expect(g.status).toBe(201);
      const extra = await share(['order-number', 'amount', 'recipient-phone']);
      expect(extra.json).toMatchObject({ status: 422, code: 'SHARE_NOT_DECLARED', rule: 'PIPL-23-1' });
      const ok = await share(['order-number', 'amount']);
      expect(ok.status).toBe(201);
      expect(ok.json).toMatchObject({ recipient: 'payment-institution', crossBorder: false });
      expect((await s.call('GET', `/v1/subjects/${id}/shares`, { key: keys.app })).json.shares).toHaveLength(1);
      expect((await s.call('POST', `/v1/subjects/${id}/shares`, { key: keys.app, body: { recipient: 'courier', purpose: 'payment', categories: ['amount'] } })).json.code).toBe('SHARE_NOT_DECLARED');
    });

    it('erases by crypto-shredding: a dump taken before erasure is unreadable after, held values stay readable', async () => {
      const id = await newSubject();
      await s.call('PUT', `/v1/subjects/${id}/data`, { key: keys.app, body: { values: [{ category: 'phone', value: '13600001111' }, { category: 'order-number', value: 'SO-1', retentionClass: 'legal-hold' }] } });
      const dump = await s.ctx.store.db.selectFrom('vault_values').select(['category', 'retention_class', 'ciphertext']).where('subject_id', '=', id).execute();
      const result = await eraseSubjectData(s.ctx.store.db, s.ctx.keyring, id, 'test', { keepClasses: ['legal-hold'] });
      expect(result).toEqual({ erased: ['phone'], kept: [{ category: 'order-number', retentionClass: 'legal-hold' }] });
      const phoneRow = dump.find((r) => r.category === 'phone')!;
      await expect(s.ctx.keyring.key(id, 'standard', false)).rejects.toMatchObject({ code: 'VAULT_KEY_UNAVAILABLE' });
      const held = dump.find((r) => r.category === 'order-number')!;
      const heldKey = await s.ctx.keyring.key(id, 'legal-hold', false);
      expect(open(heldKey, Buffer.from(held.ciphertext), `${id}|order-number|legal-hold`).toString()).toBe('SO-1');
      expect(phoneRow.retention_class).toBe('standard');
      expect((await s.call('POST', '/v1/subjects/lookup', { key: keys.app, body: { kind: 'phone', value: '13600001111' } })).status).toBe(404);
    });

    it('keeps the audit chain whole', async () => {
      expect((await s.call('GET', '/v1/audit/verify', { key: s.adminKey })).json.ok).toBe(true);
    });
  });
}
