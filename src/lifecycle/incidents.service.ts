// Breach incidents: record, scope, classify, clock, draft and report (PIPL 57, PIPA 34 and Decree 39-40, GDPR 33-34).
import { sql, type Selectable } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import type { Language, Regime, Registry } from '../registry/index.ts';
import type { IncidentsTable } from '../store/index.ts';
import type { BreachChannel, BreachDraft, Incident } from './breach.model.ts';
import { draftBreachNotices } from './breach.drafts.ts';
import { draftRegulatorReport, incidentClocks, type RegulatorReport } from './breach.regulator.ts';
import { classifyBreachSeverity } from './breach.severity.ts';
import { iso, type LifecycleDeps } from './lifecycle.deps.ts';
import { IncidentScopeSchema, NewIncidentSchema, VIA, type IncidentClock, type IncidentScope, type IncidentView, type NewIncident } from './incidents.model.ts';
import { scopeIncident, type ScopeResult } from './incidents.scope.ts';

type Row = Selectable<IncidentsTable>;

function checkAgainst(registry: Registry, incident: Incident): void {
  const details: ErrorDetail[] = [];
  incident.categories.forEach((c, i) => registry.categories.some((x) => x.id === c) || details.push({ path: `categories[${i}]`, message: `category "${c}" is not declared in the registry` }));
  incident.regimes.forEach((r, i) => registry.organization.regimes.includes(r) || details.push({ path: `regimes[${i}]`, message: `regime "${r}" is not declared by the organization` }));
  if (Date.parse(incident.discoveredAt) < Date.parse(incident.startedAt)) details.push({ path: 'discoveredAt', message: 'discovered before it started' });
  if (details.length > 0) throw new AppError('INCIDENT_INVALID', details.map((d) => `${d.path}: ${d.message}`).join('; '), { details });
}

/** Records an incident (no personal values: categories, counts and text only); CONFLICT when the id exists. */
export async function createIncident(deps: LifecycleDeps, input: NewIncident, actor: string): Promise<IncidentView> {
  const { scope, ...incident } = NewIncidentSchema.parse(input);
  checkAgainst(await deps.registry(), incident);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.insertInto('incidents').values({ id: incident.id, document: JSON.stringify(incident), scope: JSON.stringify(scope ?? {}), status: 'open', reported: '{}', scoped_count: null, created_by: actor, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
    if (!r) throw new AppError('CONFLICT', 'an incident with this id exists already');
    await recordAudit(trx, { actor, action: 'incident.create', target: incident.id, categories: incident.categories, details: { vector: incident.vector, regimes: incident.regimes, estimated: incident.affectedCount } });
  });
  return getIncident(deps, incident.id);
}

async function row(deps: LifecycleDeps, id: string): Promise<Row> {
  const r = await deps.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'no such incident');
  return r;
}

/** The incident as the clocks see it: the larger of the estimate and the people found. */
function effective(r: Row): Incident {
  const doc = r.document as unknown as Incident;
  return { ...doc, affectedCount: Math.max(doc.affectedCount, r.scoped_count ?? 0) };
}

/** Finds the affected people now (vault, sharing records, audit log), with the stored scope or a new one. */
export async function scope(deps: LifecycleDeps, id: string, actor: string, given?: unknown): Promise<ScopeResult> {
  const r = await row(deps, id);
  const s: IncidentScope = IncidentScopeSchema.parse(given ?? r.scope ?? {});
  return scopeIncident(deps, id, r.document as unknown as Incident, s, actor);
}

/** Incidents, newest first, with counts and clocks. */
export async function listIncidents(deps: LifecycleDeps): Promise<IncidentView[]> {
  const ids = await deps.db.selectFrom('incidents').select('id').orderBy('created_at', 'desc').limit(200).execute();
  return Promise.all(ids.map((r) => getIncident(deps, r.id)));
}

