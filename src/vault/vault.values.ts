// Storing and reading personal values: validated by identifier kind, encrypted, indexed blind, read by purpose.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { effectFor, type AccessPolicy, type Decision } from '../access/index.ts';
import { decideFor } from './vault.decide.ts';
import { recordAudit, type AuditWriter } from '../audit/index.ts';
import type { ConsentService } from '../consent/index.ts';
import { mask } from '../deid/masks.ts';
import { validate } from '../deid/validate.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import type { Principal } from '../principals/index.ts';
import type { Category, Registry } from '../registry/index.ts';
import { unnestRows, type Database, type VaultValuesTable } from '../store/index.ts';
import type { Insertable } from 'kysely';
import { getSubject, type Subject } from '../subjects/index.ts';
import { ReadBatcher } from './vault.read-batch.ts';
import type { KeyRing } from './keyring.ts';
import { blindIndex, open, seal } from './vault.crypto.ts';

/** Identifier kinds that get a blind index, grouped by what a lookup asks for. */
export const LOOKUP_KINDS: Record<'email' | 'phone', readonly string[]> = {
  email: ['email'],
  phone: ['cn-mobile', 'cn-landline', 'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone', 'phone'],
};

/** The retention class of values kept only because a law or a hold requires it (PIPL 47 para 2). */
export const HOLD_CLASS = 'legal-hold';

/** One value to store. */
export interface PutValue {
  category: string;
  value: string;
  purposes?: string[];
  retentionClass?: string;
}

/** One value as a read returns it: the clear or masked value, or the refusal. */
export interface ReadValue {
  category: string;
  effect: Decision['effect'];
  value?: string;
  masked?: boolean;
  /** Kept under a legal hold: stored, not usable (PIPL 47 para 2, GDPR 18). */
  held?: boolean;
}

const aad = (subjectId: string, category: string, cls: string) => `${subjectId}|${category}|${cls}`;

