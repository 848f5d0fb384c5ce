// Logging: pino with one shared redaction list, so personal values and secrets never reach the logs.
import pino, { type Logger } from 'pino';

/** Paths pino replaces with [redacted] wherever they appear in a log object. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.value',
  '*.values',
  '*.email',
  '*.phone',
  '*.name',
  '*.key',
  '*.secret',
  '*.code',
];

/** Creates the process logger. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } });
}
