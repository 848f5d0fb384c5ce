// The only file of the rights pillar that touches the database: requests, events, codes, sessions, copies, exports.
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, RightsRequestsTable } from '../store/index.ts';
import { isOverdue } from './rights.deadline.ts';
import type { RequestEvent, RequestStatus, RequestType, Requester, RightsRequest } from './rights.model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Whose requests a read may see: one person's, or every person's (staff). */
export type RequestScope = { subjectId: string } | 'staff';

const COLUMNS = [
  'subject_id', 'id', 'type', 'status', 'requester', 'channel', 'proof_ref', 'relationship', 'language', 'input', 'received_at', 'due_at', 'deadline',
  'extended_at', 'extension_reason', 'review_reason', 'result', 'outcome_code', 'outcome_text', 'fee', 'last_error', 'closed_at',
] as const;

type Row = Pick<Selectable<RightsRequestsTable>, (typeof COLUMNS)[number]>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Maps a row to the request view; `now` decides the overdue flag. */
function toRequest(r: Row, now: Date): RightsRequest {
  return {
    id: r.id, subjectId: r.subject_id, type: r.type as RequestType, status: r.status as RequestStatus, requester: r.requester as Requester, channel: r.channel,
    proofRef: r.proof_ref, relationship: r.relationship, language: r.language, input: r.input, receivedAt: iso(r.received_at)!, dueAt: iso(r.due_at)!,
    overdue: isOverdue(r.due_at, r.closed_at, now), deadline: r.deadline as RightsRequest['deadline'],
    extension: r.extended_at ? { at: iso(r.extended_at)!, reason: r.extension_reason ?? '' } : null, reviewReason: r.review_reason, result: r.result,
    outcome: r.outcome_code ? { code: r.outcome_code, text: r.outcome_text ?? '' } : null, fee: r.fee as RightsRequest['fee'], lastError: r.last_error, closedAt: iso(r.closed_at),
  };
}

/** Inserts a request row. */
export async function insertRequest(db: Db, row: Omit<Selectable<RightsRequestsTable>, 'sealed' | 'extended_at' | 'extension_reason' | 'review_reason' | 'reviewed_by' | 'result' | 'outcome_code' | 'outcome_text' | 'last_error' | 'closed_at' | 'input' | 'deadline' | 'fee'> & { input: object; deadline: object; fee: object | null; sealed: Uint8Array | null }): Promise<void> {
  await db.insertInto('rights_requests').values({ ...row, input: JSON.stringify(row.input), deadline: JSON.stringify(row.deadline), fee: row.fee ? JSON.stringify(row.fee) : null }).execute();
}

/** True when the person has an open request of this type. */
export async function hasOpenRequest(db: Db, subjectId: string, type: string): Promise<boolean> {
  const r = await db.selectFrom('rights_requests').select('id').where('subject_id', '=', subjectId).where('type', '=', type).where('status', 'in', ['awaiting-review', 'open']).executeTakeFirst();
  return r !== undefined;
}

/** One request within a scope; undefined when absent or not in scope (the caller answers 404 for both). */
export async function findRequest(db: Db, scope: RequestScope, id: string, now: Date, forUpdate = false): Promise<RightsRequest | undefined> {
  let q = db.selectFrom('rights_requests').select([...COLUMNS]).where('id', '=', id);
  if (scope !== 'staff') q = q.where('subject_id', '=', scope.subjectId);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toRequest(r, now) : undefined;
}

/** Requests within a scope, soonest deadline first; open ones only unless `all`. */
export async function listRequests(db: Db, scope: RequestScope, now: Date, opts: { all?: boolean; status?: RequestStatus; type?: string; limit?: number } = {}): Promise<RightsRequest[]> {
  let q = db.selectFrom('rights_requests').select([...COLUMNS]).orderBy('due_at').orderBy('id').limit(opts.limit ?? 500);
  if (scope !== 'staff') q = q.where('subject_id', '=', scope.subjectId);
  if (opts.status) q = q.where('status', '=', opts.status);
  else if (!opts.all) q = q.where('closed_at', 'is', null);
  if (opts.type) q = q.where('type', '=', opts.type);
  return (await q.execute()).map((r) => toRequest(r, now));
}

/** Updates a request row. */
export async function updateRequest(db: Db, subjectId: string, id: string, set: Updateable<RightsRequestsTable>): Promise<void> {
  await db.updateTable('rights_requests').set(set).where('subject_id', '=', subjectId).where('id', '=', id).execute();
}

/** The sealed input of a request (rectification values), if any. */
export async function sealedInput(db: Db, subjectId: string, id: string): Promise<Uint8Array | null> {
  const r = await db.selectFrom('rights_requests').select('sealed').where('subject_id', '=', subjectId).where('id', '=', id).executeTakeFirst();
  return r?.sealed ?? null;
}

/** Appends one event to a request's history. */
export async function addEvent(db: Db, subjectId: string, requestId: string, at: Date, actor: string, event: string, details: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('rights_request_events').values({ subject_id: subjectId, request_id: requestId, at, actor, event, details: JSON.stringify(details) }).execute();
}

/** A request's history, oldest first. */
export async function listEvents(db: Db, subjectId: string, requestId: string): Promise<RequestEvent[]> {
  const rows = await db.selectFrom('rights_request_events').select(['at', 'actor', 'event', 'details']).where('subject_id', '=', subjectId).where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map((r) => ({ at: iso(r.at)!, actor: r.actor, event: r.event, details: r.details }));
}