/** The vault's values: one instance per process. */
export class VaultValues {
  private readonly touched = new Set<string>();
  private readonly reads: ReadBatcher;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly keys: KeyRing,
    private readonly indexKey: Buffer,
    private readonly consent: ConsentService,
    private readonly audit: AuditWriter,
  ) {
    this.reads = new ReadBatcher(db);
  }

  /** Validates, encrypts and stores values (replacing earlier ones of the same category) in one transaction. */
  async put(registry: Registry, subjectId: string, values: PutValue[], actor: string, principal?: Principal): Promise<{ tokens: { category: string; token: string }[]; warnings: ErrorDetail[] }> {
    const subject = await activeSubject(this.db, subjectId);
    const details: ErrorDetail[] = [];
    const warnings: ErrorDetail[] = [];
    const prepared: { cat: Category; value: string; v: PutValue }[] = [];
    values.forEach((v, i) => {
      const cat = registry.categories.find((c) => c.id === v.category);
      if (!cat) return void details.push({ path: `values[${i}].category`, message: `category "${v.category}" is not declared in the registry`, code: 'VAULT_CATEGORY_UNKNOWN' });
      if (!registry.purposes.some((p) => p.categories.includes(cat.id) && (!p.roles || p.roles.includes(subject.role)))) {
        return void details.push({ path: `values[${i}].category`, message: `no purpose uses "${cat.id}" for role "${subject.role}"`, code: 'VAULT_CATEGORY_UNKNOWN' });
      }
      const check = validate(cat.kind, v.value);
      // the reason names the check that failed, never the value
      if (!check.ok) return void details.push({ path: `values[${i}].value`, message: `not a valid ${cat.kind} for "${cat.id}": ${check.reason ?? 'invalid'}`, code: 'VAULT_VALUE_INVALID' });
      if (check.warning) warnings.push({ path: `values[${i}].value`, message: check.warning });
      prepared.push({ cat, value: v.value, v });
    });
    if (details.length > 0) throw new AppError(details.some((d) => d.code === 'VAULT_VALUE_INVALID') ? 'VAULT_VALUE_INVALID' : 'VAULT_CATEGORY_UNKNOWN', details.map((d) => d.message).join('; '), { details });
    if (principal?.kind === 'service') {
      // collection is purpose-bound too (PIPL 6, GDPR 5(1)(c)): a service stores only what its purposes use
      const usable = new Set(registry.purposes.filter((p) => principal.purposes.includes(p.id)).flatMap((p) => p.categories));
      const outside = prepared.filter((p) => !usable.has(p.cat.id)).map((p) => p.cat.id);
      if (outside.length > 0) throw new AppError('ACCESS_DENIED', `none of this key's purposes uses ${outside.map((c) => `"${c}"`).join(', ')}`, { rule: 'ACTOR_PURPOSE_NOT_BOUND' });
    }
    const now = new Date();
    const rows: (Insertable<VaultValuesTable> & { lookup: string | null })[] = [];
    for (const p of prepared) {
      const cls = p.v.retentionClass ?? 'standard';
      const key = await this.keys.key(subject.id, cls, true);
      rows.push({
        subject_id: subject.id, category: p.cat.id, token: `tok_${randomBytes(16).toString('hex')}`, retention_class: cls,
        ciphertext: seal(key, Buffer.from(p.value, 'utf8'), aad(subject.id, p.cat.id, cls)), purposes: JSON.stringify(p.v.purposes ?? []),
        collected_at: now, updated_at: now, lookup: Object.values(LOOKUP_KINDS).some((k) => k.includes(p.cat.kind)) ? this.digest(p.cat, p.value) : null,
      });
    }
    await this.db.transaction().execute(async (trx) => {
      for (const { lookup, ...r } of rows) {
        await trx.insertInto('vault_values').values(r).onConflict((oc) => oc.columns(['subject_id', 'category']).doUpdateSet({
          token: r.token, retention_class: r.retention_class, ciphertext: r.ciphertext, purposes: r.purposes, updated_at: r.updated_at,
        })).execute();
        if (lookup) await trx.insertInto('vault_lookup').values({ subject_id: r.subject_id, category: r.category, digest: lookup }).onConflict((oc) => oc.columns(['subject_id', 'category']).doUpdateSet({ digest: lookup })).execute();
      }
      await recordAudit(trx, { actor, action: 'data.write', subject: subject.id, categories: rows.map((r) => r.category) });
    });
    return { tokens: rows.map((r) => ({ category: r.category, token: r.token as string })), warnings };
  }

  /** Reads categories for a purpose: the decision engine allows, masks or denies each, and the read is audited. */
  async read(policy: AccessPolicy, principal: Principal, subjectId: string, purpose: string, categories: string[], requestId?: string): Promise<{ decision: Decision; values: ReadValue[] }> {
    const { subject, rows: byCat } = await this.reads.load(subjectId, categories);
    if (!subject || subject.status === 'erased' || subject.status === 'closed') throw new AppError('NOT_FOUND', 'no such subject');
    await this.consent.projection.warm(subject.id);
    const decision = decideFor(policy, this.consent.projection, principal, subject, purpose, categories);
    const values: ReadValue[] = [];
    for (const c of categories) {
      const effect = effectFor(decision, c);
      const row = byCat.get(c);
      if (effect === 'deny' || !row) {
        values.push({ category: c, effect });
        continue;
      }
      if (row.retention_class === HOLD_CLASS) {
        values.push({ category: c, effect: 'deny', held: true });
        continue;
      }
      const key = await this.keys.key(subject.id, row.retention_class, false);
      const clear = open(key, Buffer.from(row.ciphertext), aad(subject.id, c, row.retention_class)).toString('utf8');
      const kind = policy.kinds.get(c) ?? 'other';
      values.push(effect === 'allow-masked' ? { category: c, effect, value: mask(kind, clear), masked: true } : { category: c, effect, value: clear, masked: false });
      this.touch(subject.id, c);
    }
    await this.audit.append({
      actor: `${principal.kind}:${principal.id}`, action: 'data.read', subject: subject.id, purpose, categories, decision: decision.effect, rule: decision.rule,
      ...(requestId ? { requestId } : {}), ...(decision.perCategory ? { details: { perCategory: decision.perCategory } } : {}),
    });
    return { decision, values };
  }

  /** Finds a subject by email or phone through the blind index; null when none matches. */
  async find(registry: Registry, kind: 'email' | 'phone', value: string): Promise<string | null> {
    const cats = registry.categories.filter((c) => LOOKUP_KINDS[kind].includes(c.kind));
    if (cats.length === 0) return null;
    const digests = cats.map((c) => ({ category: c.id, digest: this.digest(c, value) }));
    const row = await this.db.selectFrom('vault_lookup').select('subject_id').where((eb) => eb.or(digests.map((d) => eb.and([eb('category', '=', d.category), eb('digest', '=', d.digest)])))).limit(1).executeTakeFirst();
    return row?.subject_id ?? null;
  }

  // The one normalisation for blind indexes: writes and lookups must produce the same digest.
  private digest(cat: Category, value: string): string {
    return blindIndex(this.indexKey, cat.id, (validate(cat.kind, value).normalized ?? value.trim()).toLowerCase());
  }

  /** Decrypts every value of a subject for the subject's own access request (rights pillar). */
  async decryptAll(subjectId: string): Promise<{ category: string; value: string | null; retentionClass: string; collectedAt: string }[]> {
    const rows = await this.db.selectFrom('vault_values').select(['category', 'retention_class', 'ciphertext', 'collected_at']).where('subject_id', '=', subjectId).orderBy('category').execute();
    const out = [];
    for (const r of rows) {
      let value: string | null = null;
      try {
        value = open(await this.keys.key(subjectId, r.retention_class, false), Buffer.from(r.ciphertext), aad(subjectId, r.category, r.retention_class)).toString('utf8');
      } catch (e) {
        if ((e as AppError).code !== 'VAULT_KEY_UNAVAILABLE') throw e;
      }
      out.push({ category: r.category, value, retentionClass: r.retention_class, collectedAt: new Date(r.collected_at).toISOString() });
    }
    return out;
  }

  // last_used_at drives retention "from last use"; reads coalesce into one update per second.
  private touch(subjectId: string, category: string): void {
    this.touched.add(`${subjectId}\u0000${category}`);
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flushTouched(), 1000);
    this.timer.unref?.();
  }

  /** Writes pending last-use times now. */
  async flushTouched(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = [...this.touched].map((k) => k.split('\u0000'));
    this.touched.clear();
    const now = new Date();
    // one statement per thousand pairs, as two arrays: a busy vault touches many values a second
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      const pairs = unnestRows([['subject_id', 'text', chunk.map((p) => p[0])], ['category', 'text', chunk.map((p) => p[1])]]);
      await sql`update vault_values v set last_used_at = ${now} from (${pairs}) t
        where v.subject_id = t.subject_id and v.category = t.category`.execute(this.db).catch(() => {});
    }
  }
}

/** A subject that may still be processed; closed or erased ones answer like unknown ones. */
export async function activeSubject(db: Kysely<Database>, subjectId: string): Promise<Subject> {
  const s = await getSubject(db, subjectId);
  if (s.status === 'erased' || s.status === 'closed') throw new AppError('NOT_FOUND', 'no such subject');
  return s;
}
