import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { planRetention, runRetentionSweep } from './index.ts';
import { lifecycleServer, type LifecycleTestServer } from './lifecycle.harness.ts';

const JAN1 = '2026-01-01T00:00:00.000Z';
const at = (iso: string) => new Date(iso);

for (const target of TEST_DATABASES) {
  describe(`retention sweeps, 000 CCTV [${target.name}]`, () => {
    let t: LifecycleTestServer;
    beforeAll(async () => {
      t = await lifecycleServer(target.options(), 'examples/000-broker.live.yaml', ['cctv', 'visitor-registration']);
    });
    afterAll(async () => t?.s.stop());

    it('keeps CCTV footage for its 30 days and erases it after, with counts (never values) in the audit log', async () => {
      const visitor = await t.person({ role: 'visitor', regimes: ['gdpr'], language: 'zh-Hant' }, [
        { category: 'cctv-footage', value: 'cam-3/2026-01-01T09:00/clip-0042', purposes: ['cctv'] },
        { category: 'name', value: 'Chan Tai Man', purposes: ['visitor-registration'] },
      ]);
      await t.collectedAt(visitor, JAN1);
      const deps = t.s.ctx.lifecycle;
      const before = await planRetention(deps, at('2026-01-30T23:59:59Z'));
      expect(before.items.filter((i) => i.subjectId === visitor)).toEqual([]);
      const plan = await planRetention(deps, at('2026-01-31T00:00:00Z'));
      expect(plan.items.filter((i) => i.subjectId === visitor)).toEqual([{ subjectId: visitor, category: 'cctv-footage', purpose: 'cctv', expiresAt: '2026-01-31T00:00:00.000Z' }]);
      expect(plan.counts).toEqual([{ category: 'cctv-footage', purpose: 'cctv', count: 1 }]);
      // the plan changed nothing
      expect(await t.s.ctx.store.db.selectFrom('vault_values').select('category').where('subject_id', '=', visitor).execute()).toHaveLength(2);

      expect((await runRetentionSweep(deps, at('2026-01-30T12:00:00Z'))).erased).toBe(0);
      const swept = await runRetentionSweep(deps, at('2026-01-31T00:00:00Z'));
      expect(swept).toMatchObject({ erased: 1, counts: [{ category: 'cctv-footage', purpose: 'cctv', count: 1 }] });
      const left = await t.s.ctx.store.db.selectFrom('vault_values').select('category').where('subject_id', '=', visitor).execute();
      expect(left.map((r) => r.category)).toEqual(['name']);
      // idempotent: a second sweep at the same time erases nothing more
      expect((await runRetentionSweep(deps, at('2026-01-31T00:00:00Z'))).erased).toBe(0);
      // the visitor log (P90D) goes on its own date
      expect((await runRetentionSweep(deps, at('2026-04-01T00:00:00Z'))).counts).toEqual([{ category: 'name', purpose: 'visitor-registration', count: 1 }]);
      await t.s.ctx.audit.flush();
      const entries = await t.s.ctx.store.db.selectFrom('audit_entries').select(['action', 'body']).where('action', 'in', ['retention.erase', 'retention.sweep']).execute();
      expect(entries.map((e) => e.action)).toContain('retention.sweep');
      const text = JSON.stringify(entries);
      expect(text).toContain('cctv-footage');
      expect(text).not.toContain('clip-0042');
      expect(text).not.toContain('Chan Tai Man');
    });

    it('answers the plan and the sweep over HTTP for privacy officers only', async () => {
      const plan = await t.s.call('GET', '/v1/retention/plan?at=2030-01-01T00:00:00Z', { key: t.keys.officer.key });
      expect(plan.status).toBe(200);
      expect(plan.json).toMatchObject({ at: '2030-01-01T00:00:00.000Z', held: 0 });
      expect((await t.s.call('GET', '/v1/retention/plan', { key: t.keys.agent.key })).status).toBe(403);
      expect((await t.s.call('POST', '/v1/retention/sweep', { key: t.keys.auditor.key })).status).toBe(403);
      expect((await t.s.call('POST', '/v1/retention/sweep', { key: t.keys.service.key })).status).toBe(403);
      expect((await t.s.call('GET', '/v1/retention/plan?at=yesterday', { key: t.keys.officer.key })).status).toBe(400);
      const sweep = await t.s.call('POST', '/v1/retention/sweep', { key: t.keys.officer.key });
      expect(sweep.status).toBe(200);
      expect(sweep.json.erased).toBe(0);
    });
  });

  describe(`retention sweeps, 001 and 004 [${target.name}]`, () => {
    let t: LifecycleTestServer;
    let kr: LifecycleTestServer;
    beforeAll(async () => {
      t = await lifecycleServer(target.options(), 'examples/001-cybozu-shanghai.live.yaml', ['trial', 'legal-compliance']);
      kr = await lifecycleServer(target.options(), 'examples/004-kr-marketplace.live.yaml', ['registration']);
    });
    afterAll(async () => {
      await t?.s.stop();
      await kr?.s.stop();
    });

    it('deletes after retention (PIPL 47); a value used by two purposes lives as long as the longer one', async () => {
      const a = await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [{ category: 'phone', value: '+8613812345678', purposes: ['trial'] }]);
      const b = await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [{ category: 'phone', value: '+8613912345678', purposes: ['trial', 'legal-compliance'] }]);
      await t.collectedAt(a, JAN1);
      await t.collectedAt(b, JAN1);
      const deps = t.s.ctx.lifecycle;
      expect((await runRetentionSweep(deps, at('2026-12-31T23:59:59Z'))).erased).toBe(0);
      const year = await runRetentionSweep(deps, at('2027-01-01T00:00:00Z'));
      expect(year.counts).toEqual([{ category: 'phone', purpose: 'trial', count: 1 }]);
      const rows = await t.s.ctx.store.db.selectFrom('vault_values').select('subject_id').where('subject_id', 'in', [a, b]).execute();
      expect(rows.map((r) => r.subject_id)).toEqual([b]);
      expect((await t.s.call('POST', '/v1/subjects/lookup', { key: t.keys.service.key, body: { kind: 'phone', value: '+8613812345678' } })).status).toBe(404);
      const later = await runRetentionSweep(deps, at('2029-01-01T00:00:00Z'));
      expect(later.counts).toEqual([{ category: 'phone', purpose: 'legal-compliance', count: 1 }]);
      // nothing left under the standard class: the key went too, so an old backup of the row is unreadable
      await expect(t.s.ctx.keyring.key(b, 'standard', false)).rejects.toMatchObject({ code: 'VAULT_KEY_UNAVAILABLE' });
    });

    it('counts "until account-closed" from the closure time, plus the grace period (004 registration, P5D)', async () => {
      const u = await kr.person({ role: 'user', regimes: ['pipa'], language: 'ko' }, [{ category: 'email', value: 'minsu@example.kr', purposes: ['registration'] }]);
      await kr.collectedAt(u, JAN1);
      const deps = kr.s.ctx.lifecycle;
      const plan = await planRetention(deps, at('2031-01-01T00:00:00Z'));
      expect(plan.items.filter((i) => i.subjectId === u)).toEqual([]);
      // the trigger of migration 0007 stamps the closure; the test moves it to a known day
      await sql`update subjects set status = 'closed' where id = ${u}`.execute(kr.s.ctx.store.db);
      const stamped = await kr.s.ctx.store.db.selectFrom('subjects').select('closed_at').where('id', '=', u).executeTakeFirstOrThrow();
      expect(stamped.closed_at).not.toBeNull();
      await sql`update subjects set closed_at = ${new Date('2026-03-01T00:00:00Z')} where id = ${u}`.execute(kr.s.ctx.store.db);
      expect((await runRetentionSweep(deps, at('2026-03-05T23:59:59Z'))).erased).toBe(0);
      const swept = await runRetentionSweep(deps, at('2026-03-06T00:00:00Z'));
      expect(swept.counts).toEqual([{ category: 'email', purpose: 'registration', count: 1 }]);
    });
  });
}
