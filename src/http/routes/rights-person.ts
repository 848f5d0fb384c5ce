// The privacy center's API for people: verify with a one-time code, then see and file one's own requests.
import { z } from 'zod';
import { RequestInput } from '../../rights/index.ts';
import { requirePerson } from '../plugins/person.ts';
import { RequestParams, RequestView, RequestWithEvents } from './rights-schemas.ts';
import type { ZApp } from './route.ts';
import type { AppContext } from '../context.ts';
import { Problem } from './schemas.ts';

const security = [{ personSession: [] }];
const personErrors = { 401: Problem, 404: Problem };
const Answer = z.record(z.string(), z.unknown()).describe('the access answer: data, purposes, legal bases, sources, recipients, retention, rights, access report');
const Overview = z.object({
  subject: z.object({ id: z.string(), role: z.string(), regimes: z.array(z.string()), language: z.string(), status: z.string() }),
  categories: z.array(z.object({ category: z.string(), label: z.string(), retentionClass: z.string() })),
  consents: z.array(z.object({ type: z.string(), target: z.string(), recipient: z.string().nullable(), status: z.string(), stale: z.boolean() })),
  requests: z.array(RequestView),
});

/** Registers the /v1/me routes. */
export default async function personRoutes(app: ZApp, ctx: AppContext): Promise<void> {
  const person = requirePerson(ctx);

  app.post('/v1/me/verify', {
    schema: {
      summary: 'Ask for a one-time code sent to the email or phone on file; the answer is the same whether or not the contact is known',
      tags: ['privacy-center'],
      body: z.object({ contact: z.string().min(3).max(320) }),
      response: { 202: z.object({ status: z.literal('sent-if-known'), expiresInSeconds: z.number() }) },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const r = await ctx.verifier.start(registry, req.body.contact);
    return reply.code(202).send({ status: 'sent-if-known' as const, expiresInSeconds: r.expiresInSeconds });
  });

  app.post('/v1/me/verify/confirm', {
    schema: {
      summary: 'Exchange the code for a short-lived session (5 attempts, 10 minutes, single use)',
      tags: ['privacy-center'],
      body: z.object({ contact: z.string().min(3).max(320), code: z.string().regex(/^\d{6}$/, 'six digits') }),
      response: { 200: z.object({ session: z.string(), expiresAt: z.string() }), 409: Problem, 410: Problem, 422: Problem, 429: Problem },
    },
  }, async (req) => {
    const s = await ctx.verifier.confirm(req.body.contact, req.body.code);
    return { session: s.session, expiresAt: s.expiresAt };
  });

  app.get('/v1/me', {
    onRequest: person,
    schema: { summary: 'My overview: categories held (names only), consents and requests', tags: ['privacy-center'], security, response: { 200: Overview, ...personErrors } },
  }, async (req) => ctx.rights.overview(req.person!.subjectId));

  app.post('/v1/me/requests', {
    onRequest: person,
    schema: { summary: 'File a request about my own data', tags: ['privacy-center'], security, body: RequestInput, response: { 201: RequestView, 400: Problem, 409: Problem, 422: Problem, ...personErrors } },
  }, async (req, reply) => reply.code(201).send(await ctx.rights.create(req.person!.subjectId, req.body, { actor: `person:${req.person!.subjectId}`, requester: 'subject', channel: 'web' })));

  app.get('/v1/me/requests', {
    onRequest: person,
    schema: { summary: 'My requests, soonest deadline first', tags: ['privacy-center'], security, response: { 200: z.object({ requests: z.array(RequestView) }), ...personErrors } },
  }, async (req) => ({ requests: await ctx.rights.list({ subjectId: req.person!.subjectId }, { all: true }) }));

  app.get('/v1/me/requests/:id', {
    onRequest: person,
    schema: {
      summary: 'One of my requests with its history; a completed access request carries the answer',
      tags: ['privacy-center'],
      security,
      params: RequestParams,
      response: { 200: RequestWithEvents.extend({ answer: Answer.optional() }), ...personErrors },
    },
  }, async (req) => {
    const subjectId = req.person!.subjectId;
    const r = await ctx.rights.get({ subjectId }, req.params.id);
    if (r.type !== 'access' || r.status !== 'completed') return r;
    await ctx.audit.flush();
    return { ...r, answer: { ...(await ctx.rights.accessAnswer(subjectId, r.id)) } };
  });

  app.get('/v1/me/requests/:id/export', {
    onRequest: person,
    schema: { summary: 'The zip of a completed copy or portability request (JSON, CSV and a README in my language)', tags: ['privacy-center'], security, params: RequestParams, response: { 200: z.unknown().describe('application/zip'), 409: Problem, ...personErrors } },
  }, async (req, reply) => {
    const zip = await ctx.rights.exportZip(req.person!.subjectId, req.params.id);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${req.params.id}.zip"`).header('cache-control', 'no-store').send(Buffer.from(zip));
  });
}
