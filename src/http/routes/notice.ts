// The privacy notice of the current registry, rendered per language; public, since it is what the company tells everyone.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderNotice } from '../../notice/index.ts';
import { LANGUAGES } from '../../registry/index.ts';
import { routes } from './route.ts';
import { Problem } from './schemas.ts';

// Browsers and proxies keep a copy but ask again each time (no-cache + ETag of version, language and format): after a
// publish the next reader sees the new notice at once, which consent proof depends on, and an unchanged one costs a 304.
function fresh(req: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  const etag = `"${tag}"`;
  reply.header('cache-control', 'public, no-cache').header('etag', etag);
  const asked = req.headers['if-none-match'];
  return typeof asked === 'string' && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const NotModified = z.null().describe('the copy named by If-None-Match is current');

export default routes('/v1/notice', (app, ctx) => {
  app.get('/', {
    schema: {
      summary: 'The current privacy notice as HTML or Markdown (no authentication)',
      tags: ['notice'],
      querystring: z.object({ lang: z.enum(LANGUAGES).optional().describe("the organization's first language when absent"), format: z.enum(['html', 'md']).default('html') }),
      response: { 200: z.string().describe('text/html or text/markdown'), 304: NotModified, 404: Problem },
    },
  }, async (req, reply) => {
    const { registry, versionNo } = await ctx.registry.load();
    const lang = req.query.lang ?? registry.organization.languages[0];
    reply.header('content-language', lang).header('x-registry-version', String(versionNo));
    if (fresh(req, reply, `notice-v${versionNo}-${lang}-${req.query.format}`)) return reply.code(304).send(null);
    const body = renderNotice(registry, lang, req.query.format);
    return reply.type(req.query.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8').send(body);
  });

  app.get('/purposes', {
    schema: {
      summary: 'Purposes, device permissions and categories with their labels in one language, for consent screens (no authentication; the notice says the same)',
      tags: ['notice'],
      querystring: z.object({ lang: z.enum(LANGUAGES).optional() }),
      response: {
        200: z.object({
          lang: z.enum(LANGUAGES),
          versionNo: z.number(),
          purposes: z.array(z.object({ id: z.string(), label: z.string(), description: z.string().nullable(), legalBasis: z.string(), required: z.boolean(), consentMechanism: z.string().nullable(),
            roles: z.array(z.string()).nullable().describe('the subject roles it applies to (null: every role)'),
            recipients: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), country: z.string() })).describe('the declared recipients that receive data for it') })),
          permissions: z.array(z.object({ id: z.string(), label: z.string(), purposes: z.array(z.string()) })),
          categories: z.array(z.object({ id: z.string(), label: z.string() })).describe('the categories of personal information the notice lists, named in this language'),
        }),
        304: NotModified,
      },
    },
  }, async (req, reply) => {
    const { registry, versionNo } = await ctx.registry.load();
    const lang = req.query.lang ?? registry.organization.languages[0];
    if (fresh(req, reply, `purposes-v${versionNo}-${lang}`)) return reply.code(304).send(null);
    const pick = (l: Partial<Record<string, string>> | undefined) => (l ? l[lang] ?? l[registry.organization.languages[0]] ?? Object.values(l)[0] ?? '' : '');
    return {
      lang,
      versionNo,
      purposes: registry.purposes.map((p) => ({ id: p.id, label: pick(p.labels) || p.id, description: pick(p.description) || null, legalBasis: p.legalBasis, required: p.required, consentMechanism: p.consentMechanism ?? null,
        roles: p.roles ?? null, recipients: registry.recipients.filter((r) => r.purposes.includes(p.id)).map((r) => ({ id: r.id, name: pick(r.names) || r.id, kind: r.kind, country: r.country })) })),
      permissions: registry.permissions.map((p) => ({ id: p.id, label: pick(p.labels) || p.id, purposes: p.purposes })),
      categories: registry.categories.map((c) => ({ id: c.id, label: pick(c.labels) || c.id })),
    };
  });
});
