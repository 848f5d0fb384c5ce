// Request work on the job queue: one traced run per request, steps recorded so a retry resumes without doing anything twice.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { isAppError } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import type { Registry } from '../registry/index.ts';
import type { Database, JobQueue, JobRecord } from '../store/index.ts';
import { getSubject } from '../subjects/index.ts';
import { listShares, seal } from '../vault/index.ts';
import { buildAccessAnswer } from './rights.answer.ts';
import { eraseWork, notifyRecipients } from './rights.erase.ts';
import { buildExportZip } from './rights.export.ts';
import { label } from './rights.holds.ts';
import { EXPORT_CLASS, RIGHTS_QUEUE, type RightsRequest } from './rights.model.ts';
import type { RightsService } from './rights.service.ts';
import * as store from './rights.store.ts';

/** The actor jobs write as. */
export const RIGHTS_ACTOR = 'system:rights';

/** What a step runner gives the work of one request. */
export interface StepContext {
  svc: RightsService;
  db: Kysely<Database>;
  registry: Registry;
  r: RightsRequest;
  /**
   * Runs a step once per request (skipped when an earlier run recorded it): `fn` does the work outside any transaction
   * (it may open its own), then `commit` writes what must commit together with the step record, in one transaction.
   */
  step: <T>(name: string, fn: () => Promise<T>, commit?: (trx: Kysely<Database>, value: T) => Promise<Record<string, unknown> | void>) => Promise<Record<string, unknown>>;
}

type Work = (c: StepContext) => Promise<Record<string, unknown>>;

/** Withdraws consent (or records an objection) for each purpose, once each. */
async function withdrawAll(c: StepContext, purposes: string[]): Promise<void> {
  for (const p of purposes) {
    await c.step(`withdraw:${p}`, async () => {
      await c.svc.deps.consent.withdraw(c.r.subjectId, { purpose: p, action: 'button', channel: 'web', actor: c.r.requester === 'subject' ? 'subject' : 'agent' });
    });
  }
}

/** Purposes an objection reaches: the ones named, or every marketing purpose of the person's role (GDPR 21(2)). */
async function objectionPurposes(c: StepContext): Promise<string[]> {
  const named = (c.r.input.purposes as string[] | undefined) ?? [];
  if (named.length > 0 && !c.r.input.marketing) return named;
  const s = await getSubject(c.db, c.r.subjectId);
  const marketing = c.registry.purposes.filter((p) => p.marketing && (!p.roles || p.roles.includes(s.role))).map((p) => p.id);
  return [...new Set([...named, ...marketing])];
}

const WORK: Record<RightsRequest['type'], Work | undefined> = {
  access: async () => ({ answer: 'ready' }),
  copy: (c) => exportWork(c),
  portability: (c) => exportWork(c),
  rectify: async (c) => {
    const categories = (c.r.input.categories as string[]) ?? [];
    await c.step('write', async () => {
      const values = await c.svc.pendingValues(c.r.subjectId, c.r.id);
      if (values.length > 0) await c.svc.deps.vault.put(c.registry, c.r.subjectId, values, RIGHTS_ACTOR);
    });
    // GDPR 19: every recipient that received the old value hears of the correction
    const notified = await c.step('notify', () => listShares(c.db, c.r.subjectId), async (trx, shares) => ({ recipients: await notifyRecipients(trx, c.r, 'rights.rectified', categories, shares) }));
    await store.updateRequest(c.db, c.r.subjectId, c.r.id, { sealed: null });
    return { categories, notified: notified.recipients ?? [] };
  },
  erase: (c) => eraseWork(c, { closure: false }),
  restrict: async (c) => {
    await c.step('restrict', async () => undefined, async (trx) => void (await store.setSubjectStatus(trx, c.r.subjectId, 'restricted')));
    const notified = await c.step('notify', () => listShares(c.db, c.r.subjectId), async (trx, shares) => ({ recipients: await notifyRecipients(trx, c.r, 'rights.restricted', null, shares) }));
    return { restricted: true, notified: notified.recipients ?? [] };
  },
  object: async (c) => {
    const purposes = await objectionPurposes(c);
    await withdrawAll(c, purposes);
    return { purposes };
  },
  'consent-scope': async (c) => {
    const purposes = (c.r.input.purposes as string[]) ?? [];
    await withdrawAll(c, purposes);
    return { withdrawn: purposes };
  },
  'close-account': async (c) => {
    // PIPL 15 / 47: closing the account withdraws every consent, then erases what no law requires keeping
    const granted = (await c.svc.deps.consent.state(c.r.subjectId)).filter((s) => s.type === 'consent' && s.status === 'granted' && !s.recipient).map((s) => s.target);
    await withdrawAll(c, [...new Set(granted)]);
    const erased = await eraseWork(c, { closure: true });
    await c.step('close', async () => undefined, async (trx) => void (await store.setSubjectStatus(trx, c.r.subjectId, 'closed')));
    return { ...erased, withdrawn: granted, closed: true };
  },
  'adm-explanation': undefined,
  'adm-human-review': undefined,
};

