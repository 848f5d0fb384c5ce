import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { AuditWriter, CheckpointSigner, entryHash, exportCheckpoint, fileDestination, readCheckpointFile, TrustedKeys, verifyAuditChain } from './index.ts';

describeStore('signed audit checkpoints', (store) => {
  const signer = new CheckpointSigner(randomBytes(32));
  const keys = new TrustedKeys([signer.jwk]);
  const file = join(mkdtempSync(join(tmpdir(), 'custodia-cp-')), 'checkpoints.jsonl');

  it('signs every block, exports the newest checkpoint once per destination, and verifies against it', async () => {
    const { db } = store();
    const writer = new AuditWriter(db, { maxBlock: 10, signer });
    await Promise.all(Array.from({ length: 45 }, (_, i) => writer.append({ actor: 'svc:a', action: 'read', subject: `s${i % 4}` })));
    const first = await exportCheckpoint(db, signer, [fileDestination(file)]);
    expect(first.exportedTo).toEqual([`file:${file}`]);
    expect(first.checkpoint).toMatchObject({ type: 'custodia.audit.checkpoint', lastSeq: '45', kid: signer.kid, jwk: signer.jwk });
    expect((await exportCheckpoint(db, signer, [fileDestination(file)])).exportedTo).toEqual([]); // nothing new
    await writer.append({ actor: 'svc:a', action: 'read' });
    expect((await exportCheckpoint(db, signer, [fileDestination(file)])).checkpoint?.lastSeq).toBe('46');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    const { anchor } = readCheckpointFile(file);
    const v = await verifyAuditChain(db, { keys, anchors: anchor ? [anchor] : [], pageSize: 4 });
    expect(v).toMatchObject({ ok: true, entries: 46, checkpoints: { unsigned: 0, signaturesChecked: true, anchor: { lastSeq: '46' } } });
    expect(v.checkpoints.signed).toBe(v.blocks);
  });

  it('detects a chain rewritten with fresh hashes (no key to re-sign), a stripped signature and a foreign key', async () => {
    const { db } = store();
    const snapshot = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
    const blocks = await db.selectFrom('audit_blocks').selectAll().orderBy('block_no').execute();
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const restore = async () => {
      await db.deleteFrom('audit_entries').execute();
      await db.insertInto('audit_entries').values(snapshot).execute();
      await db.deleteFrom('audit_blocks').execute();
      await db.insertInto('audit_blocks').values(blocks).execute();
      await db.updateTable('audit_head').set({ last_seq: head.last_seq, last_hash: head.last_hash, last_block: head.last_block }).execute();
    };
    // an insider edits entry 12 and recomputes every hash after it, the block hashes and the head: only signatures can tell
    const rows = snapshot.map((r) => ({ ...r }));
    let prev = rows[10].hash;
    for (const r of rows.slice(11)) {
      if (r.seq === '12') r.body = r.body.replace('svc:a', 'svc:z');
      r.prev_hash = prev;
      r.hash = entryHash(prev, r.seq, new Date(r.ts), r.body);
      prev = r.hash;
      await db.updateTable('audit_entries').set({ body: r.body, prev_hash: r.prev_hash, hash: r.hash }).where('seq', '=', r.seq).execute();
    }
    for (const b of blocks) await db.updateTable('audit_blocks').set({ block_hash: rows.find((r) => r.seq === b.last_seq)!.hash }).where('block_no', '=', b.block_no).execute();
    await db.updateTable('audit_head').set({ last_hash: prev }).execute();
    // without keys only the exported checkpoint (entry 46) shows the rewrite
    expect((await verifyAuditChain(db)).firstBad?.reason).toMatch(/^entry 46 is not the one the checkpoint of block \d+ exported to file:.* signed \(chain rewritten\)$/);
    const rewritten = await verifyAuditChain(db, { keys });
    expect(rewritten.ok).toBe(false);
    const hit = blocks.find((b) => BigInt(b.first_seq) <= 12n && 12n <= BigInt(b.last_seq))!;
    expect(rewritten.firstBad).toEqual({ seq: hit.last_seq, reason: `the checkpoint signature of block ${hit.block_no} does not verify (block rewritten or its signature replaced)` });
    await restore();

    await db.updateTable('audit_blocks').set({ kid: null, signature: null }).where('block_no', '=', '3').execute();
    expect((await verifyAuditChain(db, { keys })).firstBad?.reason).toMatch(/block 3 has no checkpoint signature .* \(signature stripped\)/);
    await restore();

    const stranger = new TrustedKeys([new CheckpointSigner(randomBytes(32)).jwk]);
    expect((await verifyAuditChain(db, { keys: stranger })).firstBad?.reason).toMatch(/signed by key ak_\w+, which this deployment does not trust/);
    expect((await verifyAuditChain(db, { keys })).ok).toBe(true);
  });

  it('detects entries cut off before the last exported checkpoint, even with the head and blocks rolled back', async () => {
    const { db } = store();
    const { anchor } = readCheckpointFile(file);
    // cut the entries after a block boundary and make the head and blocks agree, as someone hiding them would
    const cut = (await db.selectFrom('audit_blocks').select('last_seq').where('last_seq', '<', '42').orderBy('block_no', 'desc').limit(1).executeTakeFirstOrThrow()).last_seq;
    await db.deleteFrom('audit_entries').where('seq', '>', cut).execute();
    await db.deleteFrom('audit_blocks').where('last_seq', '>', cut).execute();
    const last = await db.selectFrom('audit_entries').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const lastBlock = await db.selectFrom('audit_blocks').select(sql<string>`max(block_no)`.as('b')).executeTakeFirstOrThrow();
    await db.updateTable('audit_head').set({ last_seq: last.seq, last_hash: last.hash, last_block: lastBlock.b }).execute();
    // the database still remembers the export ...
    const recorded = await verifyAuditChain(db, { keys });
    const next = String(Number(cut) + 1);
    expect(recorded.firstBad, recorded.firstBad?.reason).toMatchObject({ seq: next });
    expect(recorded.firstBad?.reason).toMatch(new RegExp(`^entries ${next} to 46 are missing: the checkpoint of block \\d+ exported to file:.* covers entry 46, but the chain ends at ${cut} \\(truncated\\)$`));
    // ... and when that record is deleted too, the file outside the database still tells
    await db.deleteFrom('audit_exports').execute();
    expect((await verifyAuditChain(db, { keys })).ok).toBe(true);
    const withFile = await verifyAuditChain(db, { keys, anchors: [anchor!] });
    expect(withFile.firstBad?.seq).toBe(next);
    // a checkpoint forged for the shortened chain does not verify
    const forged = { ...anchor!.checkpoint, lastSeq: cut, hash: last.hash };
    expect((await verifyAuditChain(db, { keys, anchors: [{ source: 'forged', checkpoint: forged }] })).firstBad?.reason).toMatch(/signature that does not verify/);
  });
});
