// Consent service: grants, withdrawals and permission switches checked by the law, written by the batch writer,
// read back from the projection; staleness against the current registry; renewal requests through the outbox.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import type { CurrentRegistry } from '../publication/index.ts';
import type { Regime } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { consentAge, getSubject, SubjectBatcher, type Subject } from '../subjects/index.ts';
import { truncateIp, type ConsentStatus, type GrantInput, type PermissionInput, type PreparedEvent, type RecordedEvent, type WithdrawInput } from './consent.model.ts';
import { ConsentProjection, currentScopes } from './consent.projection.ts';
import { ReceiptSigner } from './consent.receipts.ts';
import { assertValidAction, checkGrant, resolveTarget } from './consent.rules.ts';
import { ConsentWriter } from './consent.writer.ts';
import type { FeedAnnouncer } from './consent.feed.ts';

/** One row of a subject's consent state as shown over the API. */
export interface ConsentView {
  type: 'consent' | 'permission';
  target: string;
  recipient: string | null;
  status: string;
  stale: boolean;
  kind: string | null;
  seq: string;
  registryVersion: number;
  updatedAt: string;
}

/** Everything consent needs, wired once per process. */
export class ConsentService {
  readonly projection: ConsentProjection;
  readonly signer: ReceiptSigner;
  private readonly writer: ConsentWriter;

  constructor(private readonly db: Kysely<Database>, private readonly registry: CurrentRegistry, opts: { maxBatch?: number; announce?: FeedAnnouncer } = {}) {
    this.projection = new ConsentProjection(db);
    this.subjectLoader = new SubjectBatcher(db);
    this.signer = new ReceiptSigner(db);
    registry.onChange((v) => this.projection.setRegistry(v.registry));
    this.writer = new ConsentWriter(db, this.signer, () => registry.peek()?.registry.organization.id ?? 'custodia', {
      maxBatch: opts.maxBatch,
      announce: opts.announce,
      onCommit: (recorded, prepared) => this.projection.apply(prepared, recorded.map((r) => r.seq)),
    });
  }

  private readonly subjects = new Map<string, { s: Subject; at: number }>();
  private readonly subjectLoader: SubjectBatcher;

  // Subjects change rarely (role and regimes are set at creation); a short cache spares a query per grant, and
  // misses of one turn share a query. The writer re-checks the status when it commits.
  private async activeSubject(subjectId: string): Promise<Subject> {
    const hit = this.subjects.get(subjectId);
    const s = hit && Date.now() - hit.at < 2000 ? hit.s : await this.subjectLoader.load(subjectId);
    if (!s) throw new AppError('NOT_FOUND', 'no such subject');
    if (!hit || hit.s !== s) {
      if (this.subjects.size > 100_000) this.subjects.clear();
      this.subjects.set(subjectId, { s, at: Date.now() });
    }
    if (s.status === 'closed' || s.status === 'erased') throw new AppError('NOT_FOUND', 'no such subject');
    return s;
  }

  /** Drops a cached subject after its status changed (closure, erasure, restriction). */
  forgetSubject(subjectId: string): void {
    this.subjects.delete(subjectId);
    this.projection.forget(subjectId);
  }

  private proof(subject: Subject, input: GrantInput | WithdrawInput | PermissionInput, registryVersion: number): Omit<PreparedEvent, 'type' | 'event' | 'target' | 'recipient' | 'kind' | 'scopeHash' | 'noticeHash'> {
    return {
      subjectId: subject.id,
      action: input.action,
      registryVersion,
      channel: input.channel,
      language: input.language ?? null,
      userAgent: input.userAgent ?? null,
      ipPrefix: truncateIp(input.ip),
      region: input.region ?? null,
      actor: input.actor,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
    };
  }

  /** Records a grant; refuses by rule (nothing written) when the law or the registry does not allow it. */
  async grant(subjectId: string, input: GrantInput): Promise<RecordedEvent[]> {
    const subject = await this.activeSubject(subjectId);
    const current = await this.registry.load();
    const items = checkGrant(current.registry, { role: subject.role, regimes: subject.regimes, age: consentAge(subject, current.registry) }, input, (p, r) => this.projection.scopeHash(p, r));
    // PIPL 14 / GDPR 7(1): proof that the person saw the notice of this version
    if (input.registryVersion !== current.versionNo) throw new AppError('CONSENT_NOTICE_OUTDATED', `the notice shown was of registry version ${input.registryVersion}; the current version is ${current.versionNo}`, { rule: 'PIPL-14-1' });
    await this.projection.warm(subject.id);
    const base = this.proof(subject, input, current.versionNo);
    return this.writer.write(items.map((it) => ({ ...base, type: 'consent', event: 'grant', target: it.purpose, recipient: it.recipient, kind: it.kind, scopeHash: it.scopeHash, noticeHash: input.noticeHash })));
  }

  /** Records a withdrawal; always allowed for a declared purpose, never undoes what was done before (PIPL 15). */
  async withdraw(subjectId: string, input: WithdrawInput): Promise<RecordedEvent> {
    const subject = await this.activeSubject(subjectId);
    assertValidAction(input.action, subject.regimes);
    const current = await this.registry.load();
    resolveTarget(current.registry, subject, input.purpose, input.recipient);
    await this.projection.warm(subject.id);
    const [rec] = await this.writer.write([{ ...this.proof(subject, input, current.versionNo), type: 'consent', event: 'withdraw', target: input.purpose, recipient: input.recipient ?? '', kind: null, scopeHash: null, noticeHash: null }]);
    return rec;
  }

