// Errors at the edge become RFC 9457 problem details with a stable code; internals never leak.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, isAppError, type ErrorCode, type ErrorDetail } from '../../errors.ts';

/** Sends a problem document for a catalogue code. */
export function sendProblem(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, detail?: string, extra: { details?: ErrorDetail[]; rule?: string } = {}): FastifyReply {
  const spec = ERRORS[code];
  return reply
    .code(spec.status)
    .type('application/problem+json')
    .send({
      type: `urn:custodia:error:${code}`,
      title: spec.title,
      status: spec.status,
      code,
      detail: detail ?? spec.title,
      instance: req.url.split('?')[0],
      requestId: req.id,
      ...(extra.rule ? { rule: extra.rule } : {}),
      ...(extra.details && extra.details.length > 0 ? { errors: extra.details } : {}),
    });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Installs the error and not-found handlers. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => sendProblem(reply, req, 'ROUTE_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isAppError(err)) return sendProblem(reply, req, err.code, err.message, { details: err.details, rule: err.rule });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: `${where}${v.instancePath.replace(/\//g, '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, req, 'VALIDATION_FAILED', `the ${where} is not valid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendProblem(reply, req, mapped, err.message);
    if (err.statusCode === 429) return sendProblem(reply, req, 'RATE_LIMITED');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, req, 'VALIDATION_FAILED', err.message);
    req.log.error({ err: { type: err.name, code: err.code } }, 'unhandled error');
    return sendProblem(reply, req, 'INTERNAL', `internal error; quote request id ${req.id}`);
  });
}

export { AppError };
