// Builds the Fastify app (never listens): schemas, OpenAPI, problem details, limits, metrics and routes.
import { createHash, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import type { AppContext } from './context.ts';
import { installMetrics } from './plugins/metrics.ts';
import { installProblemHandlers } from './plugins/problem.ts';
import { ROUTES } from './routes/index.ts';
import { installWeb } from './plugins/web.ts';
import { LOG_REDACT_PATHS } from '../log.ts';


/** Builds the API app around the given services. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.logger === false || ctx.logger === undefined ? false : { level: ctx.config.LOG_LEVEL, redact: LOG_REDACT_PATHS },
    bodyLimit: ctx.config.CUSTODIA_BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  await app.register(rateLimit, {
    max: ctx.config.CUSTODIA_RATE_LIMIT,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/metrics',
    // services behind one address are told apart by their key (hashed: the limiter's store never holds a secret)
    keyGenerator: (req) => {
      const auth = req.headers.authorization ?? (req.headers['x-api-key'] as string | undefined);
      return auth ? `k:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, c) => new AppError('RATE_LIMITED', `more than ${c.max} requests per minute; retry in ${Math.ceil(c.ttl / 1000)} s`),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Custodia API', version: '0.1.0', description: 'Personal-information protection: registry, consent, vault, rights, lifecycle.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued by `custodia keys create`' }, personSession: { type: 'http', scheme: 'bearer', description: 'A privacy-center session from POST /v1/me/verify/confirm' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject, // emits components.schemas (Problem) that the routes' $refs point to
  });
  const metrics = installMetrics(app);
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const route of ROUTES) await app.register(async (inst) => route(inst.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: route.prefix ?? "" });
  await installWeb(app);
  return app;
}
