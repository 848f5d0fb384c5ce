// Legal holds: place, list and release them; held people are restricted to storage (PIPL 47 para 2), held values keep their key.
import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import type { LegalHoldsTable } from '../store/index.ts';
import { iso, type LifecycleDeps } from './lifecycle.deps.ts';
import { HoldInputSchema, type Hold, type HoldInput, type HoldKind } from './holds.model.ts';
import { moveUnderHold, restoreFromHold } from './holds.move.ts';
import { activeHoldSql } from './retention.scan.ts';

const COLUMNS = ['id', 'kind', 'reason', 'reference', 'subjects', 'categories', 'ends_at', 'created_by', 'created_at', 'values_held', 'released_at', 'released_by', 'release_reason'] as const;

function view(r: Pick<Selectable<LegalHoldsTable>, (typeof COLUMNS)[number]>, now: Date): Hold {
  const endsAt = iso(r.ends_at);
  return {
    id: r.id, kind: r.kind as HoldKind, reason: r.reason, reference: r.reference, subjects: r.subjects, categories: r.categories, endsAt,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, valuesHeld: r.values_held, active: r.released_at === null && (endsAt === null || endsAt > now.toISOString()),
    releasedAt: iso(r.released_at), releasedBy: r.released_by, releaseReason: r.release_reason,
  };
}

/** Places a hold: names checked against the registry and the subjects, people restricted, values moved under the hold key. */
export async function createHold(deps: LifecycleDeps, input: HoldInput, actor: string): Promise<Hold> {
  const h = HoldInputSchema.parse(input);
  const registry = await deps.registry();
  const now = deps.clock();
  const details: ErrorDetail[] = [];
  h.categories.forEach((c, i) => registry.categories.some((x) => x.id === c) || details.push({ path: `categories[${i}]`, message: `category "${c}" is not declared in the registry` }));
  const subjects = [...new Set(h.subjects)];
  const known = subjects.length === 0 ? [] : await deps.db.selectFrom('subjects').select(['id', 'status']).where('id', 'in', subjects).where('status', '<>', 'erased').execute();
  const found = new Map(known.map((s) => [s.id, s.status]));
  h.subjects.forEach((s, i) => found.has(s) || details.push({ path: `subjects[${i}]`, message: 'no such subject' }));
  if (h.endsAt && Date.parse(h.endsAt) <= now.getTime()) details.push({ path: 'endsAt', message: 'the end date is in the past' });
  if (details.length > 0) throw new AppError('HOLD_INVALID', details.map((d) => `${d.path}: ${d.message}`).join('; '), { details });
  const id = `hold_${randomUUID().replace(/-/g, '')}`;
  const whole = subjects.length > 0 && h.categories.length === 0;
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('legal_holds').values({
      id, kind: h.kind, reason: h.reason, reference: h.reference, subjects: JSON.stringify(subjects), categories: JSON.stringify(h.categories),
      ends_at: h.endsAt ?? null, created_by: actor, created_at: now,
    }).execute();
    if (subjects.length > 0) await trx.insertInto('legal_hold_subjects').values(subjects.map((s) => ({ subject_id: s, hold_id: id, previous_status: found.get(s)! }))).execute();
    // PIPL 47 para 2: a person held whole is restricted to storage and security; every other read is denied and logged
    if (whole) await trx.updateTable('subjects').set({ status: 'restricted' }).where('id', 'in', subjects).where('status', '=', 'active').execute();
    await recordAudit(trx, { actor, action: 'hold.create', target: id, ...(subjects.length === 1 ? { subject: subjects[0] } : {}), categories: h.categories, details: { kind: h.kind, subjects: subjects.length, restricted: whole, endsAt: h.endsAt ?? null } });
  });
  const held = await moveUnderHold(deps, { id, subjects, categories: h.categories });
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('legal_holds').set({ values_held: held }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'hold.values', target: id, details: { values: held } });
  });
  return getHold(deps, id);
}

/** One hold; NOT_FOUND when unknown. */
export async function getHold(deps: LifecycleDeps, id: string): Promise<Hold> {
  const r = await deps.db.selectFrom('legal_holds').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'no such legal hold');
  return view(r, deps.clock());
}

/** Holds, newest first; only the active ones when asked. */
export async function listHolds(deps: LifecycleDeps, opts: { active?: boolean } = {}): Promise<Hold[]> {
  const now = deps.clock();
  let q = deps.db.selectFrom('legal_holds as h').select(COLUMNS.map((c) => `h.${c}` as const)).orderBy('h.created_at', 'desc').limit(1000);
  if (opts.active) q = q.where(sql<boolean>`${activeHoldSql(now)}`);
  return (await q.execute()).map((r) => view(r, now));
}

/** Releases a hold: values go back to their class and people to their status unless another active hold still covers them. */
export async function releaseHold(deps: LifecycleDeps, id: string, actor: string, reason: string): Promise<Hold> {
  const now = deps.clock();
  const hold = await getHold(deps, id);
  if (hold.releasedAt) throw new AppError('HOLD_NOT_ACTIVE', 'this legal hold is already released');
  await deps.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('legal_holds').set({ released_at: now, released_by: actor, release_reason: reason }).where('id', '=', id).where('released_at', 'is', null).returning('id').executeTakeFirst();
    // RETURNING, not the affected-row count: the embedded driver reports 0 for updates
    if (!done) throw new AppError('HOLD_NOT_ACTIVE', 'this legal hold is already released');
    // restriction by this hold ends only where no other active hold holds the person whole
    await sql`update subjects s set status = 'active' from legal_hold_subjects hs
      where hs.hold_id = ${id} and hs.subject_id = s.id and hs.previous_status = 'active' and s.status = 'restricted'
        and not exists (select 1 from legal_hold_subjects o join legal_holds h on h.id = o.hold_id where o.subject_id = s.id and o.hold_id <> ${id} and ${activeHoldSql(now)} and jsonb_array_length(h.categories) = 0)`.execute(trx);
    await recordAudit(trx, { actor, action: 'hold.release', target: id, details: { reason, lapsed: hold.endsAt !== null && hold.endsAt <= now.toISOString() } });
  });
  const restored = await restoreFromHold(deps, id, now);
  await recordAudit(deps.db, { actor, action: 'hold.values', target: id, details: { restored } });
  return getHold(deps, id);
}

/** Releases every hold whose end date has passed; returns their ids. */
export async function releaseLapsedHolds(deps: LifecycleDeps, now: Date, actor = 'system:retention'): Promise<string[]> {
  const rows = await deps.db.selectFrom('legal_holds').select('id').where('released_at', 'is', null).where('ends_at', '<=', now).execute();
  for (const r of rows) await releaseHold(deps, r.id, actor, 'end date reached');
  return rows.map((r) => r.id);
}
