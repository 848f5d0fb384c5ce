// The shape of a route module: a function registering routes, with an optional URL prefix.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';

/** The Fastify instance routes see: zod schemas type their request and reply. */
export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A route module. */
export type RouteModule = ((app: ZApp, ctx: AppContext) => void | Promise<void>) & { prefix?: string };

/** Declares a route module mounted under a prefix. */
export function routes(prefix: string, fn: (app: ZApp, ctx: AppContext) => void | Promise<void>): RouteModule {
  return Object.assign(fn, { prefix });
}
