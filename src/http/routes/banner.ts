// The consent banner over HTTP: its config and choices for anonymous website visitors (CORS open on these routes
// only), linking a visitor to a subject for services, and the banner script itself with its SRI hash.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bannerConfig, currentChoice, linkVisitor, recordChoice } from '../../consent/banner.service.ts';
import { BannerConfig, ChoiceInput, ChoiceView, VisitorId } from '../../consent/banner.model.ts';
import { bannerBundle } from '../banner-bundle.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const WEB = fileURLToPath(new URL('../../../web/banner/', import.meta.url));
const PUBLIC = new Set(['/v1/banner/config', '/v1/banner/choices', '/v1/banner/choices/:visitorId', '/banner.js', '/banner.js.sri']);

export default routes('', (app, ctx) => {
  // Sites on other origins call these routes from their visitors' browsers; nothing here reads cookies or keys.
  app.addHook('onRequest', async (req, reply) => {
    if (!PUBLIC.has(req.routeOptions.url ?? '')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'content-type');
    reply.header('access-control-max-age', '600');
  });
  for (const url of ['/v1/banner/config', '/v1/banner/choices', '/v1/banner/choices/:visitorId']) {
    app.options(url, { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());
  }

  app.get('/v1/banner/config', {
    schema: {
      summary: "The consent banner for a visitor: texts and trackers by class in the visitor's language (no authentication)",
      tags: ['banner'],
      querystring: z.object({ lang: z.string().max(300).optional().describe('navigator.languages joined by commas; Accept-Language when absent') }),
      response: { 200: BannerConfig },
    },
  }, async (req, reply) => {
    const { registry, versionNo } = await ctx.registry.load();
    reply.header('cache-control', 'public, max-age=300');
    if (!req.query.lang) reply.header('vary', 'accept-language');
    return bannerConfig(registry, req.query.lang ?? req.headers['accept-language'], versionNo);
  });

  app.post('/v1/banner/choices', {
    schema: {
      summary: "Record a visitor's tracker choice; Global Privacy Control (Sec-GPC: 1 or gpc: true) turns advertising off (no authentication)",
      tags: ['banner'],
      body: ChoiceInput,
      response: { 201: ChoiceView, 400: Problem, 429: Problem },
    },
  }, async (req, reply) => {
    const { versionNo, registry } = await ctx.registry.load();
    const view = await recordChoice(ctx.store.db, ctx.consent.signer, {
      ...req.body,
      gpcHeader: req.headers['sec-gpc'] === '1',
      currentVersion: versionNo,
      issuer: registry.organization.id,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    ctx.jobs.nudge();
    return reply.code(201).header('cache-control', 'no-store').send(view);
  });

  app.get('/v1/banner/choices/:visitorId', {
    schema: {
      summary: "A visitor's current choice; the visitor id is the only key to it (no authentication)",
      tags: ['banner'],
      params: z.object({ visitorId: VisitorId }),
      response: { 200: ChoiceView, 404: Problem },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return currentChoice(ctx.store.db, req.params.visitorId);
  });

  app.post('/v1/banner/link', {
    onRequest: requirePermission(ctx, 'consent:write'),
    schema: {
      summary: 'Link a banner visitor to the subject who signed in on that browser',
      tags: ['banner'],
      security: [{ apiKey: [] }],
      body: z.object({ visitorId: VisitorId, subjectId: SubjectParams.shape.id }),
      response: { 200: z.object({ visitorId: z.string(), subjectId: z.string(), previous: z.string().nullable() }), 404: Problem, ...authErrors },
    },
  }, async (req) => {
    const linked = await linkVisitor(ctx.store.db, req.body.visitorId, req.body.subjectId, actorOf(req));
    ctx.jobs.nudge();
    return linked;
  });

  app.get('/banner.js', {
    schema: { summary: 'The consent banner script (stable URL; pin it with the hash from /banner.js.sri)', tags: ['banner'], response: { 200: z.string().describe('JavaScript') } },
  }, async (_req, reply) => {
    const b = await bannerBundle();
    reply.header('cache-control', 'public, max-age=300').header('cross-origin-resource-policy', 'cross-origin').header('etag', b.etag);
    return reply.type('application/javascript; charset=utf-8').send(b.code);
  });

  app.get('/banner.js.sri', {
    schema: { summary: 'The Subresource Integrity hash of /banner.js (sha384)', tags: ['banner'], response: { 200: z.string() } },
  }, async (_req, reply) => {
    const b = await bannerBundle();
    return reply.header('cache-control', 'public, max-age=300').type('text/plain; charset=utf-8').send(b.sri);
  });

  app.get('/demo/banner', { schema: { hide: true } }, async (_req, reply) => {
    const [html, b] = await Promise.all([readFile(`${WEB}demo.html`, 'utf8'), bannerBundle()]);
    return reply.type('text/html; charset=utf-8').send(html.replace('%SRI%', b.sri));
  });

  app.get('/demo/fake-analytics.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-store').send(await readFile(`${WEB}fake-analytics.js`)));
});
