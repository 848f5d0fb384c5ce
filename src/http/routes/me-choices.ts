// The privacy center's own choices: a person's consents and device permissions, and what is held about them
// (masked), who received it and who read it, and the automated decisions made about them with their explanation —
// each scoped to the signed-in person only.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { explainDecision, getDecision, listDecisions } from '../../adm/index.ts';
import { consentNeeded } from '../../consent/index.ts';
import { mask } from '../../deid/index.ts';
import { renderNotice } from '../../notice/index.ts';
import { AppError } from '../../errors.ts';
import { LANGUAGES, type Language, type Registry } from '../../registry/index.ts';
import { consentAge, getSubject } from '../../subjects/index.ts';
import { accessReport, listShares } from '../../vault/index.ts';
import { requirePerson } from '../plugins/person.ts';
import { routes } from './route.ts';
import { Problem } from './schemas.ts';

const security = [{ personSession: [] }];
const errors = { 401: Problem, 404: Problem, 409: Problem, 422: Problem };
const Recorded = z.object({ id: z.string(), seq: z.string(), event: z.string(), target: z.string(), recipient: z.string().nullable(), receipt: z.string() });
const ConsentRow = z.object({ type: z.string(), target: z.string(), recipient: z.string().nullable(), status: z.string(), stale: z.boolean(), kind: z.string().nullable(), seq: z.string(), registryVersion: z.number(), updatedAt: z.string() });
const HistoryRow = z.object({ id: z.string(), seq: z.string(), type: z.string(), event: z.string(), target: z.string(), recipient: z.string().nullable(), kind: z.string().nullable(), action: z.string(), registryVersion: z.number(), channel: z.string(), actor: z.string(), occurredAt: z.string() });
const MyDecision = z.object({ id: z.string(), purpose: z.string(), outcome: z.string(), significant: z.boolean(), decidedAt: z.string() });
const MyExplanation = z.object({ decisionId: z.string(), language: z.enum(LANGUAGES), outcome: z.string(), decidedAt: z.string(), humanReview: z.object({ available: z.boolean() }), law: z.array(z.string()), text: z.string() });
const Target = z.object({ purpose: z.string().min(1).max(100), recipient: z.string().min(1).max(100).optional() });

// PIPL 14 / GDPR 7(1): the proof names the notice text the person was shown — the one this server serves.
const noticeHashes = new Map<string, string>();
function noticeHash(registry: Registry, version: number, lang: Language): string {
  const key = `${version}:${lang}`;
  let h = noticeHashes.get(key);
  if (!h) {
    h = createHash('sha256').update(renderNotice(registry, lang, 'html')).digest('hex');
    noticeHashes.set(key, h);
  }
  return h;
}

