// The consent banner's logic: the config a visitor sees in their language, recording tracker choices with signed
// receipts (Global Privacy Control honoured), reading the current choice, and linking a visitor to a subject.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import type { Labels, Language, Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { TRACKER_CLASSES, type BannerClass, type BannerConfig, type ChoiceRequest, type ChoiceView } from './banner.model.ts';
import { CLASS_TEXTS, TEXTS } from './banner.texts.ts';
import { truncateIp } from './consent.model.ts';
import type { ReceiptSigner } from './consent.receipts.ts';

const HANT_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Maps one BCP 47 tag to a Custodia language, telling Chinese scripts apart; undefined for other languages. */
export function canonicalLanguage(tag: string): Language | undefined {
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] === 'zh') {
    if (parts.includes('hans')) return 'zh-Hans';
    if (parts.includes('hant') || parts.some((p) => HANT_REGIONS.has(p))) return 'zh-Hant';
    return 'zh-Hans';
  }
  if (parts[0] === 'ko') return 'ko';
  if (parts[0] === 'en') return 'en';
  return undefined;
}

/** The declared language that best fits the visitor's preferences (a list or an Accept-Language value). */
export function matchLanguage(requested: string | readonly string[] | undefined, available: readonly Language[]): Language {
  const tags = (typeof requested === 'string' ? requested.split(',') : (requested ?? [])).map((t) => t.split(';')[0].trim()).filter(Boolean);
  let sibling: Language | undefined;
  for (const tag of tags) {
    const lang = canonicalLanguage(tag);
    if (!lang) continue;
    if (available.includes(lang)) return lang;
    // a reader of one Chinese script reads the other better than a foreign language
    const other = lang === 'zh-Hans' ? 'zh-Hant' : lang === 'zh-Hant' ? 'zh-Hans' : undefined;
    if (!sibling && other && available.includes(other)) sibling = other;
  }
  return sibling ?? (available.includes('en') ? 'en' : (available[0] ?? 'en'));
}

function pick(labels: Labels | undefined, lang: Language, fallback: string): string {
  if (!labels) return fallback;
  return labels[lang] ?? labels.en ?? Object.values(labels).find((v) => v) ?? fallback;
}

/** The banner for one visitor: texts and classes with their trackers in the best language, for one registry version. */
export function bannerConfig(registry: Registry, lang: string | readonly string[] | undefined, registryVersion: number): BannerConfig {
  const language = matchLanguage(lang, registry.organization.languages as Language[]);
  const recipients = new Map(registry.recipients.map((r) => [r.id, r]));
  const classes: BannerClass[] = [];
  for (const cls of TRACKER_CLASSES) {
    const trackers = registry.trackers.filter((t) => t.class === cls);
    if (cls !== 'necessary' && trackers.length === 0) continue;
    const [name, description] = CLASS_TEXTS[language][cls];
    classes.push({
      id: cls,
      name,
      description,
      required: cls === 'necessary',
      trackers: trackers.map((t) => ({
        id: t.id,
        label: pick(t.labels, language, t.id),
        recipient: t.recipient ? pick(recipients.get(t.recipient)?.names, language, t.recipient) : null,
        cookies: t.cookies ?? [],
        retention: t.retention ?? null,
      })),
    });
  }
  return { registryVersion, language, organization: pick(registry.organization.names, language, registry.organization.id), texts: TEXTS[language], classes };
}

interface ChoiceRow {
  visitor_id: string;
  seq: string | number | bigint;
  choices: Record<string, boolean> | string;
  gpc: boolean;
  gpc_override: boolean;
  registry_version: number;
  language: string | null;
  occurred_at: Date | string;
  receipt: string;
}

function toView(r: ChoiceRow): ChoiceView {
  const c = (typeof r.choices === 'string' ? JSON.parse(r.choices) : r.choices) as Record<string, boolean>;
  const choices = { necessary: true as const, functional: c.functional === true, analytics: c.analytics === true, advertising: c.advertising === true };
  return {
    visitorId: r.visitor_id, seq: String(r.seq), choices, gpc: r.gpc, gpcOverride: r.gpc_override, saleOrSharingOptOut: r.gpc || !choices.advertising,
    registryVersion: r.registry_version, language: r.language as ChoiceView['language'], occurredAt: new Date(r.occurred_at).toISOString(), receipt: r.receipt,
  };
}

