// API keys: random secrets shown once, stored as SHA-256 hashes, rotatable and revocable; changes are audited.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import type { Principal, Role } from './principals.model.ts';

type Db = Kysely<Database> | Transaction<Database>;

const KEY_RE = /^cus_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** What is needed to issue a key. */
export interface NewKey {
  name: string;
  role: Role;
  department?: string | null;
  purposes?: string[];
}

/** A key as listed (never the secret). */
export interface KeyView {
  id: string;
  name: string;
  role: Role;
  department: string | null;
  purposes: string[];
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  rotatedTo: string | null;
  lastUsedAt: string | null;
}

function newId(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

function hashSecret(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Builds a fresh key string with its id: `cus_<id>_<secret>`. */
export function generateKey(): { id: string; key: string } {
  const id = newId();
  return { id, key: `cus_${id}_${randomBytes(32).toString('base64url')}` };
}

/** Stores a key (optionally a given key string, e.g. the bootstrap admin key from the environment). */
export async function createKey(db: Db, input: NewKey, createdBy: string, given?: string): Promise<{ id: string; key: string }> {
  const generated = given ? { id: KEY_RE.exec(given)![1], key: given } : generateKey();
  await db
    .insertInto('api_keys')
    .values({
      id: generated.id,
      name: input.name,
      secret_hash: hashSecret(generated.key),
      role: input.role,
      department: input.department ?? null,
      purposes: JSON.stringify(input.purposes ?? []),
      created_by: createdBy,
    })
    .execute();
  await recordAudit(db, { actor: createdBy, action: 'key.create', target: generated.id, details: { role: input.role, purposes: input.purposes ?? [] } });
  return generated;
}

/** Issues a new key with the same role and purposes and revokes the old one, in one transaction. */
export async function rotateKey(db: Kysely<Database>, id: string, actor: string): Promise<{ id: string; key: string }> {
  return db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('api_keys').select(['name', 'role', 'department', 'purposes']).where('id', '=', id).where('revoked_at', 'is', null).forUpdate().executeTakeFirst();
    if (!old) throw new AppError('KEY_NOT_FOUND');
    const next = await createKey(trx, { name: old.name, role: old.role as Role, department: old.department, purposes: old.purposes }, actor);
    await trx.updateTable('api_keys').set({ revoked_at: new Date(), rotated_to: next.id }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'key.rotate', target: id, details: { replacedBy: next.id } });
    return next;
  });
}

/** Revokes a key at once. */
export async function revokeKey(db: Kysely<Database>, id: string, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) throw new AppError('KEY_NOT_FOUND');
    await recordAudit(trx, { actor, action: 'key.revoke', target: id });
  });
}

/** Lists keys, newest first. */
export async function listKeys(db: Db): Promise<KeyView[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'department', 'purposes', 'created_at', 'created_by', 'revoked_at', 'rotated_to', 'last_used_at'])
    .orderBy('created_at', 'desc')
    .execute();
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    department: r.department,
    purposes: r.purposes,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
    revokedAt: iso(r.revoked_at),
    rotatedTo: r.rotated_to,
    lastUsedAt: iso(r.last_used_at),
  }));
}

/** Counts keys that are not revoked and carry the admin role. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'admin').where('revoked_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Authenticates key strings, caching verified keys briefly; revocation in this process takes effect at once. */
export class KeyAuthenticator {
  private cache = new Map<string, { hash: Buffer; principal: Principal; until: number }>();

  constructor(private readonly db: Kysely<Database>, private readonly ttlMs = 5000) {}

  /** Returns the principal of a valid, unrevoked key, or null. Malformed keys never reach the database. */
  async authenticate(key: string): Promise<Principal | null> {
    const m = KEY_RE.exec(key);
    if (!m) return null;
    const id = m[1];
    const presented = Buffer.from(hashSecret(key), 'hex');
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return timingSafeEqual(hit.hash, presented) ? hit.principal : null;
    const row = await this.db.selectFrom('api_keys').select(['id', 'name', 'secret_hash', 'role', 'department', 'purposes', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row || row.revoked_at) return null;
    const stored = Buffer.from(row.secret_hash, 'hex');
    const principal: Principal = {
      id: row.id,
      name: row.name,
      kind: row.role === 'service' ? 'service' : 'staff',
      role: row.role as Role,
      department: row.department,
      purposes: row.purposes,
    };
    this.cache.set(id, { hash: stored, principal, until: Date.now() + this.ttlMs });
    if (!timingSafeEqual(stored, presented)) return null;
    void this.db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', id).execute().catch(() => {});
    return principal;
  }

  /** Drops a key from the cache (after revoke or rotate). */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
