// Erasure for a request: keep what a declared legal obligation requires, crypto-shred the rest, erase in connected
// systems, and tell every recipient that received the data (GDPR 17, 19; PIPL 47; PIPA 36).
import type { Kysely } from 'kysely';
import { emitEvent } from '../outbox/index.ts';
import type { Database } from '../store/index.ts';
import { getSubject } from '../subjects/index.ts';
import { eraseSubjectData, listShares, type ShareRecord } from '../vault/index.ts';
import { describeHolds, heldCategories } from './rights.holds.ts';
import type { StepContext } from './rights.jobs.ts';
import { LEGAL_HOLD_CLASS, RIGHTS_KEY_CLASSES, type RightsRequest } from './rights.model.ts';
import * as store from './rights.store.ts';

/** One recipient told about a change: what it had received of the affected categories, and when last. */
export interface NotifiedRecipient {
  recipient: string;
  categories: string[];
  lastSharedAt: string;
}

/**
 * Emits one outbox event naming the recipients that received any of `categories` (all categories when null), in the
 * caller's transaction; returns them. The event carries ids and category names, never values.
 */
export async function notifyRecipients(trx: Kysely<Database>, r: RightsRequest, topic: string, categories: string[] | null, shares: ShareRecord[], extra: Record<string, unknown> = {}): Promise<NotifiedRecipient[]> {
  const by = new Map<string, NotifiedRecipient>();
  for (const s of shares) {
    const hit = categories === null ? s.categories : s.categories.filter((c) => categories.includes(c));
    if (hit.length === 0) continue;
    const cur = by.get(s.recipient) ?? { recipient: s.recipient, categories: [], lastSharedAt: s.sharedAt };
    cur.categories = [...new Set([...cur.categories, ...hit])].sort();
    if (s.sharedAt > cur.lastSharedAt) cur.lastSharedAt = s.sharedAt;
    by.set(s.recipient, cur);
  }
  const recipients = [...by.values()].sort((a, b) => a.recipient.localeCompare(b.recipient));
  if (recipients.length > 0) await emitEvent(trx, topic, { request: r.id, type: r.type, subject: r.subjectId, categories: categories ?? [...new Set(recipients.flatMap((x) => x.categories))].sort(), recipients, ...extra }, r.subjectId);
  return recipients;
}

/** The erasure steps of an erase or close-account request; returns what was erased and what is kept, and why. */
export async function eraseWork(c: StepContext, opts: { closure: boolean }): Promise<Record<string, unknown>> {
  const { r, registry, svc } = c;
  const only = opts.closure ? undefined : (r.input.categories as string[] | undefined);
  const subject = await getSubject(c.db, r.subjectId);
  // 1. values a legal obligation requires are moved under the hold key before any key is destroyed
  const plan = await c.step('hold', async () => {
    const held = heldCategories(registry, subject.role);
    const values = await svc.deps.vault.decryptAll(r.subjectId);
    const inScope = values.filter((v) => !only || only.includes(v.category));
    const move = inScope.filter((v) => held.has(v.category) && v.retentionClass !== LEGAL_HOLD_CLASS && v.value !== null);
    if (move.length > 0) await svc.deps.vault.put(registry, r.subjectId, move.map((v) => ({ category: v.category, value: v.value!, retentionClass: LEGAL_HOLD_CLASS })), 'system:rights');
    return { categories: inScope.map((v) => v.category) };
  });
  // 2. crypto-shredding: the keys go first, then the rows
  await c.step('shred', async () => {
    const res = await eraseSubjectData(c.db, svc.deps.keyring, r.subjectId, 'system:rights', { keepClasses: [LEGAL_HOLD_CLASS], ...(only ? { categories: only } : {}) });
    if (!only) await svc.deps.keyring.destroy(r.subjectId, RIGHTS_KEY_CLASSES);
    return { erased: res.erased.length };
  }, async (trx, v) => {
    if (!only) await store.deletePersonalCopies(trx, r.subjectId);
    return v;
  });
  const kept = (await store.heldRows(c.db, r.subjectId, LEGAL_HOLD_CLASS)).filter((k) => !only || only.includes(k.category));
  const keptCats = new Set(kept.map((k) => k.category));
  const erased = ((plan.categories as string[]) ?? []).filter((cat) => !keptCats.has(cat));
  // 3. the company's own systems, through the connectors hook
  const conn = await c.step('connectors', async () => ({ tables: await svc.connectors.erase(r.subjectId, r.id) }));
  // 4. GDPR 19, PIPL 47: recipients that received data in scope are told to erase it too — a hold binds
  //    only the controller that keeps the data, not the recipients of copies
  const inScope = (plan.categories as string[]) ?? [];
  const notified = await c.step('notify', () => listShares(c.db, r.subjectId), async (trx, shares) => ({ recipients: await notifyRecipients(trx, r, 'rights.erased', inScope, shares, { closure: opts.closure }) }));
  const closedAt = opts.closure ? svc.clock() : null;
  return { erased, kept: describeHolds(registry, subject.role, kept, r.language, closedAt), connectors: conn.tables ?? [], notified: notified.recipients ?? [] };
}
