// The current consent state in memory: checks answer from a per-subject cache against the current scope hashes.
import type { Kysely } from 'kysely';
import { consentScopeHash } from '../notice/index.ts';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import type { ConsentStatus, PreparedEvent } from './consent.model.ts';

interface Entry {
  status: string;
  scopeHash: string | null;
  seq: bigint;
}

type SubjectState = Map<string, Entry>;

const key = (type: string, target: string, recipient: string) => `${type}\u0000${target}\u0000${recipient}`;

/** Current scope hash of every purpose, and of every purpose shared with each of its recipients. */
export function currentScopes(registry: Registry): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const p of registry.purposes) {
    scopes.set(key('consent', p.id, ''), consentScopeHash(registry, p.id));
    for (const r of registry.recipients) if (r.purposes.includes(p.id)) scopes.set(key('consent', p.id, r.id), consentScopeHash(registry, p.id, r.id));
  }
  return scopes;
}

/** Caches the projection per subject (bounded, least recently loaded evicted first). */
export class ConsentProjection {
  private readonly cache = new Map<string, SubjectState>();
  private scopes = new Map<string, string>();
  // invalidations that arrived while reads were under way, by a counter that orders them against the reads
  private ticks = 0;
  private loading = 0;
  private readonly invalidatedAt = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>, private readonly maxSubjects = 200_000) {}

  /** Installs the scope hashes of a newly current registry. */
  setRegistry(registry: Registry): void {
    this.scopes = currentScopes(registry);
  }

  /** The current scope hash of a purpose (and recipient), or undefined when not declared. */
  scopeHash(purposeId: string, recipientId = ''): string | undefined {
    return this.scopes.get(key('consent', purposeId, recipientId));
  }

  /** Loads a subject's state into the cache if it is not there. */
  async warm(subjectId: string): Promise<void> {
    if (this.cache.has(subjectId)) return;
    this.loading++;
    try {
      // a change announced by another process while the read was under way may be missing from what it read: read again
      for (let attempt = 0; ; attempt++) {
        const tick = ++this.ticks;
        const rows = await this.db.selectFrom('consent_state').select(['type', 'target', 'recipient', 'status', 'scope_hash', 'seq']).where('subject_id', '=', subjectId).execute();
        if (attempt < 3 && (this.invalidatedAt.get(subjectId) ?? 0) > tick) continue;
        if (this.cache.has(subjectId)) return; // a concurrent warm or a local commit got there first
        const state: SubjectState = new Map();
        for (const r of rows) state.set(key(r.type, r.target, r.recipient), { status: r.status, scopeHash: r.scope_hash, seq: BigInt(r.seq) });
        this.put(subjectId, state);
        return;
      }
    } finally {
      if (--this.loading === 0) this.invalidatedAt.clear();
    }
  }

  /** Drops subjects changed by another process (consent.feed.ts); their next check reloads them. */
  invalidate(subjectIds: readonly string[]): void {
    const tick = ++this.ticks;
    for (const id of subjectIds) {
      this.cache.delete(id);
      if (this.loading > 0) this.invalidatedAt.set(id, tick);
    }
  }

  /** Consent status from the cache (call `warm` first): stale when granted for a scope that has since changed. */
  check(subjectId: string, purposeId: string, recipientId = ''): ConsentStatus {
    const k = key('consent', purposeId, recipientId);
    const e = this.cache.get(subjectId)?.get(k);
    if (!e || e.status !== 'granted') return 'absent';
    return e.scopeHash === this.scopes.get(k) ? 'granted' : 'stale';
  }

  /** Whether a device permission is switched off (permissions are on until switched off). */
  permissionOff(subjectId: string, permissionId: string): boolean {
    return this.cache.get(subjectId)?.get(key('permission', permissionId, ''))?.status === 'off';
  }

  /** Every permission id the subject switched off. */
  permissionsOff(subjectId: string): string[] {
    const out: string[] = [];
    for (const [k, e] of this.cache.get(subjectId) ?? []) if (e.status === 'off' && k.startsWith('permission\u0000')) out.push(k.split('\u0000')[1]);
    return out;
  }

  /** Purposes the subject withdrew or objected to (for non-consent purposes a withdrawal is an objection, GDPR 21). */
  objections(subjectId: string): string[] {
    const out: string[] = [];
    for (const [k, e] of this.cache.get(subjectId) ?? []) {
      const [type, target, recipient] = k.split('\u0000');
      if (type === 'consent' && recipient === '' && e.status === 'withdrawn') out.push(target);
    }
    return out;
  }

  /** Applies committed events to cached subjects, so this process reads its own writes. */
  apply(events: PreparedEvent[], seqs: string[]): void {
    events.forEach((e, i) => {
      const state = this.cache.get(e.subjectId);
      if (!state) return;
      const k = key(e.type, e.target, e.recipient);
      const seq = BigInt(seqs[i]);
      const prev = state.get(k);
      if (prev && prev.seq > seq) return;
      state.set(k, { status: e.event === 'grant' ? 'granted' : e.event === 'withdraw' ? 'withdrawn' : e.event, scopeHash: e.scopeHash, seq });
    });
  }

  /** Drops one subject (after erasure) or everything. */
  forget(subjectId?: string): void {
    if (subjectId) this.cache.delete(subjectId);
    else this.cache.clear();
  }

  private put(subjectId: string, state: SubjectState): void {
    if (this.cache.size >= this.maxSubjects) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(subjectId, state);
  }
}

const STATUS_OF = { grant: 'granted', withdraw: 'withdrawn', on: 'on', off: 'off' } as const;

/** Recomputes a subject's projection from its event log alone, to check that the stored projection is faithful. */
export async function replayProjection(db: Kysely<Database>, subjectId: string): Promise<Map<string, { status: string; seq: string; scopeHash: string | null }>> {
  const events = await db.selectFrom('consent_events').select(['seq', 'type', 'event', 'target', 'recipient', 'scope_hash']).where('subject_id', '=', subjectId).orderBy('seq').execute();
  const out = new Map<string, { status: string; seq: string; scopeHash: string | null }>();
  for (const e of events) out.set(key(e.type, e.target, e.recipient), { status: STATUS_OF[e.event], seq: e.seq, scopeHash: e.scope_hash });
  return out;
}

/** The stored projection of a subject, in the same shape as replayProjection. */
export async function storedProjection(db: Kysely<Database>, subjectId: string): Promise<Map<string, { status: string; seq: string; scopeHash: string | null }>> {
  const rows = await db.selectFrom('consent_state').select(['type', 'target', 'recipient', 'status', 'seq', 'scope_hash']).where('subject_id', '=', subjectId).execute();
  return new Map(rows.map((r) => [key(r.type, r.target, r.recipient), { status: r.status, seq: r.seq, scopeHash: r.scope_hash }]));
}
