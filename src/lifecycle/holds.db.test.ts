import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { eraseSubjectData, open } from '../vault/index.ts';
import { releaseLapsedHolds, runRetentionSweep, valueAad } from './index.ts';
import { lifecycleServer, type LifecycleTestServer } from './lifecycle.harness.ts';

const FAR = new Date('2031-01-01T00:00:00Z');

for (const target of TEST_DATABASES) {
  describe(`legal holds, 001 [${target.name}]`, () => {
    let t: LifecycleTestServer;
    const customer = { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' };
    const values = (n: string) => [{ category: 'phone', value: `+86139${n}`, purposes: ['trial'] }, { category: 'email', value: `li${n}@example.cn`, purposes: ['trial'] }];
    const classes = async (id: string) => Object.fromEntries((await t.s.ctx.store.db.selectFrom('vault_values').select(['category', 'retention_class']).where('subject_id', '=', id).execute()).map((r) => [r.category, r.retention_class]));
    const read = (id: string) => t.s.call('POST', `/v1/subjects/${id}/data/read`, { key: t.keys.service.key, body: { purpose: 'trial', categories: ['phone', 'email'] } });
    const hold = (body: Record<string, unknown>, key = t.keys.officer.key) => t.s.call('POST', '/v1/holds', { key, body: { kind: 'litigation', reason: 'Shanghai court evidence order', reference: '(2026) Hu 0115 Min Chu 1234', ...body } });

    beforeAll(async () => {
      t = await lifecycleServer(target.options(), 'examples/001-cybozu-shanghai.live.yaml', ['trial']);
    });
    afterAll(async () => t?.s.stop());

    it('keeps a held category through a sweep and an erasure, readable, while the rest goes; release lets it expire', async () => {
      const a = await t.person(customer, values('12340001'));
      await t.collectedAt(a, '2026-01-01T00:00:00Z');
      const h = await hold({ subjects: [a], categories: ['phone'] });
      expect(h.status).toBe(201);
      expect(h.json).toMatchObject({ active: true, valuesHeld: 1, subjects: [a], categories: ['phone'] });
      expect(await classes(a)).toEqual({ phone: 'legal-hold', email: 'standard' });
      // PIPL 47 para 2: the held value is stored, not used; the person's other values read as before
      const during = (await read(a)).json.values;
      expect(during[0]).toMatchObject({ category: 'phone', effect: 'deny', held: true });
      expect(during[0].value).toBeUndefined();
      expect(during[1].value).toBe('li12340001@example.cn');
      const swept = await runRetentionSweep(t.s.ctx.lifecycle, FAR);
      expect(swept.counts).toEqual([{ category: 'email', purpose: 'trial', count: 1 }]);
      expect(swept.held).toBeGreaterThanOrEqual(1);
      const erased = await eraseSubjectData(t.s.ctx.store.db, t.s.ctx.keyring, a, 'test', { keepClasses: ['legal-hold'] });
      expect(erased.kept).toEqual([{ category: 'phone', retentionClass: 'legal-hold' }]);
      // still readable by the storage layer: the hold key survived the erasure
      const row = await t.s.ctx.store.db.selectFrom('vault_values').select('ciphertext').where('subject_id', '=', a).where('category', '=', 'phone').executeTakeFirstOrThrow();
      expect(open(await t.s.ctx.keyring.key(a, 'legal-hold', false), Buffer.from(row.ciphertext), valueAad(a, 'phone', 'legal-hold')).toString()).toBe('+8613912340001');
      const released = await t.s.call('POST', `/v1/holds/${h.json.id}/release`, { key: t.keys.officer.key, body: { reason: 'judgment final' } });
      expect(released.json).toMatchObject({ active: false, releaseReason: 'judgment final' });
      // the standard key was destroyed by the erasure, so the value returns under a fresh standard key
      expect(await classes(a)).toEqual({ phone: 'standard' });
      expect((await read(a)).json.values[0]).toMatchObject({ category: 'phone', value: '+8613912340001' });
      expect((await runRetentionSweep(t.s.ctx.lifecycle, FAR)).counts).toEqual([{ category: 'phone', purpose: 'trial', count: 1 }]);
      expect((await t.s.call('POST', `/v1/holds/${h.json.id}/release`, { key: t.keys.officer.key, body: { reason: 'again' } })).json.code).toBe('HOLD_NOT_ACTIVE');
    });

    it('restricts a person held whole: reads are denied RESTRICTED, storage goes on, nothing is swept; lapses at its end date', async () => {
      const b = await t.person(customer, values('12340002'));
      await t.collectedAt(b, '2026-01-01T00:00:00Z');
      const h = await hold({ kind: 'regulator-order', subjects: [b], endsAt: '2030-06-30T00:00:00Z' });
      expect(h.status).toBe(201);
      const denied = await read(b);
      expect(denied.json.decision).toMatchObject({ effect: 'deny', rule: 'RESTRICTED' });
      expect(JSON.stringify(denied.json.values)).not.toContain('12340002');
      const put = await t.s.call('PUT', `/v1/subjects/${b}/data`, { key: t.keys.service.key, body: { values: [{ category: 'name', value: '李雷', purposes: ['trial'] }] } });
      expect(put.status).toBe(200);
      await t.collectedAt(b, '2026-01-01T00:00:00Z');
      expect((await runRetentionSweep(t.s.ctx.lifecycle, new Date('2030-01-01T00:00:00Z'))).counts.filter((c) => c.count > 0)).toEqual([]);
      const listed = await t.s.call('GET', '/v1/holds?active=true', { key: t.keys.officer.key });
      expect(listed.json.holds.map((x: { id: string }) => x.id)).toContain(h.json.id);
      // the end date passes: the scheduled job releases the hold first, then the values expire
      expect(await releaseLapsedHolds(t.s.ctx.lifecycle, new Date('2030-07-01T00:00:00Z'))).toEqual([h.json.id]);
      expect((await read(b)).json.decision.effect).toBe('allow-full');
      expect((await runRetentionSweep(t.s.ctx.lifecycle, new Date('2030-07-01T00:00:00Z'))).erased).toBe(3);
      await t.s.ctx.audit.flush();
      const audit = await t.s.ctx.store.db.selectFrom('audit_entries').select(['action', 'body']).where('action', 'like', 'hold.%').execute();
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['hold.create', 'hold.values', 'hold.release']));
      expect(JSON.stringify(audit)).not.toContain('12340002');
    });

    it('refuses roles without the permission, unknown names with paths, and unknown holds', async () => {
      expect((await hold({ subjects: ['sub_x'] }, t.keys.agent.key)).status).toBe(403);
      expect((await hold({ subjects: ['sub_x'] }, t.keys.auditor.key)).status).toBe(403);
      expect((await t.s.call('GET', '/v1/holds', { key: t.keys.service.key })).status).toBe(403);
      const bad = await hold({ subjects: [`sub_${'0'.repeat(32)}`], categories: ['blood-type'] });
      expect(bad.status).toBe(422);
      expect(bad.json.code).toBe('HOLD_INVALID');
      expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['categories[0]', 'subjects[0]']);
      const empty = await hold({});
      expect(empty.status).toBe(400);
      expect(empty.json.errors.map((e: { path: string }) => e.path)).toContain('body.subjects');
      expect((await t.s.call('GET', `/v1/holds/hold_${'a'.repeat(32)}`, { key: t.keys.officer.key })).status).toBe(404);
    });
  });
}
