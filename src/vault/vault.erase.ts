// Erasure by crypto-shredding: destroy the subject's data keys (except classes under a legal hold), delete rows.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Database } from '../store/index.ts';
import type { KeyRing } from './keyring.ts';

/** What an erasure did: categories erased and the ones kept under a hold. */
export interface ErasureResult {
  erased: string[];
  kept: { category: string; retentionClass: string }[];
}

/**
 * Erases a subject's values. Keys go first: once destroyed, every copy of the ciphertext (backups included)
 * is unreadable, so a crash after that point still leaves nothing readable. Values in `keepClasses` stay.
 */
export async function eraseSubjectData(db: Kysely<Database>, keys: KeyRing, subjectId: string, actor: string, opts: { keepClasses?: string[]; categories?: string[] } = {}): Promise<ErasureResult> {
  const keep = new Set(opts.keepClasses ?? []);
  let q = db.selectFrom('vault_values').select(['category', 'retention_class']).where('subject_id', '=', subjectId);
  if (opts.categories) q = q.where('category', 'in', opts.categories.length ? opts.categories : ['\u0000']);
  const rows = await q.execute();
  const erase = rows.filter((r) => !keep.has(r.retention_class));
  const kept = rows.filter((r) => keep.has(r.retention_class)).map((r) => ({ category: r.category, retentionClass: r.retention_class }));
  if (!opts.categories) {
    // whole-subject erasure: every class not on hold loses its key
    const classes = [...new Set(erase.map((r) => r.retention_class))];
    if (classes.length > 0 || keep.size === 0) await keys.destroy(subjectId, keep.size === 0 ? undefined : classes);
  }
  await db.transaction().execute(async (trx) => {
    if (erase.length > 0) {
      const cats = erase.map((r) => r.category);
      await trx.deleteFrom('vault_values').where('subject_id', '=', subjectId).where('category', 'in', cats).execute();
      await trx.deleteFrom('vault_lookup').where('subject_id', '=', subjectId).where('category', 'in', cats).execute();
    }
    await recordAudit(trx, { actor, action: 'data.erase', subject: subjectId, categories: erase.map((r) => r.category), details: { kept: kept.map((k) => k.category) } });
  });
  return { erased: erase.map((r) => r.category), kept };
}
