// Serves the built web apps (dist/web): the privacy center at / and the admin console at /admin, each falling
// back to its index.html for client-side routes. API routes are registered by path and always win over these.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the apps. */
export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

// Paths that belong to the API: an unknown one is a problem document, never the app's HTML.
const API_PREFIXES = ['/v1/', '/dev/', '/demo/'];

/** Registers the static web apps on the app. */
export async function installWeb(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  await app.register(fastifyStatic, { root, serve: false });
  const hide = { schema: { hide: true } };

  // Vite puts a content hash in every asset name, so a year is safe.
  app.get('/assets/*', hide, (req: FastifyRequest<{ Params: { '*': string } }>, reply) =>
    reply.sendFile(join('assets', req.params['*']), { maxAge: '365d', immutable: true }));

  const page = (reply: FastifyReply, file: string) => {
    if (!existsSync(join(root, file))) return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build:web`.\n');
    // the page names the current asset hashes, so it must be revalidated every time
    return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
  };
  const fileOr = (reply: FastifyReply, path: string, fallback: string) =>
    extname(path) && existsSync(join(root, path)) ? reply.sendFile(path, { maxAge: '1h' }) : page(reply, fallback);

  app.get('/admin', hide, (_req, reply) => page(reply, 'admin/index.html'));
  app.get('/admin/*', hide, (req: FastifyRequest<{ Params: { '*': string } }>, reply) => fileOr(reply, join('admin', req.params['*']), 'admin/index.html'));
  app.get('/', hide, (_req, reply) => page(reply, 'index.html'));
  app.get('/*', hide, (req: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const path = req.url.split('?')[0];
    if (API_PREFIXES.some((p) => path.startsWith(p)) || extname(path) === '.json') return reply.callNotFound();
    return fileOr(reply, req.params['*'], 'index.html');
  });
}