/** Builds, seals and stores the archive of a copy or portability request, and counts the copy. */
async function exportWork(c: StepContext): Promise<Record<string, unknown>> {
  const made = await c.step('export', async () => {
    const subject = await getSubject(c.db, c.r.subjectId);
    const answer = await buildAccessAnswer(c.svc.deps, c.registry, subject, c.r.language, await c.svc.connectors.export(c.r.subjectId, c.r.id));
    const now = c.svc.clock();
    const zip = buildExportZip(answer, c.r.language, label(c.registry.organization.names, c.r.language), now);
    const key = await c.svc.deps.keyring.key(c.r.subjectId, EXPORT_CLASS, true);
    return { now, values: answer.data.length, bytes: zip.byteLength, sealed: seal(key, Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), `${c.r.subjectId}|${c.r.id}|${EXPORT_CLASS}`) };
  }, async (trx, b) => {
    await store.putExport(trx, c.r.subjectId, c.r.id, b.sealed, b.bytes, b.now);
    if (c.r.type === 'copy') await store.insertCopy(trx, c.r.subjectId, c.r.id, b.now, c.r.fee ?? { amount: 0, currency: 'EUR' });
    return { bytes: b.bytes, values: b.values };
  });
  return { export: made, fee: c.r.fee };
}

/** Runs the work of one request; safe to call again (a finished request is left alone, done steps are skipped). */
export async function processRequest(svc: RightsService, subjectId: string, requestId: string, job?: Pick<JobRecord, 'id' | 'attempts'>): Promise<void> {
  const db = svc.db;
  const r = await store.findRequest(db, { subjectId }, requestId, svc.clock());
  const work = r ? WORK[r.type] : undefined;
  if (!r || r.status !== 'open' || !work) return;
  const done = await store.doneSteps(db, subjectId, requestId);
  await store.addEvent(db, subjectId, requestId, svc.clock(), RIGHTS_ACTOR, 'run', { job: job?.id ?? null, attempt: job?.attempts ?? 1 });
  const registry = (await svc.deps.registry.load()).registry;
  const step: StepContext['step'] = async (name, fn, commit) => {
    const before = done.get(name);
    if (before) return before;
    const value = await fn();
    const out = await db.transaction().execute(async (trx) => {
      const details = (commit ? await commit(trx, value) : (value as Record<string, unknown> | undefined)) ?? {};
      await store.addEvent(trx, subjectId, requestId, svc.clock(), RIGHTS_ACTOR, `step:${name}`, details);
      return details;
    });
    done.set(name, out);
    return out;
  };
  try {
    const result = await work({ svc, db, registry, r, step });
    const now = svc.clock();
    await db.transaction().execute(async (trx) => {
      await store.updateRequest(trx, subjectId, requestId, { status: 'completed', result: JSON.stringify(result), outcome_code: 'done', closed_at: now, last_error: null, updated_at: now });
      await store.addEvent(trx, subjectId, requestId, now, RIGHTS_ACTOR, 'completed', {});
      await recordAudit(trx, { actor: RIGHTS_ACTOR, action: 'rights.completed', subject: subjectId, target: requestId, details: { type: r.type } });
      await emitEvent(trx, 'rights.completed', { request: requestId, type: r.type }, subjectId);
    });
  } catch (e) {
    // the request stays open with the error (codes and messages only: they never carry personal values)
    const error = (isAppError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e)).slice(0, 300);
    await store.updateRequest(db, subjectId, requestId, { last_error: error, updated_at: svc.clock() });
    await store.addEvent(db, subjectId, requestId, svc.clock(), RIGHTS_ACTOR, 'failed', { error, attempt: job?.attempts ?? 1 });
    throw e;
  }
}

/** Registers the request handler on the job queue. */
export function registerRightsJobs(queue: JobQueue, svc: RightsService): void {
  queue.handle(RIGHTS_QUEUE, async (job) => {
    const { subjectId, requestId } = job.payload as { subjectId: string; requestId: string };
    await processRequest(svc, subjectId, requestId, job);
  });
}