/** Records a visitor's choice (creating the visitor when new) with a signed receipt, an audit entry and an outbox event. */
export async function recordChoice(db: Kysely<Database>, signer: ReceiptSigner, req: ChoiceRequest): Promise<ChoiceView> {
  if (req.registryVersion > req.currentVersion) throw new AppError('VALIDATION_FAILED', `registry version ${req.registryVersion} is not published`, { details: [{ path: 'body.registryVersion', message: 'not published' }] });
  // CCPA/CPRA and GPC: the signal is a refusal of advertising trackers and of sale or sharing, whatever the form said
  const gpc = req.gpc || req.gpcHeader;
  const gpcOverride = gpc && req.choices.advertising === true;
  const choices = { necessary: true, functional: req.choices.functional === true, analytics: req.choices.analytics === true, advertising: !gpc && req.choices.advertising === true };
  const visitorId = req.visitorId ?? `vis_${randomBytes(16).toString('hex')}`;
  const occurredAt = req.occurredAt ?? new Date();
  const row = await db.transaction().execute(async (trx) => {
    await trx.insertInto('visitors').values({ id: visitorId, created_at: occurredAt }).onConflict((oc) => oc.column('id').doNothing()).execute();
    // the row lock orders concurrent choices of one visitor, so sequence numbers never collide
    const visitor = await trx.selectFrom('visitors').select(['subject_id']).where('id', '=', visitorId).forUpdate().executeTakeFirstOrThrow();
    const last = await trx.selectFrom('tracker_choices').select(sql<string>`coalesce(max(seq), 0)`.as('seq')).where('visitor_id', '=', visitorId).executeTakeFirstOrThrow();
    const seq = String(BigInt(last.seq) + 1n);
    const receipt = await signer.signClaims({
      iss: req.issuer, sub: visitorId, jti: `tc_${randomUUID().replace(/-/g, '')}`, iat: Math.floor(occurredAt.getTime() / 1000), seq, type: 'tracker-choice',
      choices, gpc, registryVersion: req.registryVersion, channel: 'banner', ...(req.language ? { language: req.language } : {}),
    }, 'tracker-choice+jws');
    const stored = {
      visitor_id: visitorId, seq, choices, gpc, gpc_override: gpcOverride, registry_version: req.registryVersion, language: req.language ?? null, occurred_at: occurredAt, receipt,
    };
    await trx.insertInto('tracker_choices').values({ ...stored, choices: JSON.stringify(choices), channel: 'banner', ip_prefix: truncateIp(req.ip), user_agent: req.userAgent?.slice(0, 300) ?? null }).execute();
    const subject = visitor.subject_id ?? undefined;
    await recordAudit(trx, { actor: `visitor:${visitorId}`, action: 'banner.choice', subject, target: visitorId, details: { seq, choices, gpc, gpcOverride, registryVersion: req.registryVersion } });
    await emitEvent(trx, 'banner.choice', { visitorId, seq, choices, gpc, registryVersion: req.registryVersion }, subject);
    return stored;
  });
  return toView(row);
}

/** The visitor's newest choice; NOT_FOUND for an unknown visitor. */
export async function currentChoice(db: Kysely<Database>, visitorId: string): Promise<ChoiceView> {
  const row = await db
    .selectFrom('tracker_choices')
    .select(['visitor_id', 'seq', 'choices', 'gpc', 'gpc_override', 'registry_version', 'language', 'occurred_at', 'receipt'])
    .where('visitor_id', '=', visitorId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such visitor');
  return toView(row);
}

/** Links a visitor to the subject who signed in on that browser; the newest sign-in wins and is audited. */
export async function linkVisitor(db: Kysely<Database>, visitorId: string, subjectId: string, actor: string): Promise<{ visitorId: string; subjectId: string; previous: string | null }> {
  return db.transaction().execute(async (trx) => {
    const visitor = await trx.selectFrom('visitors').select(['subject_id']).where('id', '=', visitorId).forUpdate().executeTakeFirst();
    if (!visitor) throw new AppError('NOT_FOUND', 'no such visitor');
    const subject = await trx.selectFrom('subjects').select(['status']).where('id', '=', subjectId).executeTakeFirst();
    if (!subject || subject.status === 'erased' || subject.status === 'closed') throw new AppError('NOT_FOUND', 'no such subject');
    await trx.updateTable('visitors').set({ subject_id: subjectId }).where('id', '=', visitorId).execute();
    await recordAudit(trx, { actor, action: 'banner.link', subject: subjectId, target: visitorId, details: { previous: visitor.subject_id } });
    await emitEvent(trx, 'banner.linked', { visitorId }, subjectId);
    return { visitorId, subjectId, previous: visitor.subject_id };
  });
}
