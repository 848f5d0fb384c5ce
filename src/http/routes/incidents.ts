// Breach incidents over HTTP: record, scope, clocks, drafts per language and channel, regulator reports, sends.
import { z } from 'zod';
import { BREACH_CHANNELS, createIncident, getIncident, incidentDrafts, incidentRegulatorReport, listIncidents, markReported, NewIncidentSchema, notifyIncident, NoticeUpdatesSchema, NotifySchema, recordNoticeStatus, scopeIncidentById, IncidentScopeSchema } from '../../lifecycle/index.ts';
import { LANGUAGES, REGIMES } from '../../registry/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const Params = z.object({ id: z.string().min(1).max(100) });
const Clock = z.object({ regime: z.enum(REGIMES), audience: z.enum(['regulator', 'individuals']), required: z.boolean(), immediate: z.boolean(), due: z.string().nullable(), rule: z.string(), note: z.string(), done: z.boolean(), overdue: z.boolean() });
const Severity = z.object({ severity: z.enum(['low', 'medium', 'high', 'critical']), reasons: z.array(z.string()), sensitive: z.boolean(), uniqueIds: z.boolean(), kr1000: z.boolean() });
const View = z.object({
  id: z.string(), status: z.string(), incident: z.record(z.string(), z.unknown()), scope: z.record(z.string(), z.unknown()), createdAt: z.string(), createdBy: z.string(), scopedAt: z.string().nullable(),
  affected: z.object({ total: z.number(), vault: z.number(), shares: z.number(), audit: z.number(), byLanguage: z.record(z.string(), z.number()) }),
  notices: z.object({ total: z.number(), people: z.number(), byStatus: z.record(z.string(), z.number()), byChannel: z.record(z.string(), z.number()) }),
  severity: Severity, clocks: z.array(Clock), overdue: z.boolean(), reported: z.record(z.string(), z.object({ at: z.string(), reference: z.string().nullable(), by: z.string() })),
});
const Draft = z.object({ lang: z.enum(LANGUAGES), channel: z.enum(BREACH_CHANNELS), subject: z.string().optional(), body: z.string(), placeholders: z.array(z.string()), rules: z.array(z.string()) });
const Report = z.object({
  regime: z.enum(REGIMES), lang: z.enum(LANGUAGES), authority: z.string(), required: z.boolean(), immediate: z.boolean(), due: z.string().nullable(), rule: z.string().nullable(),
  clocks: z.array(Clock.omit({ done: true, overdue: true })), severity: Severity, title: z.string(), fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })), text: z.string(), placeholders: z.array(z.string()),
});
const refusals = { 404: Problem, 409: Problem, 422: Problem, ...authErrors };

export default routes('/v1/incidents', (app, ctx) => {
  const security = [{ apiKey: [] }];
  const manage = requirePermission(ctx, 'incidents:manage');
  const tags = ['incidents'];

  app.post('/', {
    onRequest: manage,
    schema: { summary: 'Record a breach incident (categories, counts and text; no personal values), optionally with its scope', tags, security, body: NewIncidentSchema, response: { 201: View, ...refusals } },
  }, async (req, reply) => reply.code(201).send(await createIncident(ctx.lifecycle, req.body, actorOf(req))));

  app.get('/', {
    onRequest: manage,
    schema: { summary: 'Incidents, newest first, with counts, severity, clocks and overdue flags', tags, security, response: { 200: z.object({ incidents: z.array(View) }), ...authErrors } },
  }, async () => ({ incidents: await listIncidents(ctx.lifecycle) }));

  app.get('/:id', {
    onRequest: manage,
    schema: { summary: 'One incident with counts by source, language and notice status, severity, clocks and overdue flags', tags, security, params: Params, response: { 200: View, ...refusals } },
  }, async (req) => getIncident(ctx.lifecycle, req.params.id));

  app.post('/:id/scope', {
    onRequest: manage,
    schema: {
      summary: 'Find the affected people from the vault, the sharing records and the reads in the audit log (replaces the earlier scope)', tags, security, params: Params,
      body: IncidentScopeSchema.nullish(), response: { 200: z.object({ total: z.number(), vault: z.number(), shares: z.number(), audit: z.number(), seconds: z.number() }), ...refusals },
    },
  }, async (req) => scopeIncidentById(ctx.lifecycle, req.params.id, actorOf(req), req.body ?? undefined));

  app.get('/:id/drafts', {
    onRequest: manage,
    schema: {
      summary: "Notice drafts in the affected people's languages (or one) for email, letter, phone and push (or one)", tags, security, params: Params,
      querystring: z.object({ lang: z.enum(LANGUAGES).optional(), channel: z.enum(BREACH_CHANNELS).optional() }), response: { 200: z.object({ drafts: z.array(Draft) }), ...refusals },
    },
  }, async (req) => ({ drafts: await incidentDrafts(ctx.lifecycle, req.params.id, req.query) }));

  app.get('/:id/regulator-report', {
    onRequest: manage,
    schema: {
      summary: "The report to a regime's regulator with its deadline (PIPL 57, PIPA 34 and Decree 40, GDPR 33)", tags, security, params: Params,
      querystring: z.object({ regime: z.enum(REGIMES), lang: z.enum(LANGUAGES).optional() }), response: { 200: Report, ...refusals },
    },
  }, async (req) => incidentRegulatorReport(ctx.lifecycle, req.params.id, req.query.regime, req.query.lang));

  app.post('/:id/reported', {
    onRequest: manage,
    schema: { summary: "Record that a regulator's report was filed (stops that clock)", tags, security, params: Params, body: z.strictObject({ regime: z.enum(REGIMES), reference: z.string().min(1).max(200).optional() }), response: { 200: View, ...refusals } },
  }, async (req) => markReported(ctx.lifecycle, req.params.id, req.body.regime, actorOf(req), req.body.reference));

  app.post('/:id/notify', {
    onRequest: manage,
    schema: { summary: 'Queue a notice per affected person and channel through the outbox (event incident.notice); each send tracked', tags, security, params: Params, body: NotifySchema.nullish(), response: { 202: z.object({ queued: z.number(), channels: z.array(z.enum(BREACH_CHANNELS)) }), ...refusals } },
  }, async (req, reply) => {
    const r = await notifyIncident(ctx.lifecycle, req.params.id, req.body?.channels ?? ['email'], actorOf(req));
    ctx.jobs.nudge();
    return reply.code(202).send(r);
  });

  app.post('/:id/notices/status', {
    onRequest: manage,
    schema: { summary: 'A sender reports notices sent, delivered or failed', tags, security, params: Params, body: NoticeUpdatesSchema, response: { 200: z.object({ changed: z.number() }), ...refusals } },
  }, async (req) => ({ changed: await recordNoticeStatus(ctx.lifecycle, req.params.id, req.body, actorOf(req)) }));
});
