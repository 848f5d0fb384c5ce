// Authentication of people in the privacy center: a session from a verified one-time code, scoped to one subject.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    person?: { subjectId: string };
  }
}

/** An onRequest hook that requires a valid person session (`Authorization: Bearer cps_…`) and sets `req.person`. */
export function requirePerson(ctx: AppContext): onRequestAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
    const subjectId = token ? await ctx.verifier.authenticate(token) : undefined;
    if (!subjectId) {
      reply.header('www-authenticate', 'Bearer realm="custodia-privacy-center"');
      throw new AppError('RIGHTS_SESSION_INVALID', token ? 'the session is not valid or has expired; verify again' : 'verify with a one-time code first and send "Authorization: Bearer <session>"');
    }
    req.person = { subjectId };
  };
}