/** Steps of a job already done for a request (events named `step:<name>`) with what they recorded, so a retry skips them. */
export async function doneSteps(db: Db, subjectId: string, requestId: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db.selectFrom('rights_request_events').select(['event', 'details']).where('subject_id', '=', subjectId).where('request_id', '=', requestId).where('event', 'like', 'step:%').orderBy('seq').execute();
  return new Map(rows.map((r) => [r.event.slice(5), r.details]));
}

/** Values kept under a legal hold (categories and dates only). */
export async function heldRows(db: Db, subjectId: string, holdClass: string): Promise<{ category: string; retentionClass: string; collectedAt: Date }[]> {
  const rows = await db.selectFrom('vault_values').select(['category', 'retention_class', 'collected_at']).where('subject_id', '=', subjectId).where('retention_class', '=', holdClass).orderBy('category').execute();
  return rows.map((r) => ({ category: r.category, retentionClass: r.retention_class, collectedAt: new Date(r.collected_at) }));
}

/** Inserts a one-time code row. */
export async function insertCode(db: Db, row: { contact_digest: string; id: string; subject_id: string | null; code_hash: string; expires_at: Date; created_at: Date }): Promise<void> {
  await db.insertInto('rights_codes').values(row).execute();
}

/** How many codes were issued for a contact since `since`. */
export async function countCodes(db: Db, digest: string, since: Date): Promise<number> {
  const r = await db.selectFrom('rights_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('contact_digest', '=', digest).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The newest code of a contact, locked for the attempt. */
export async function latestCode(db: Db, digest: string) {
  return db.selectFrom('rights_codes').select(['id', 'subject_id', 'code_hash', 'attempts', 'expires_at', 'used_at']).where('contact_digest', '=', digest).orderBy('created_at', 'desc').orderBy('id').limit(1).forUpdate().executeTakeFirst();
}

/** Records an attempt on a code (and its use when it matched). */
export async function markCode(db: Db, digest: string, id: string, attempts: number, usedAt: Date | null): Promise<void> {
  await db.updateTable('rights_codes').set({ attempts, used_at: usedAt }).where('contact_digest', '=', digest).where('id', '=', id).execute();
}

/** Stores a person session (hash only). */
export async function insertSession(db: Db, subjectId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
  await db.insertInto('rights_sessions').values({ subject_id: subjectId, token_hash: tokenHash, expires_at: expiresAt, created_at: now }).execute();
}

/** True when the session exists and has not expired. */
export async function sessionValid(db: Db, subjectId: string, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db.selectFrom('rights_sessions').select('subject_id').where('subject_id', '=', subjectId).where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  return r !== undefined;
}

/** Copies handed to a person since `since`. */
export async function countCopies(db: Db, subjectId: string, since: Date): Promise<number> {
  const r = await db.selectFrom('rights_copies').select((eb) => eb.fn.countAll<string>().as('n')).where('subject_id', '=', subjectId).where('at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Counts a copy (once per request). */
export async function insertCopy(db: Db, subjectId: string, requestId: string, at: Date, fee: { amount: number; currency: string }): Promise<void> {
  await db.insertInto('rights_copies').values({ subject_id: subjectId, request_id: requestId, at, amount: String(fee.amount), currency: fee.currency }).onConflict((oc) => oc.doNothing()).execute();
}

/** Stores (or replaces) the sealed export archive of a request. */
export async function putExport(db: Db, subjectId: string, requestId: string, sealed: Uint8Array, bytes: number, at: Date): Promise<void> {
  await db.insertInto('rights_exports').values({ subject_id: subjectId, request_id: requestId, sealed, bytes, created_at: at })
    .onConflict((oc) => oc.columns(['subject_id', 'request_id']).doUpdateSet({ sealed, bytes, created_at: at })).execute();
}

/** The sealed export archive of a request, if made. */
export async function getExport(db: Db, subjectId: string, requestId: string): Promise<Uint8Array | undefined> {
  const r = await db.selectFrom('rights_exports').select('sealed').where('subject_id', '=', subjectId).where('request_id', '=', requestId).executeTakeFirst();
  return r?.sealed;
}

/** Deletes a person's export archives and pending sealed inputs (erasure, closure). */
export async function deletePersonalCopies(db: Db, subjectId: string): Promise<void> {
  await db.deleteFrom('rights_exports').where('subject_id', '=', subjectId).execute();
  await db.updateTable('rights_requests').set({ sealed: null }).where('subject_id', '=', subjectId).execute();
}

/** Sets a subject's processing status (restricted on restriction, closed on account closure). */
export async function setSubjectStatus(db: Db, subjectId: string, status: 'active' | 'restricted' | 'closed'): Promise<void> {
  await db.updateTable('subjects').set({ status }).where('id', '=', subjectId).execute();
}

/** Categories of the values held about a person (names only, never values). */
export async function valueCategories(db: Db, subjectId: string): Promise<{ category: string; retentionClass: string }[]> {
  const rows = await db.selectFrom('vault_values').select(['category', 'retention_class']).where('subject_id', '=', subjectId).orderBy('category').execute();
  return rows.map((r) => ({ category: r.category, retentionClass: r.retention_class }));
}
