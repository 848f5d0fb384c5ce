// The only reader of process.env: validates the deployment settings and lists every bad variable at once.
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  CUSTODIA_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  CUSTODIA_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL schema name').optional(),
  CUSTODIA_REGISTRY: z.string().optional(),
  CUSTODIA_ADMIN_KEY: z.string().regex(/^cus_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/, 'must be a key in the format custodia keys create prints').optional(),
  CUSTODIA_MASTER_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 random bytes in base64url (43 characters)').optional(),
  CUSTODIA_MASTER_KEY_FILE: z.string().optional(),
  CUSTODIA_KEYSTORE_DIR: z.string().optional(),
  CUSTODIA_DEPLOY: z.string().optional(),
  CUSTODIA_URL: z.string().url().optional(),
  CUSTODIA_API_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CUSTODIA_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  CUSTODIA_RATE_LIMIT: z.coerce.number().int().positive().default(600_000),
  CUSTODIA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  CUSTODIA_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').optional(),
  CUSTODIA_MAIL_FROM: z.string().min(3).default('Custodia <no-reply@localhost>'),
  CUSTODIA_DEV_MAILBOX: z.stringbool().default(true),
  NODE_ENV: z.string().default('development'),
  CUSTODIA_RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  CUSTODIA_AUDIT_EXPORT_FILE: z.string().optional(),
  CUSTODIA_AUDIT_EXPORT_SECONDS: z.coerce.number().int().min(0).default(300),
  CUSTODIA_NATS_URL: z.string().regex(/^(nats|tls|wss?):\/\//, 'a nats:// URL').optional(),
});

/** Validated deployment settings. */
export type Config = z.infer<typeof Env>;

/** Thrown when the environment is invalid; lists each variable and what is wrong with it. */
export class ConfigError extends Error {}

/** Reads and validates the environment (or a given map, for tests). Secret values are never echoed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
}

/** A secret a deployment file names by environment variable (a connector URL), read here so config stays the only reader. */
export function envValue(name: string, env: Record<string, string | undefined> = process.env): string | undefined {
  return env[name];
}
