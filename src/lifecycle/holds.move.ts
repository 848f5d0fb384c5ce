// Moving held values under the legal-hold key and back, in small transactions, recording where each came from.
import { sql } from 'kysely';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { LEGAL_HOLD_CLASS } from './lifecycle.deps.ts';
import { activeHoldSql } from './retention.scan.ts';
import { resealValue } from './holds.reencrypt.ts';

interface HeldRow {
  subject_id: string;
  category: string;
  retention_class: string;
  ciphertext: Uint8Array;
}

/** Moves the values a hold covers under the legal-hold class key (so erasure keeps them); returns how many it covers. */
export async function moveUnderHold(deps: LifecycleDeps, hold: { id: string; subjects: string[]; categories: string[] }): Promise<number> {
  const batch = Math.min(deps.batchSize ?? 5000, 1000);
  let after: [string, string] = ['', ''];
  let total = 0;
  for (;;) {
    let q = deps.db.selectFrom('vault_values as v').select(['v.subject_id', 'v.category', 'v.retention_class', 'v.ciphertext'])
      .where((eb) => eb(eb.refTuple('v.subject_id', 'v.category'), '>', eb.tuple(after[0], after[1])))
      .orderBy('v.subject_id').orderBy('v.category').limit(batch);
    if (hold.subjects.length > 0) q = q.where('v.subject_id', 'in', hold.subjects);
    if (hold.categories.length > 0) q = q.where('v.category', 'in', hold.categories);
    const rows: HeldRow[] = await q.execute();
    if (rows.length === 0) break;
    after = [rows[rows.length - 1].subject_id, rows[rows.length - 1].category];
    // one at a time: the key ring creates a missing class key per call, and two concurrent calls would create two
    const sealed: (Buffer | null)[] = [];
    for (const r of rows) sealed.push(r.retention_class === LEGAL_HOLD_CLASS ? null : await resealValue(deps.keyring, { subjectId: r.subject_id, category: r.category, retentionClass: r.retention_class, ciphertext: r.ciphertext }, LEGAL_HOLD_CLASS));
    await deps.db.transaction().execute(async (trx) => {
      for (const [i, r] of rows.entries()) {
        const ct = sealed[i];
        if (ct) await trx.updateTable('vault_values').set({ retention_class: LEGAL_HOLD_CLASS, ciphertext: ct }).where('subject_id', '=', r.subject_id).where('category', '=', r.category).where('retention_class', '=', r.retention_class).execute();
      }
      await trx.insertInto('legal_hold_values').values(rows.map((r) => ({ subject_id: r.subject_id, hold_id: hold.id, category: r.category, previous_class: r.retention_class }))).onConflict((oc) => oc.doNothing()).execute();
    });
    total += rows.length;
    if (rows.length < batch) break;
  }
  return total;
}

/** Moves a released hold's values back to their class unless another active hold still covers them; returns how many. */
export async function restoreFromHold(deps: LifecycleDeps, holdId: string, now: Date): Promise<number> {
  let moved = 0;
  let after: [string, string] = ['', ''];
  for (;;) {
    const page = await sql<HeldRow & { previous_class: string }>`select v.subject_id, v.category, v.retention_class, v.ciphertext, hv.previous_class
      from legal_hold_values hv join vault_values v on v.subject_id = hv.subject_id and v.category = hv.category
      where hv.hold_id = ${holdId} and hv.previous_class <> ${LEGAL_HOLD_CLASS} and v.retention_class = ${LEGAL_HOLD_CLASS} and (hv.subject_id, hv.category) > (${after[0]}, ${after[1]})
        and not exists (select 1 from legal_hold_values o join legal_holds h on h.id = o.hold_id where o.subject_id = hv.subject_id and o.category = hv.category and o.hold_id <> ${holdId} and ${activeHoldSql(now)})
        and not exists (select 1 from legal_hold_subjects hs join legal_holds h on h.id = hs.hold_id where hs.subject_id = hv.subject_id and hs.hold_id <> ${holdId} and ${activeHoldSql(now)} and (jsonb_array_length(h.categories) = 0 or h.categories @> jsonb_build_array(hv.category)))
      order by hv.subject_id, hv.category limit 1000`.execute(deps.db);
    if (page.rows.length === 0) break;
    const last = page.rows[page.rows.length - 1];
    after = [last.subject_id, last.category];
    const sealed: Buffer[] = [];
    for (const r of page.rows) sealed.push(await resealValue(deps.keyring, { subjectId: r.subject_id, category: r.category, retentionClass: LEGAL_HOLD_CLASS, ciphertext: r.ciphertext }, r.previous_class));
    await deps.db.transaction().execute(async (trx) => {
      for (const [i, r] of page.rows.entries()) {
        await trx.updateTable('vault_values').set({ retention_class: r.previous_class, ciphertext: sealed[i] }).where('subject_id', '=', r.subject_id).where('category', '=', r.category).where('retention_class', '=', LEGAL_HOLD_CLASS).execute();
      }
    });
    moved += page.rows.length;
    if (page.rows.length < 1000) break;
  }
  return moved;
}
