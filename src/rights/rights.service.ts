// Data-subject requests: intake with deadlines and fees, staff review, extension, answers and refusals; work goes to the job queue.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { ConsentService } from '../consent/index.ts';
import { validate } from '../deid/index.ts';
import { AppError } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import type { Registry } from '../registry/index.ts';
import { JobQueue, type Database } from '../store/index.ts';
import { getSubject, type Subject } from '../subjects/index.ts';
import { activeSubject, open, seal, type KeyRing, type VaultValues } from '../vault/index.ts';
import { buildAccessAnswer, complaintRoutes, type AccessAnswer } from './rights.answer.ts';
import { label } from './rights.holds.ts';
import { copyFee, extendDeadline, feePeriodStart, requestDeadline, type DeadlineOptions } from './rights.deadline.ts';
import { EXPORT_CLASS, IMMEDIATE_TYPES, JOB_TYPES, NO_CONNECTORS, PENDING_CLASS, REQUEST_TYPES, RIGHTS_QUEUE, type Clock, type OnBehalf, type RequestEvent, type RequestInput, type RequestType, type RightsConnectors, type RightsRequest } from './rights.model.ts';
import { processRequest } from './rights.jobs.ts';
import * as store from './rights.store.ts';

/** What the rights service needs, injected once per process. */
export interface RightsDeps {
  db: Kysely<Database>;
  registry: { load(): Promise<{ registry: Registry }> };
  consent: ConsentService;
  vault: VaultValues;
  keyring: KeyRing;
  connectors?: RightsConnectors;
  clock?: Clock;
  deadlines?: DeadlineOptions;
  /** Called after a job was enqueued so the worker looks at once. */
  nudge?: () => void;
}

/** Why staff refuse a request; the text shown to the person always ends with the complaint routes. */
export const REFUSAL_CODES = ['identity-not-verified', 'manifestly-unfounded', 'excessive', 'legal-exemption', 'third-party-rights', 'not-applicable', 'other'] as const;

// PIPL 49: close relatives may consult, copy, correct and delete; other rights need legal review first
const RELATIVE_TYPES: readonly RequestType[] = ['access', 'copy', 'rectify', 'erase'];

const indexes = new WeakMap<Registry, Map<string, Registry['categories'][number]>>();
// a registry may declare thousands of categories; index them once per loaded version
function categoryIndex(registry: Registry): Map<string, Registry['categories'][number]> {
  let m = indexes.get(registry);
  if (!m) indexes.set(registry, (m = new Map(registry.categories.map((c) => [c.id, c]))));
  return m;
}

/** The rights pillar's service: one instance per process. */
export class RightsService {
  readonly db: Kysely<Database>;
  readonly connectors: RightsConnectors;
  readonly clock: Clock;