/** One incident with counts by source, language, notice status, its severity, every regime's clocks and overdue flags. */
export async function getIncident(deps: LifecycleDeps, id: string): Promise<IncidentView> {
  const r = await row(deps, id);
  const registry = await deps.registry();
  const now = deps.clock();
  const incident = effective(r);
  const [a] = (await sql<{ total: number; vault: number; shares: number; audit: number }>`select count(*)::int as total,
      count(*) filter (where via & ${sql.lit(VIA.vault)} <> 0)::int as vault, count(*) filter (where via & ${sql.lit(VIA.shares)} <> 0)::int as shares,
      count(*) filter (where via & ${sql.lit(VIA.audit)} <> 0)::int as audit from incident_subjects where incident_id = ${id}`.execute(deps.db)).rows;
  const langs = await sql<{ language: string; n: number }>`select language, count(*)::int as n from incident_subjects where incident_id = ${id} group by language`.execute(deps.db);
  const notices = await sql<{ status: string; channel: string; n: number }>`select status, channel, count(*)::int as n from incident_notices where incident_id = ${id} group by status, channel`.execute(deps.db);
  const [people] = (await sql<{ n: number }>`select count(distinct subject_id)::int as n from incident_notices where incident_id = ${id}`.execute(deps.db)).rows;
  const sum = (key: 'status' | 'channel') => notices.rows.reduce<Record<string, number>>((m, x) => ({ ...m, [x[key]]: (m[x[key]] ?? 0) + x.n }), {});
  let severity;
  try {
    severity = classifyBreachSeverity(registry, incident);
  } catch (e) {
    throw new AppError('INCIDENT_INVALID', `the incident no longer fits the current registry: ${(e as Error).message}`);
  }
  const reported = r.reported ?? {};
  const notifiedAll = a.total > 0 && people.n >= a.total;
  const clocks: IncidentClock[] = incident.regimes.flatMap((regime) => incidentClocks(incident, regime, severity)).map((c) => {
    const done = c.audience === 'regulator' ? reported[c.regime] !== undefined : notifiedAll;
    return { ...c, done, overdue: c.required && !done && c.due !== null && now.toISOString() > c.due };
  });
  return {
    id: r.id, status: r.status, incident: r.document as unknown as Incident, scope: r.scope as IncidentScope, createdAt: iso(r.created_at)!, createdBy: r.created_by, scopedAt: iso(r.scoped_at),
    affected: { ...a, byLanguage: Object.fromEntries(langs.rows.map((l) => [l.language, l.n])) },
    notices: { total: notices.rows.reduce((n, x) => n + x.n, 0), people: people.n, byStatus: sum('status'), byChannel: sum('channel') },
    severity, clocks, overdue: clocks.some((c) => c.overdue), reported,
  };
}

/** Notice drafts for the affected people's languages (or the one asked) and channels, placeholders left for the sender. */
export async function incidentDrafts(deps: LifecycleDeps, id: string, opts: { lang?: Language; channel?: BreachChannel } = {}): Promise<BreachDraft[]> {
  const r = await row(deps, id);
  const registry = await deps.registry();
  const langs = opts.lang ? [opts.lang] : await peopleLanguages(deps, id, registry);
  return draftBreachNotices(registry, effective(r), { languages: langs, ...(opts.channel ? { channels: [opts.channel] } : {}) });
}

async function peopleLanguages(deps: LifecycleDeps, id: string, registry: Registry): Promise<Language[]> {
  const rows = await deps.db.selectFrom('incident_subjects').select('language').distinct().where('incident_id', '=', id).execute();
  const langs = rows.map((x) => x.language as Language).filter((l) => registry.organization.languages.includes(l));
  return langs.length > 0 ? langs.sort() : registry.organization.languages;
}

/** The report to one regime's regulator, in its language unless asked otherwise, naming the people's languages. */
export async function incidentRegulatorReport(deps: LifecycleDeps, id: string, regime: Regime, lang?: Language): Promise<RegulatorReport> {
  const r = await row(deps, id);
  const incident = effective(r);
  if (!incident.regimes.includes(regime)) throw new AppError('INCIDENT_INVALID', `the incident is not under ${regime}`, { details: [{ path: 'regime', message: `the incident's regimes are ${incident.regimes.join(', ')}` }] });
  const registry = await deps.registry();
  return draftRegulatorReport(registry, incident, regime, { ...(lang ? { lang } : {}), now: deps.clock(), languages: await peopleLanguages(deps, id, registry) });
}

/** Records that the report to a regime's regulator was filed (stops its clock). */
export async function markReported(deps: LifecycleDeps, id: string, regime: Regime, actor: string, reference?: string): Promise<IncidentView> {
  const r = await row(deps, id);
  if (!(r.document as unknown as Incident).regimes.includes(regime)) throw new AppError('INCIDENT_INVALID', `the incident is not under ${regime}`, { details: [{ path: 'regime', message: 'not one of the incident regimes' }] });
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const reported = { ...(r.reported ?? {}), [regime]: { at: now.toISOString(), reference: reference ?? null, by: actor } };
    await trx.updateTable('incidents').set({ reported: JSON.stringify(reported), updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'incident.reported', target: id, details: { regime, reference: reference ?? null } });
  });
  return getIncident(deps, id);
}

