import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { addIsoDuration, planRetention, runRetentionSweep } from './index.ts';
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

    it('sweeps page by page: one audit entry per page with its counts, blind indexes and the keys of emptied classes gone, the rest kept', async () => {
      const phone = (i: number) => `+86139000000${String(i).padStart(2, '0')}`;
      const gone: string[] = [];
      for (let i = 0; i < 5; i++) {
        gone.push(await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [
          { category: 'phone', value: phone(i), purposes: ['trial'] },
          { category: 'name', value: `Trial ${i}`, purposes: ['trial'] },
        ]));
      }
      const kept: string[] = [];
      for (let i = 5; i < 7; i++) {
        kept.push(await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [
          { category: 'phone', value: phone(i), purposes: ['trial', 'legal-compliance'] },
          { category: 'name', value: `Kept ${i}`, purposes: ['trial'] },
        ]));
      }
      const recent = await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [{ category: 'phone', value: phone(7), purposes: ['trial'] }]);
      for (const id of [...gone, ...kept]) await t.collectedAt(id, '2025-03-01T00:00:00Z');
      await t.collectedAt(recent, '2026-02-15T00:00:00Z');
      const deps = { ...t.s.ctx.lifecycle, batchSize: 2 };
      const when = at('2026-03-02T00:00:00Z');
      const plan = await planRetention(deps, when, { items: 3 });
      expect(plan.counts).toEqual([{ category: 'name', purpose: 'trial', count: 7 }, { category: 'phone', purpose: 'trial', count: 5 }]);
      expect(plan.items).toHaveLength(3);
      expect(plan.items[0]).toMatchObject({ category: 'name', purpose: 'trial', expiresAt: '2026-03-01T00:00:00.000Z' });

      const swept = await runRetentionSweep(deps, when);
      expect(swept).toMatchObject({ erased: 12, batches: 7, keysDestroyed: 5, counts: plan.counts });
      const left = await t.s.ctx.store.db.selectFrom('vault_values').select(['subject_id', 'category']).where('subject_id', 'in', [...gone, ...kept, recent]).orderBy('subject_id').orderBy('category').execute();
      expect(left).toEqual([...kept.map((id) => ({ subject_id: id, category: 'phone' })), { subject_id: recent, category: 'phone' }].sort((a, b) => a.subject_id.localeCompare(b.subject_id)));
      const lookup = async (i: number) => (await t.s.call('POST', '/v1/subjects/lookup', { key: t.keys.service.key, body: { kind: 'phone', value: phone(i) } })).status;
      expect(await lookup(0)).toBe(404);
      expect(await lookup(5)).toBe(200);
      expect(await lookup(7)).toBe(200);
      // keys: a person left without any value of the class loses it; one whose phone stays keeps it
      await expect(t.s.ctx.keyring.key(gone[0], 'standard', false)).rejects.toMatchObject({ code: 'VAULT_KEY_UNAVAILABLE' });
      await expect(t.s.ctx.keyring.key(kept[0], 'standard', false)).resolves.toBeInstanceOf(Buffer);
      await t.s.ctx.audit.flush();
      const pages = (await t.s.ctx.store.db.selectFrom('audit_entries').select('body').where('action', '=', 'retention.erase').execute())
        .map((e) => JSON.parse(e.body) as { categories: string[]; details: { at: string; count: number; purposes: Record<string, number> } })
        .filter((e) => e.details.at === when.toISOString());
      expect(pages).toHaveLength(7);
      expect(pages.every((p) => p.details.count > 0 && p.details.count <= 2 && p.details.purposes.trial === p.details.count)).toBe(true);
      expect(pages.reduce((n, p) => n + p.details.count, 0)).toBe(12);
      expect((await runRetentionSweep(deps, when)).erased).toBe(0);
    });

    it('erases what a withdrawn consent kept once its grace is over, and only then', async () => {
      const reg = await t.s.ctx.lifecycle.registry();
      const consentPurpose = reg.purposes.find((p) => p.retention?.until === 'consent-withdrawn' && p.categories.includes('email'))!;
      expect(consentPurpose).toBeDefined();
      // a value kept for a consent-based purpose, and that consent withdrawn on 1 February
      const u = await t.person({ role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, [{ category: 'email', value: 'withdrawn@example.cn', purposes: ['trial'] }]);
      await t.collectedAt(u, JAN1);
      await sql`update vault_values set purposes = ${JSON.stringify([consentPurpose.id])}::jsonb where subject_id = ${u}`.execute(t.s.ctx.store.db);
      const withdrawnAt = new Date('2026-02-01T00:00:00Z');
      await sql`insert into consent_state (subject_id, type, target, recipient, status, seq, registry_version, updated_at) values (${u}, 'consent', ${consentPurpose.id}, '', 'withdrawn', 1, 1, ${withdrawnAt})
        on conflict (subject_id, type, target, recipient) do update set status = 'withdrawn', updated_at = excluded.updated_at`.execute(t.s.ctx.store.db);
      const end = addIsoDuration(withdrawnAt, consentPurpose.retention!.grace ?? 'PT0S');
      const deps = t.s.ctx.lifecycle;
      expect((await planRetention(deps, new Date(end.getTime() - 1), { items: 1000 })).items.filter((i) => i.subjectId === u)).toEqual([]);
      const plan = await planRetention(deps, end, { items: 1000 });
      expect(plan.items.filter((i) => i.subjectId === u)).toEqual([{ subjectId: u, category: 'email', purpose: consentPurpose.id, expiresAt: end.toISOString() }]);
      await runRetentionSweep(deps, end);
      expect(await t.s.ctx.store.db.selectFrom('vault_values').select('category').where('subject_id', '=', u).execute()).toEqual([]);
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
