// The sharing gate: a share is allowed only when declared, consented where the law asks, lawfully transferred
// abroad and within the PRC yearly export counters; it is recorded and announced through the outbox.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AccessPolicy } from '../access/index.ts';
import { decideFor } from './vault.decide.ts';
import { recordAudit } from '../audit/index.ts';
import type { ConsentService } from '../consent/index.ts';
import { AppError } from '../errors.ts';
import { GDPR_ADEQUATE, isAbroad, isSensitive, requiredConsentKind } from '../law/index.ts';
import { emitEvent } from '../outbox/index.ts';
import type { Principal } from '../principals/index.ts';
import type { Regime, Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { activeSubject } from './vault.values.ts';

/** Yearly limits of distinct people per CN mechanism (CAC 2024 provisions Arts. 5, 7, 8); Infinity = no volume limit. */
export interface ExportLimits {
  exemption: { normal: number; sensitive: number };
  contract: { normal: number; sensitive: number };
}

/** Default thresholds: exempt below 100,000 non-sensitive, never sensitive; standard contract or certification below 1,000,000 and 10,000 sensitive. */
export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  exemption: { normal: 100_000, sensitive: 0 },
  contract: { normal: 1_000_000, sensitive: 10_000 },
};

/** A recorded share. */
export interface ShareRecord {
  id: string;
  subjectId: string;
  recipient: string;
  purpose: string;
  categories: string[];
  country: string;
  crossBorder: boolean;
  sharedAt: string;
}

const MECHANISM_RULE: Record<Regime, string> = { pipl: 'PIPL-38-1', pipa: 'PIPA-28.8-1', gdpr: 'GDPR-46-1' };

/** Checks and records one share in a single transaction; refusals name the rule and write nothing. */
export async function shareData(
  db: Kysely<Database>,
  deps: { registry: Registry; policy: AccessPolicy; consent: ConsentService; limits?: ExportLimits; now?: Date },
  principal: Principal,
  subjectId: string,
  req: { recipient: string; purpose: string; categories: string[] },
): Promise<ShareRecord> {
  const { registry } = deps;
  const subject = await activeSubject(db, subjectId);
  const recipient = registry.recipients.find((r) => r.id === req.recipient);
  if (!recipient || !recipient.purposes.includes(req.purpose)) {
    throw new AppError('SHARE_NOT_DECLARED', `recipient "${req.recipient}" is not declared for purpose "${req.purpose}"`, { rule: 'PIPL-23-1' });
  }
  const extra = req.categories.filter((c) => !recipient.categories.includes(c));
  if (extra.length > 0) throw new AppError('SHARE_NOT_DECLARED', `recipient "${recipient.id}" may not receive ${extra.map((c) => `"${c}"`).join(', ')}`, { rule: 'PIPL-23-1' });
  // the caller must itself be allowed to use these categories for this purpose
  await deps.consent.projection.warm(subject.id);
  const p = deps.consent.projection;
  const decision = decideFor(deps.policy, p, principal, subject, req.purpose, req.categories);
  if (decision.effect === 'deny') throw new AppError('ACCESS_DENIED', decision.reason, { rule: decision.rule });
  const need = requiredConsentKind(registry, req.purpose, subject.regimes, { recipientId: recipient.id });
  if (need.kind !== 'none') {
    const separate = need.kind === 'separate' || need.kind === 'written';
    const status = p.check(subject.id, req.purpose, separate ? recipient.id : '');
    if (status !== 'granted') throw new AppError('SHARE_NEEDS_CONSENT', `sharing with "${recipient.id}" needs ${need.kind} consent naming it (${status})`, { rule: need.rules[0] });
  }
  const abroadIn = subject.regimes.filter((r) => isAbroad(recipient.country, r));
  for (const r of abroadIn) {
    const adequate = r === 'gdpr' && GDPR_ADEQUATE.has(recipient.country); // GDPR 45: no further mechanism needed
    if (!recipient.mechanism && !adequate) throw new AppError('SHARE_NO_TRANSFER_MECHANISM', `transfer to ${recipient.country} has no legal mechanism under ${r.toUpperCase()}`, { rule: MECHANISM_RULE[r] });
  }
  const cats = registry.categories.filter((c) => req.categories.includes(c.id));
  const sensitive = cats.some((c) => isSensitive(c, 'pipl'));
  const now = deps.now ?? new Date();
  // PRC counters run per calendar year in Beijing time (UTC+8), from 1 January
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const cnExport = abroadIn.includes('pipl');
  return db.transaction().execute(async (trx) => {
    if (cnExport) {
      const mech = recipient.mechanism?.type;
      const limits = deps.limits ?? DEFAULT_EXPORT_LIMITS;
      const tier = mech === 'exemption' ? limits.exemption : mech === 'standard-contract' || mech === 'certification' ? limits.contract : undefined;
      if (tier) {
        // serialise counter checks so two exports cannot both take the last place
        await sql`select pg_advisory_xact_lock(hashtext('cbt_counters'))`.execute(trx);
        const max = sensitive ? tier.sensitive : tier.normal;
        const counted = await trx.selectFrom('cbt_counters').select((eb) => eb.fn.countAll<string>().as('n')).where('year', '=', year).where('sensitive', '=', sensitive).executeTakeFirstOrThrow();
        const already = await trx.selectFrom('cbt_counters').select('subject_id').where('year', '=', year).where('sensitive', '=', sensitive).where('subject_id', '=', subject.id).executeTakeFirst();
        if (!already && Number(counted.n) + 1 > max) {
          throw new AppError('SHARE_EXPORT_LIMIT', `${sensitive ? 'sensitive' : 'personal'} information of ${Number(counted.n)} people already exported in ${year}; "${mech}" allows ${max}`, { rule: 'CN-CBT24-1' });
        }
      }
      await trx.insertInto('cbt_counters').values({ year, sensitive, subject_id: subject.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    const id = `shr_${randomUUID().replace(/-/g, '')}`;
    const crossBorder = abroadIn.length > 0;
    await trx.insertInto('shares').values({ subject_id: subject.id, id, recipient: recipient.id, purpose: req.purpose, categories: JSON.stringify(req.categories), country: recipient.country, cross_border: crossBorder, actor: `${principal.kind}:${principal.id}`, shared_at: now }).execute();
    await recordAudit(trx, { actor: `${principal.kind}:${principal.id}`, action: 'data.share', subject: subject.id, target: recipient.id, purpose: req.purpose, categories: req.categories, details: { share: id, country: recipient.country, crossBorder } });
    await emitEvent(trx, 'share.created', { share: id, recipient: recipient.id, purpose: req.purpose, categories: req.categories }, subject.id);
    return { id, subjectId: subject.id, recipient: recipient.id, purpose: req.purpose, categories: req.categories, country: recipient.country, crossBorder, sharedAt: now.toISOString() };
  });
}

/** The shares of a subject, newest first. */
export async function listShares(db: Kysely<Database>, subjectId: string): Promise<ShareRecord[]> {
  const rows = await db.selectFrom('shares').select(['id', 'subject_id', 'recipient', 'purpose', 'categories', 'country', 'cross_border', 'shared_at']).where('subject_id', '=', subjectId).orderBy('shared_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, subjectId: r.subject_id, recipient: r.recipient, purpose: r.purpose, categories: r.categories, country: r.country, crossBorder: r.cross_border, sharedAt: new Date(r.shared_at).toISOString() }));
}
