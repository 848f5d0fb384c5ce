import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { AuditWriter, recordAudit, searchAudit, verifyAuditChain } from './index.ts';

describeStore('audit log', (store) => {
  it('chains appended and transactional entries in blocks, and verifies', async () => {
    const { db } = store();
    const writer = new AuditWriter(db, { maxBlock: 50 });
    const seqs = await Promise.all(Array.from({ length: 120 }, (_, i) => writer.append({ actor: 'svc:a', action: 'read', subject: `s${i % 3}`, purpose: 'p' })));
    expect(new Set(seqs).size).toBe(120);
    await db.transaction().execute((trx) => recordAudit(trx, { actor: 'admin', action: 'registry.publish', target: 'v1' }));
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, { actor: 'admin', action: 'rolled-back' });
      throw new Error('rollback');
    }).catch(() => {});
    await writer.flush();
    const v = await verifyAuditChain(db, { pageSize: 37 });
    expect(v).toMatchObject({ ok: true, entries: 121 });
    expect(v.blocks).toBeGreaterThanOrEqual(3);
    const found = await searchAudit(db, { action: 'registry.publish' });
    expect(found).toHaveLength(1);
    expect((await searchAudit(db, { action: 'rolled-back' }))).toHaveLength(0);
    expect((await searchAudit(db, { subject: 's1', limit: 5 }))).toHaveLength(5);
  });

  it('lets two writers (two processes) extend one chain without forks or gaps', async () => {
    const { db } = store();
    const a = new AuditWriter(db, { maxBlock: 7 });
    const b = new AuditWriter(db, { maxBlock: 5 });
    const seqs = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).append({ actor: 'x', action: 'two-writers', details: { i } })));
    expect(new Set(seqs).size).toBe(60);
    const v = await verifyAuditChain(db);
    expect(v.ok).toBe(true);
  });

  it('names the first edited, deleted, reordered or truncated entry', async () => {
    const { db } = store();
    const base = await verifyAuditChain(db);
    expect(base.ok).toBe(true);
    const snapshot = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const restore = async () => {
      await db.deleteFrom('audit_entries').execute();
      for (let i = 0; i < snapshot.length; i += 200) await db.insertInto('audit_entries').values(snapshot.slice(i, i + 200)).execute();
      await db.updateTable('audit_head').set({ last_seq: head.last_seq, last_hash: head.last_hash }).execute();
    };
    await sql`update audit_entries set body = replace(body, 'svc:a', 'svc:b') where seq = 10`.execute(db);
    expect((await verifyAuditChain(db)).firstBad).toEqual({ seq: '10', reason: 'content does not match its hash (entry edited)' });
    await restore();
    await db.deleteFrom('audit_entries').where('seq', '=', '20').execute();
    expect((await verifyAuditChain(db)).firstBad?.seq).toBe('20');
    await restore();
    // swap two entries
    await sql`update audit_entries set seq = -1 where seq = 30`.execute(db);
    await sql`update audit_entries set seq = 30 where seq = 31`.execute(db);
    await sql`update audit_entries set seq = 31 where seq = -1`.execute(db);
    expect((await verifyAuditChain(db)).firstBad?.seq).toBe('30');
    await restore();
    await db.deleteFrom('audit_entries').where('seq', '>', '100').execute();
    expect((await verifyAuditChain(db)).firstBad?.reason).toMatch(/truncated/);
    await restore();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