export default routes('/v1/me', (app, ctx) => {
  const person = requirePerson(ctx);
  const tags = ['privacy-center'];

  app.get('/data', {
    onRequest: person,
    schema: { summary: 'What is held about me, masked (full values only in the answer to an access request)', tags, security, response: { 200: z.object({ values: z.array(z.object({ category: z.string(), value: z.string().nullable(), retentionClass: z.string(), collectedAt: z.string() })) }), ...errors } },
  }, async (req) => {
    const { registry } = await ctx.registry.load();
    const kinds = new Map(registry.categories.map((c) => [c.id, c.kind]));
    const values = await ctx.vault.decryptAll(req.person!.subjectId);
    await ctx.audit.append({ actor: `person:${req.person!.subjectId}`, action: 'data.view-own', subject: req.person!.subjectId, categories: values.map((v) => v.category) });
    return { values: values.map((v) => ({ ...v, value: v.value === null ? null : mask(kinds.get(v.category) ?? 'other', v.value) })) };
  });

  app.get('/shares', {
    onRequest: person,
    schema: { summary: 'Who received my data, what and when', tags, security, response: { 200: z.object({ shares: z.array(z.object({ recipient: z.string(), purpose: z.string(), categories: z.array(z.string()), country: z.string(), sharedAt: z.string() })) }), ...errors } },
  }, async (req) => ({ shares: (await listShares(ctx.store.db, req.person!.subjectId)).map(({ recipient, purpose, categories, country, sharedAt }) => ({ recipient, purpose, categories, country, sharedAt })) }));

  app.get('/access-report', {
    onRequest: person,
    schema: { summary: 'Who read my data, for which purpose, when', tags, security, response: { 200: z.object({ accesses: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), purpose: z.string().nullable(), categories: z.array(z.string()), decision: z.string().nullable() })) }), ...errors } },
  }, async (req) => {
    await ctx.audit.flush();
    // staff and service ids stay inside; the person sees the kind of reader
    const accesses = (await accessReport(ctx.store.db, req.person!.subjectId)).map(({ recipient: _r, actor, ...a }) => ({ ...a, actor: actor.split(':')[0] }));
    return { accesses };
  });

  app.get('/consents', {
    onRequest: person,
    schema: { summary: 'My consents and device permissions (stale ones flagged) with their history', tags, security, response: { 200: z.object({ state: z.array(ConsentRow), history: z.array(HistoryRow) }), ...errors } },
  }, async (req) => ({ state: await ctx.consent.state(req.person!.subjectId), history: (await ctx.consent.history(req.person!.subjectId)).map(({ receipt: _r, ...e }) => e) }));

  app.post('/consents', {
    onRequest: person,
    schema: { summary: 'Give a consent by switching it on (the kind the law asks for; one purpose at a time)', tags, security, body: Target, response: { 201: Recorded, ...errors } },
  }, async (req, reply) => {
    const { registry, versionNo } = await ctx.registry.load();
    const subject = await getSubject(ctx.store.db, req.person!.subjectId);
    const purpose = registry.purposes.find((p) => p.id === req.body.purpose);
    const need = purpose ? consentNeeded(registry, purpose.id, subject.regimes, { recipientId: req.body.recipient, subjectAge: consentAge(subject, registry) }).kind : 'none';
    // a switch in the privacy center is its own act for this one purpose, so it carries the kind asked for (at least general)
    const kind = need === 'none' ? 'general' : need;
    const lang = subject.language as Language;
    const [rec] = await ctx.consent.grant(subject.id, {
      purposes: [req.body], kind, action: 'toggle', registryVersion: versionNo, noticeHash: noticeHash(registry, versionNo, lang), channel: 'web', language: lang, actor: 'subject',
      userAgent: req.headers['user-agent']?.slice(0, 300), ip: req.ip,
    });
    return reply.code(201).send(rec);
  });

  app.post('/consents/withdraw', {
    onRequest: person,
    schema: { summary: 'Withdraw a consent: one step, effective at once (PIPL 15, GDPR 7(3))', tags, security, body: Target, response: { 201: Recorded, ...errors } },
  }, async (req, reply) => reply.code(201).send(await ctx.consent.withdraw(req.person!.subjectId, { ...req.body, action: 'toggle', channel: 'web', actor: 'subject' })));

  // PIPL 24, PIPA 37-2, GDPR 15(1)(h) and 22: the person learns of decisions made about them by automated means and
  // may read the explanation themselves; a human review is then one request away
  app.get('/automated-decisions', {
    onRequest: person,
    schema: { summary: 'Automated decisions made about me, newest first', tags, security, response: { 200: z.object({ decisions: z.array(MyDecision) }), ...errors } },
  }, async (req) => ({
    decisions: (await listDecisions(ctx.store.db, req.person!.subjectId, { all: true })).map(({ id, purpose, outcome, significant, decidedAt }) => ({ id, purpose, outcome, significant, decidedAt })),
  }));

  app.get('/automated-decisions/:decisionId/explanation', {
    onRequest: person,
    schema: {
      summary: 'The explanation of one of my automated decisions, in my language or the one asked for',
      tags,
      security,
      params: z.object({ decisionId: z.string().regex(/^adm_[a-f0-9]{32}$/, 'a decision id such as adm_0123…') }),
      querystring: z.object({ lang: z.enum(LANGUAGES).optional() }),
      response: { 200: MyExplanation, ...errors },
    },
  }, async (req) => {
    const subject = await getSubject(ctx.store.db, req.person!.subjectId);
    const d = await getDecision(ctx.store.db, subject.id, req.params.decisionId, { all: true });
    if (!d) throw new AppError('NOT_FOUND', 'no such decision');
    const { registry } = await ctx.registry.load();
    await ctx.audit.append({ actor: `person:${subject.id}`, action: 'adm.explain', subject: subject.id, purpose: d.purpose, details: { decision: d.id, language: req.query.lang ?? subject.language } });
    return explainDecision(registry, d, subject, req.query.lang);
  });

  app.put('/permissions/:permission', {
    onRequest: person,
    schema: { summary: 'Switch a device permission on or off; off stops the linked purposes for new processing', tags, security, params: z.object({ permission: z.string().min(1).max(100) }), body: z.object({ enabled: z.boolean() }), response: { 201: Recorded, ...errors } },
  }, async (req, reply) => reply.code(201).send(await ctx.consent.setPermission(req.person!.subjectId, req.params.permission, { enabled: req.body.enabled, action: 'toggle', channel: 'web', actor: 'subject' })));
});