  /** Switches a device permission on or off; off stops the linked purposes for new processing. */
  async setPermission(subjectId: string, permissionId: string, input: PermissionInput): Promise<RecordedEvent> {
    const subject = await this.activeSubject(subjectId);
    assertValidAction(input.action, subject.regimes);
    const current = await this.registry.load();
    if (!current.registry.permissions.some((p) => p.id === permissionId)) throw new AppError('PERMISSION_UNKNOWN', `device permission "${permissionId}" is not declared in the registry`);
    await this.projection.warm(subject.id);
    const [rec] = await this.writer.write([{ ...this.proof(subject, input, current.versionNo), type: 'permission', event: input.enabled ? 'on' : 'off', target: permissionId, recipient: '', kind: null, scopeHash: null, noticeHash: null }]);
    return rec;
  }

  /** Consent status for a purpose (and recipient): granted, stale (scope changed since) or absent. */
  async check(subjectId: string, purposeId: string, recipientId?: string): Promise<ConsentStatus> {
    await this.projection.warm(subjectId);
    return this.projection.check(subjectId, purposeId, recipientId);
  }

  /** The current state of every consent and permission of a subject, with stale flags. */
  async state(subjectId: string): Promise<ConsentView[]> {
    await getSubject(this.db, subjectId);
    const current = await this.registry.load();
    const scopes = currentScopes(current.registry);
    const rows = await this.db.selectFrom('consent_state').select(['type', 'target', 'recipient', 'status', 'kind', 'seq', 'scope_hash', 'registry_version', 'updated_at']).where('subject_id', '=', subjectId).orderBy('target').execute();
    return rows.map((r) => ({
      type: r.type, target: r.target, recipient: r.recipient || null, status: r.status, kind: r.kind, seq: r.seq, registryVersion: r.registry_version, updatedAt: new Date(r.updated_at).toISOString(),
      stale: r.type === 'consent' && r.status === 'granted' && r.scope_hash !== scopes.get(`consent\u0000${r.target}\u0000${r.recipient}`),
    }));
  }

  /** The event history of a subject, oldest first: what held when. */
  async history(subjectId: string) {
    await getSubject(this.db, subjectId);
    const rows = await this.db.selectFrom('consent_events').select(['id', 'seq', 'type', 'event', 'target', 'recipient', 'kind', 'action', 'registry_version', 'channel', 'actor', 'occurred_at', 'receipt']).where('subject_id', '=', subjectId).orderBy('seq').execute();
    return rows.map((r) => ({ id: r.id, seq: r.seq, type: r.type, event: r.event, target: r.target, recipient: r.recipient || null, kind: r.kind, action: r.action, registryVersion: r.registry_version, channel: r.channel, actor: r.actor, occurredAt: new Date(r.occurred_at).toISOString(), receipt: r.receipt }));
  }

  /** Subjects whose granted consent covers a scope the current registry changed (they must be asked again). */
  async stale(opts: { purpose?: string; limit?: number } = {}): Promise<{ subjectId: string; purpose: string; recipient: string | null; registryVersion: number }[]> {
    const current = await this.registry.load();
    const scopes = [...currentScopes(current.registry)].filter(([k]) => !opts.purpose || k.split('\u0000')[1] === opts.purpose);
    if (scopes.length === 0) return [];
    const conds = sql.join(scopes.map(([k, h]) => {
      const [, target, recipient] = k.split('\u0000');
      return sql`(target = ${target} and recipient = ${recipient} and scope_hash is distinct from ${h})`;
    }), sql` or `);
    const rows = await sql<{ subject_id: string; target: string; recipient: string; registry_version: number }>`
      select subject_id, target, recipient, registry_version from consent_state
      where type = 'consent' and status = 'granted' and (${conds})
      order by subject_id, target limit ${opts.limit ?? 1000}`.execute(this.db);
    return rows.rows.map((r) => ({ subjectId: r.subject_id, purpose: r.target, recipient: r.recipient || null, registryVersion: r.registry_version }));
  }

  /** Queues a renewal request for every stale consent (one outbox event per subject), returns how many subjects. */
  async requestRenewals(actor: string, purpose?: string): Promise<number> {
    const stale = await this.stale({ purpose, limit: 100_000 });
    const bySubject = new Map<string, string[]>();
    for (const s of stale) bySubject.set(s.subjectId, [...(bySubject.get(s.subjectId) ?? []), s.recipient ? `${s.purpose}/${s.recipient}` : s.purpose]);
    await this.db.transaction().execute(async (trx) => {
      for (const [subjectId, purposes] of bySubject) await emitEvent(trx, 'consent.renewal-requested', { purposes }, subjectId);
      await recordAudit(trx, { actor, action: 'consent.renewals', details: { subjects: bySubject.size, purpose: purpose ?? null } });
    });
    return bySubject.size;
  }
}

export type { Regime };
