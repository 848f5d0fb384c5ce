// Publishing registry versions: validate, gate on lint, store immutably with a content hash, audit and emit.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { emitEvent } from '../outbox/index.ts';
import { contentHash, diffRegistries, loadRegistry, type Registry, type RegistryChange } from '../registry/index.ts';
import type { Database } from '../store/index.ts';

/** A lint finding as the publication gate needs it (the law pillar produces these). */
export interface GateFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
}

/** Hooks that refine publication: lint and change classification come from the law and notice pillars. */
export interface PublicationHooks {
  lint?: (registry: Registry) => GateFinding[];
  classify?: (before: Registry, after: Registry) => unknown[];
}

/** A stored version as shown over the API. */
export interface VersionView {
  versionNo: number;
  label: string;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
  overrideReason: string | null;
}

/** The result of a publication. */
export interface Publication extends VersionView {
  changes: unknown[];
  findings: GateFinding[];
}

/** Publishes registry text as a new version, or refuses and changes nothing. */
export async function publishRegistry(
  db: Kysely<Database>,
  text: string,
  actor: string,
  opts: { overrideReason?: string; hooks?: PublicationHooks; file?: string } = {},
): Promise<Publication> {
  const loaded = loadRegistry(text, opts.file ?? 'registry');
  if (!loaded.ok) {
    const details: ErrorDetail[] = loaded.problems.map((p) => ({ path: p.path, message: p.message, code: p.code, line: p.line, col: p.col }));
    throw new AppError('REGISTRY_INVALID', `the registry has ${details.length} problem(s)`, { details });
  }
  const registry = loaded.registry;
  const findings = opts.hooks?.lint?.(registry) ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  const reason = opts.overrideReason?.trim();
  if (errors.length > 0 && !reason) {
    throw new AppError('REGISTRY_LINT_ERRORS', `lint found ${errors.length} error(s); publish again with an override reason to accept them`, {
      details: errors.map((f) => ({ path: f.path, message: f.message, code: f.ruleId })),
    });
  }
  const hash = contentHash(registry);
  return db.transaction().execute(async (trx) => {
    // one publication at a time, so "previous version" is well defined
    await trx.selectFrom('audit_head').select('id').where('id', '=', 1).forUpdate().execute();
    const prev = await trx.selectFrom('registry_versions').select(['version_no', 'document', 'content_hash']).orderBy('version_no', 'desc').limit(1).executeTakeFirst();
    if (prev?.content_hash === hash) throw new AppError('REGISTRY_VERSION_EXISTS', `this registry is identical to the current version ${prev.version_no}`);
    const before = prev?.document as Registry | undefined;
    const changes: unknown[] = before ? (opts.hooks?.classify?.(before, registry) ?? diffRegistries(before, registry)) : [];
    const row = await trx
      .insertInto('registry_versions')
      .values({
        label: registry.organization.version,
        content_hash: hash,
        document: JSON.stringify(registry),
        source_text: text,
        changes: JSON.stringify(changes),
        published_by: actor,
        override_reason: errors.length > 0 ? reason! : null,
      })
      .returning(['version_no', 'published_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'registry.publish',
      target: `v${row.version_no}`,
      details: { contentHash: hash, label: registry.organization.version, changes: changes.length, ...(errors.length > 0 ? { override: reason, overriddenRules: [...new Set(errors.map((e) => e.ruleId))] } : {}) },
    });
    await emitEvent(trx, 'registry.published', { versionNo: row.version_no, label: registry.organization.version, contentHash: hash, changes: changes.length });
    return {
      versionNo: row.version_no,
      label: registry.organization.version,
      contentHash: hash,
      publishedAt: new Date(row.published_at).toISOString(),
      publishedBy: actor,
      overrideReason: errors.length > 0 ? reason! : null,
      changes,
      findings,
    };
  });
}

/** Lists published versions, newest first. */
export async function listVersions(db: Kysely<Database>): Promise<VersionView[]> {
  const rows = await db.selectFrom('registry_versions').select(['version_no', 'label', 'content_hash', 'published_at', 'published_by', 'override_reason']).orderBy('version_no', 'desc').execute();
  return rows.map(toView);
}

/** One version with its document and change list; `current` is the newest. */
export async function getVersion(db: Kysely<Database>, which: number | 'current'): Promise<VersionView & { registry: Registry; changes: RegistryChange[] | unknown[] }> {
  let q = db.selectFrom('registry_versions').select(['version_no', 'label', 'content_hash', 'published_at', 'published_by', 'override_reason', 'document', 'changes']);
  q = which === 'current' ? q.orderBy('version_no', 'desc').limit(1) : q.where('version_no', '=', which);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError(which === 'current' ? 'REGISTRY_NOT_PUBLISHED' : 'NOT_FOUND', which === 'current' ? undefined : `no registry version ${which}`);
  return { ...toView(row), registry: row.document as Registry, changes: row.changes as unknown[] };
}

function toView(r: { version_no: number; label: string; content_hash: string; published_at: Date | string; published_by: string; override_reason: string | null }): VersionView {
  return { versionNo: r.version_no, label: r.label, contentHash: r.content_hash, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.published_by, overrideReason: r.override_reason };
}