  constructor(readonly deps: RightsDeps) {
    this.db = deps.db;
    this.connectors = deps.connectors ?? NO_CONNECTORS;
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Files a request. Agents and relatives wait for staff review; a second open request of the same type is refused. */
  async create(subjectId: string, input: RequestInput, by: { actor: string } & Partial<OnBehalf>): Promise<RightsRequest> {
    if (!(REQUEST_TYPES as readonly string[]).includes(input.type)) {
      throw new AppError('RIGHTS_TYPE_UNKNOWN', `"${input.type}" is not a request type; use one of ${REQUEST_TYPES.join(', ')}`, { details: [{ path: 'body.type', message: 'unknown request type' }] });
    }
    const type = input.type as RequestType;
    const requester = by.requester ?? 'subject';
    if (requester !== 'subject' && !by.proofRef) throw new AppError('RIGHTS_PROOF_REQUIRED', `a request by a ${requester} needs proofRef: the mandate, guardianship or proof of death and relationship`, { rule: requester === 'relative' ? 'PIPL-49-1' : 'PIPA-38-1' });
    if (requester === 'relative' && !RELATIVE_TYPES.includes(type)) throw new AppError('VALIDATION_FAILED', `a close relative may ask for ${RELATIVE_TYPES.join(', ')} only (PIPL 49)`, { rule: 'PIPL-49-1' });
    const subject = await activeSubject(this.db, subjectId);
    const { registry } = await this.deps.registry.load();
    this.check(registry, subject, type, input);
    const now = this.clock();
    const marketing = type === 'object' && this.marketingOnly(registry, subject, input);
    const deadline = requestDeadline(type, subject.regimes, now, { ...this.deps.deadlines, marketing });
    const id = `req_${randomUUID().replace(/-/g, '')}`;
    const status = requester === 'subject' ? 'open' : 'awaiting-review';
    const { values, message: _m, ...kept } = input;
    const sealed = values?.length ? await this.sealValues(subject.id, id, values) : null;
    const fee = type === 'copy' ? copyFee(registry.fees, await store.countCopies(this.db, subject.id, feePeriodStart(registry.fees, now))) : null;
    const safeInput = { ...kept, ...(values ? { categories: values.map((v) => v.category) } : {}), ...(input.message ? { message: input.message } : {}) };
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await store.hasOpenRequest(trx, subject.id, type)) throw new AppError('RIGHTS_REQUEST_OPEN', `a ${type} request is already open for this person; follow that one`);
        await store.insertRequest(trx, {
          subject_id: subject.id, id, type, status, requester, channel: by.channel ?? 'api', proof_ref: by.proofRef ?? null, relationship: by.relationship ?? null,
          language: input.language ?? subject.language, input: safeInput, sealed, received_at: now, due_at: new Date(deadline.due), updated_at: now,
          deadline: { regime: deadline.regime, rule: deadline.rule, basis: deadline.basis, immediate: deadline.immediate, all: deadline.all }, fee,
        });
        await store.addEvent(trx, subject.id, id, now, by.actor, 'created', { type, requester, status });
        await recordAudit(trx, { actor: by.actor, action: 'rights.request', subject: subject.id, target: id, details: { type, requester, dueAt: deadline.due } });
        if (status === 'open' && !IMMEDIATE_TYPES.includes(type)) await this.enqueue(trx, subject.id, id, type);
      });
    } catch (e) {
      // the partial unique index catches a race between two submissions
      if ((e as { code?: string }).code === '23505') throw new AppError('RIGHTS_REQUEST_OPEN', `a ${type} request is already open for this person; follow that one`);
      throw e;
    }
    // PIPL 15, GDPR 21(3): withdrawals and marketing objections take effect at once, not when the worker comes by
    // (run here rather than by the worker, so the two never run it together; a failure is handed to the queue to retry)
    if (status === 'open' && IMMEDIATE_TYPES.includes(type)) await processRequest(this, subject.id, id).catch(() => this.enqueue(this.db, subject.id, id, type));
    this.deps.nudge?.();
    return (await store.findRequest(this.db, 'staff', id, this.clock()))!;
  }

  /** Refuses inputs that name what the registry does not declare (nothing is written). */
  private check(registry: Registry, subject: Subject, type: RequestType, input: RequestInput): void {
    const details: { path: string; message: string }[] = [];
    const cats = categoryIndex(registry);
    (input.categories ?? []).forEach((c, i) => cats.has(c) || details.push({ path: `body.categories[${i}]`, message: `category "${c}" is not declared` }));
    (input.purposes ?? []).forEach((p, i) => registry.purposes.some((x) => x.id === p && (!x.roles || x.roles.includes(subject.role))) || details.push({ path: `body.purposes[${i}]`, message: `purpose "${p}" is not declared for this person` }));
    if (type === 'rectify' && !input.values?.length) details.push({ path: 'body.values', message: 'a rectification names the corrected values' });
    if (type === 'consent-scope' && !input.purposes?.length) details.push({ path: 'body.purposes', message: 'name the purposes whose consent you withdraw' });
    (input.values ?? []).forEach((v, i) => {
      const cat = cats.get(v.category);
      if (!cat) return void details.push({ path: `body.values[${i}].category`, message: `category "${v.category}" is not declared` });
      const r = validate(cat.kind, v.value);
      // the reason names the check, never the value
      if (!r.ok) details.push({ path: `body.values[${i}].value`, message: `not a valid ${cat.kind}: ${r.reason ?? 'invalid'}` });
    });
    if (details.length > 0) throw new AppError('VALIDATION_FAILED', details.map((d) => `${d.path}: ${d.message}`).join('; '), { details });
  }

  /** True when an objection is to direct marketing only (GDPR 21(3): it takes effect at once). */
  private marketingOnly(registry: Registry, subject: Subject, input: RequestInput): boolean {
    if (input.marketing) return true;
    const ps = input.purposes ?? [];
    return ps.length === 0 || ps.every((p) => registry.purposes.find((x) => x.id === p)?.marketing === true);
  }

  private async sealValues(subjectId: string, requestId: string, values: { category: string; value: string }[]): Promise<Uint8Array> {
    const key = await this.deps.keyring.key(subjectId, PENDING_CLASS, true);
    return seal(key, Buffer.from(JSON.stringify(values), 'utf8'), `${subjectId}|${requestId}|${PENDING_CLASS}`);
  }

  /** The rectification values of a request, opened for the job that writes them. */
  async pendingValues(subjectId: string, requestId: string): Promise<{ category: string; value: string }[]> {
    const sealed = await store.sealedInput(this.db, subjectId, requestId);
    if (!sealed) return [];
    const key = await this.deps.keyring.key(subjectId, PENDING_CLASS, false);
    return JSON.parse(open(key, Buffer.from(sealed), `${subjectId}|${requestId}|${PENDING_CLASS}`).toString('utf8'));
  }

  private async enqueue(db: Parameters<typeof JobQueue.enqueue>[0], subjectId: string, requestId: string, type: RequestType): Promise<void> {
    if (JOB_TYPES.includes(type)) await JobQueue.enqueue(db, RIGHTS_QUEUE, { subjectId, requestId }, { dedupeKey: `rights:${requestId}`, maxAttempts: 5 });
  }

  /** One request with its history; another person's id answers like an unknown one. */
  async get(scope: store.RequestScope, id: string): Promise<RightsRequest & { events: RequestEvent[] }> {
    const r = await store.findRequest(this.db, scope, id, this.clock());
    if (!r) throw new AppError('NOT_FOUND', 'no such request');
    return { ...r, events: await store.listEvents(this.db, r.subjectId, r.id) };
  }

  /** Requests in scope, soonest deadline first, with overdue flags. */
  async list(scope: store.RequestScope, opts: Parameters<typeof store.listRequests>[3] = {}): Promise<RightsRequest[]> {
    return store.listRequests(this.db, scope, this.clock(), opts);
  }

  /** Staff decide on a request by an agent, guardian or relative: approve (work starts) or reject with a reason. */
  async review(id: string, decision: 'approve' | 'reject', reason: string, actor: string): Promise<RightsRequest> {
    return this.transition(id, ['awaiting-review'], actor, async (trx, r, now, registry) => {
      if (decision === 'approve') {
        await store.updateRequest(trx, r.subjectId, r.id, { status: 'open', review_reason: reason, reviewed_by: actor, updated_at: now });
        await this.enqueue(trx, r.subjectId, r.id, r.type);
      } else {
        const text = this.withComplaint(registry, reason, r.language);
        await store.updateRequest(trx, r.subjectId, r.id, { status: 'rejected', review_reason: reason, reviewed_by: actor, outcome_code: 'proof-insufficient', outcome_text: text, closed_at: now, updated_at: now });
      }
      return { event: decision === 'approve' ? 'approved' : 'rejected', details: {} };
    });
  }

  /** Extends the deadline (GDPR 12(3)) with the reason told to the person; refused after the first month or outside the GDPR. */
  async extend(id: string, reason: string, actor: string): Promise<RightsRequest> {
    return this.transition(id, ['awaiting-review', 'open'], actor, async (trx, r, now) => {
      if (r.extension) throw new AppError('RIGHTS_EXTENSION_REFUSED', 'the deadline was already extended once');
      const subject = await activeSubject(trx, r.subjectId);
      const ext = extendDeadline(r.type, subject.regimes, new Date(r.receivedAt), now, this.deps.deadlines);
      if (!ext.ok) throw new AppError('RIGHTS_EXTENSION_REFUSED', ext.reason, { rule: 'GDPR-12-1' });
      const d = ext.deadline;
      await store.updateRequest(trx, r.subjectId, r.id, { due_at: new Date(d.due), deadline: JSON.stringify({ regime: d.regime, rule: d.rule, basis: d.basis, immediate: d.immediate, extended: true, all: d.all }), extended_at: now, extension_reason: reason, updated_at: now });
      await emitEvent(trx, 'rights.extended', { request: r.id, type: r.type, dueAt: d.due, reason }, r.subjectId);
      return { event: 'extended', details: { dueAt: d.due } };
    });
  }

  /** Staff answer a request (ADM explanations, human reviews, or any open request) with the text the person reads. */
  async complete(id: string, text: string, actor: string): Promise<RightsRequest> {
    return this.transition(id, ['open'], actor, async (trx, r, now) => {
      await store.updateRequest(trx, r.subjectId, r.id, { status: 'completed', outcome_code: 'answered', outcome_text: text, closed_at: now, updated_at: now });
      await emitEvent(trx, 'rights.completed', { request: r.id, type: r.type }, r.subjectId);
      return { event: 'completed', details: { by: 'staff' } };
    });
  }

  /** Staff refuse with a reason code and text; the complaint routes are added to what the person reads (PIPL 50, GDPR 12(4)). */
  async refuse(id: string, code: (typeof REFUSAL_CODES)[number], text: string, actor: string): Promise<RightsRequest> {
    return this.transition(id, ['awaiting-review', 'open'], actor, async (trx, r, now, registry) => {
      const full = this.withComplaint(registry, text, r.language);
      await store.updateRequest(trx, r.subjectId, r.id, { status: 'refused', outcome_code: code, outcome_text: full, closed_at: now, updated_at: now });
      await emitEvent(trx, 'rights.refused', { request: r.id, type: r.type, code }, r.subjectId);
      return { event: 'refused', details: { code } };
    });
  }

  private async registryNow(): Promise<Registry> {
    return (await this.deps.registry.load()).registry;
  }

  private withComplaint(registry: Registry, text: string, lang: string): string {
    const routes = complaintRoutes(registry, lang);
    return routes.length ? `${text}\n\n${routes.join('\n')}` : text;
  }

  // the registry is loaded before the transaction, so no second connection is needed while it is open
  private async transition(id: string, from: string[], actor: string, fn: (trx: Kysely<Database>, r: RightsRequest, now: Date, registry: Registry) => Promise<{ event: string; details: Record<string, unknown> }>): Promise<RightsRequest> {
    const now = this.clock();
    const registry = await this.registryNow();
    await this.db.transaction().execute(async (trx) => {
      const r = await store.findRequest(trx, 'staff', id, now, true);
      if (!r) throw new AppError('NOT_FOUND', 'no such request');
      if (!from.includes(r.status)) throw new AppError('RIGHTS_REQUEST_STATE', `the request is ${r.status}; this needs ${from.join(' or ')}`);
      const { event, details } = await fn(trx, r, now, registry);
      await store.addEvent(trx, r.subjectId, r.id, now, actor, event, details);
      await recordAudit(trx, { actor, action: `rights.${event}`, subject: r.subjectId, target: r.id, details: { type: r.type, ...details } });
    });
    this.deps.nudge?.();
    return (await store.findRequest(this.db, 'staff', id, this.clock()))!;
  }

  /** The person's overview: who they are to us, which categories we hold (names only), consents and requests. */
  async overview(subjectId: string) {
    const subject = await getSubject(this.db, subjectId);
    const registry = await this.registryNow();
    const cats = new Map(registry.categories.map((c) => [c.id, c]));
    const consents = subject.status === 'closed' || subject.status === 'erased' ? [] : await this.deps.consent.state(subjectId);
    return {
      subject: { id: subject.id, role: subject.role, regimes: subject.regimes, language: subject.language, status: subject.status },
      categories: (await store.valueCategories(this.db, subjectId)).map((v) => ({ ...v, label: label(cats.get(v.category)?.labels, subject.language) || v.category })),
      consents: consents.map((c) => ({ type: c.type, target: c.target, recipient: c.recipient, status: c.status, stale: c.stale })),
      requests: await this.list({ subjectId }, { all: true }),
    };
  }

  /** The access answer for the person: built now from the vault, registry, shares, consents, audit log and connectors. */
  async accessAnswer(subjectId: string, requestId: string): Promise<AccessAnswer> {
    const r = await this.get({ subjectId }, requestId);
    const subject = await activeSubject(this.db, subjectId).catch(() => null);
    if (!subject) throw new AppError('NOT_FOUND', 'no such subject');
    return buildAccessAnswer(this.deps, await this.registryNow(), subject, r.language, await this.connectors.export(subjectId, requestId));
  }

  /** The export archive of a copy or portability request, opened for the person. */
  async exportZip(subjectId: string, requestId: string): Promise<Uint8Array> {
    const r = await this.get({ subjectId }, requestId);
    const sealed = r.type === 'copy' || r.type === 'portability' ? await store.getExport(this.db, subjectId, requestId) : undefined;
    if (!sealed) throw new AppError('RIGHTS_EXPORT_NOT_READY', r.status === 'completed' ? 'this request has no export' : `the request is ${r.status}; the export is made when it completes`);
    const key = await this.deps.keyring.key(subjectId, EXPORT_CLASS, false);
    return open(key, Buffer.from(sealed), `${subjectId}|${requestId}|${EXPORT_CLASS}`);
  }
}
