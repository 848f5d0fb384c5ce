// Authentication by API key (Authorization: Bearer or X-Api-Key) and authorisation by permission.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.ts';
import { can, type Permission, type Principal } from '../../principals/index.ts';
import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Reads the presented key from the request headers. */
function presentedKey(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const x = req.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}

/** A preHandler that requires a valid key carrying `permission`. */
export function requirePermission(ctx: AppContext, permission: Permission): onRequestAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const key = presentedKey(req);
    if (!key) {
      reply.header('www-authenticate', 'Bearer realm="custodia"');
      throw new AppError('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>"');
    }
    const principal = await ctx.keys.authenticate(key);
    if (!principal) {
      reply.header('www-authenticate', 'Bearer realm="custodia", error="invalid_token"');
      throw new AppError('UNAUTHENTICATED', 'the API key is not valid, or was revoked');
    }
    if (!can(principal, permission)) throw new AppError('FORBIDDEN', `role ${principal.role} does not have permission ${permission}`);
    req.principal = principal;
  };
}

/** The actor string written to the audit log for a request's principal. */
export function actorOf(req: FastifyRequest): string {
  const p = req.principal;
  return p ? `${p.kind}:${p.id}` : 'anonymous';
}
