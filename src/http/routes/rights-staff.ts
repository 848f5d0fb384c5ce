// Staff and services: file requests on someone's behalf, list them by deadline, review, extend, answer or refuse.
import { z } from 'zod';
import { OnBehalf, REFUSAL_CODES, REQUEST_STATUSES, RequestInput } from '../../rights/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import type { AppContext } from '../context.ts';
import { RequestParams, RequestView, RequestWithEvents } from './rights-schemas.ts';
import type { ZApp } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const security = [{ apiKey: [] }];
const refusals = { 404: Problem, 409: Problem, 422: Problem, ...authErrors };
const Reason = z.string().min(3).max(2000);

/** Registers the /v1/requests routes. */
export default async function staffRoutes(app: ZApp, ctx: AppContext): Promise<void> {
  const read = requirePermission(ctx, 'rights:read');
  const submit = requirePermission(ctx, 'rights:submit');
  const manage = requirePermission(ctx, 'rights:manage');

  app.post('/v1/requests', {
    onRequest: submit,
    schema: {
      summary: 'File a request for a person (verified by the calling service), or by an agent, guardian or close relative with proof (staff review it)',
      tags: ['rights'],
      security,
      body: RequestInput.extend({ subjectId: SubjectParams.shape.id }).extend(OnBehalf.shape),
      response: { 201: RequestView, 400: Problem, ...refusals },
    },
  }, async (req, reply) => {
    const { subjectId, requester, proofRef, relationship, channel, ...input } = req.body;
    return reply.code(201).send(await ctx.rights.create(subjectId, input, { actor: actorOf(req), requester, proofRef, relationship, channel }));
  });

  app.get('/v1/requests', {
    onRequest: read,
    schema: {
      summary: 'Requests sorted by deadline (soonest first), overdue ones flagged; open ones unless all=true or a status is given',
      tags: ['rights'],
      security,
      querystring: z.object({ status: z.enum(REQUEST_STATUSES).optional(), type: z.string().max(50).optional(), all: z.stringbool().default(false), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
      response: { 200: z.object({ requests: z.array(RequestView), overdue: z.number() }), ...authErrors },
    },
  }, async (req) => {
    const requests = await ctx.rights.list('staff', req.query);
    return { requests, overdue: requests.filter((r) => r.overdue).length };
  });

  app.get('/v1/requests/:id', {
    onRequest: read,
    schema: { summary: 'One request with its history', tags: ['rights'], security, params: RequestParams, response: { 200: RequestWithEvents, 404: Problem, ...authErrors } },
  }, async (req) => ctx.rights.get('staff', req.params.id));

  app.post('/v1/requests/:id/review', {
    onRequest: manage,
    schema: {
      summary: "Approve or reject a request by an agent, guardian or relative after checking the proof (PIPL 49: the deceased person's own instructions prevail)",
      tags: ['rights'],
      security,
      params: RequestParams,
      body: z.object({ decision: z.enum(['approve', 'reject']), reason: Reason }),
      response: { 200: RequestView, ...refusals },
    },
  }, async (req) => ctx.rights.review(req.params.id, req.body.decision, req.body.reason, actorOf(req)));

  app.post('/v1/requests/:id/extend', {
    onRequest: manage,
    schema: {
      summary: 'Extend the deadline by two months (GDPR 12(3)); only within the first month, and the reason is told to the person',
      tags: ['rights'],
      security,
      params: RequestParams,
      body: z.object({ reason: Reason }),
      response: { 200: RequestView, ...refusals },
    },
  }, async (req) => ctx.rights.extend(req.params.id, req.body.reason, actorOf(req)));

  app.post('/v1/requests/:id/complete', {
    onRequest: manage,
    schema: { summary: 'Answer an open request (ADM explanation, human review, or any other) with the text the person reads', tags: ['rights'], security, params: RequestParams, body: z.object({ text: z.string().min(1).max(20_000) }), response: { 200: RequestView, ...refusals } },
  }, async (req) => ctx.rights.complete(req.params.id, req.body.text, actorOf(req)));

  app.post('/v1/requests/:id/refuse', {
    onRequest: manage,
    schema: {
      summary: 'Refuse with a reason code and text; the complaint routes (channels and supervisory authority) are added to what the person reads',
      tags: ['rights'],
      security,
      params: RequestParams,
      body: z.object({ code: z.enum(REFUSAL_CODES), text: Reason }),
      response: { 200: RequestView, ...refusals },
    },
  }, async (req) => ctx.rights.refuse(req.params.id, req.body.code, req.body.text, actorOf(req)));
}
