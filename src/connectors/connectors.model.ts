// Connectors: personal data kept in the company's own PostgreSQL or MariaDB tables, described in deploy.yaml only.
import { z } from 'zod';

const ident = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a plain SQL identifier (letters, digits, underscore)');
const tableName = z.string().regex(/^([A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a table name, optionally schema-qualified (crm.orders)');
const categoryId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a registry category id');

/** How erasure treats a subject's rows: remove them, mask the mapped columns, or set them to NULL. */
export const ERASE_MODES = ['delete', 'mask', 'null'] as const;
export type EraseMode = (typeof ERASE_MODES)[number];

/** One connector as deploy.yaml declares it. Credentials stay here or in the environment, never in the registry. */
export const ConnectorConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a connector id: lower-case letters, digits and dashes'),
    driver: z.enum(['postgres', 'mariadb']),
    url: z.string().min(1).optional(),
    urlEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'the name of an environment variable').optional(),
    table: tableName,
    primaryKey: ident.default('id'),
    subjectKey: z.strictObject({ column: ident, refers: z.enum(['external-ref', 'custodia-id']) }),
    columns: z.record(ident, categoryId).refine((c) => Object.keys(c).length > 0, 'map at least one column to a category'),
    erase: z.strictObject({ mode: z.enum(ERASE_MODES), batchSize: z.number().int().min(1).max(100_000).default(5000) }),
  })
  .refine((c) => (c.url === undefined) !== (c.urlEnv === undefined), { message: 'give exactly one of url or urlEnv', path: ['url'] });

/** A validated connector declaration. */
export type ConnectorConfig = z.infer<typeof ConnectorConfig>;

/** The deploy.yaml `connectors:` list: ids must be unique. */
export const ConnectorList = z.array(ConnectorConfig).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `connector id "${c.id}" is declared twice`, path: [i, 'id'] });
    seen.add(c.id);
  });
});

/** What the rights pillar calls for a request; structurally its `RightsConnectors`. */
export interface ConnectorPort {
  export(subjectId: string, requestId: string): Promise<Record<string, unknown[]>>;
  erase(subjectId: string, requestId: string): Promise<{ table: string; rows: number }[]>;
}

/** The outcome of erasing one connector for one request (totals across retries). */
export interface ConnectorErasure {
  connector: string;
  table: string;
  rows: number;
  mode: EraseMode;
}

/** A connector as staff may see it: no URL, no credentials. */
export interface ConnectorSummary {
  id: string;
  driver: 'postgres' | 'mariadb';
  table: string;
  categories: string[];
  eraseMode: EraseMode;
}

/** Where a driver finds the subject's rows. */
export interface TableSpec {
  table: string;
  primaryKey: string;
  subjectColumn: string;
}

/** One SQL database behind a connector; every method names the subject's key so no call can reach other people's rows. */
export interface ConnectorDriver {
  /** Up to `limit` rows of the subject with primary key above `after`, ordered by it, with the given columns and the primary key. */
  select(key: string, columns: string[], after: unknown, limit: number): Promise<Record<string, unknown>[]>;
  /** Deletes up to `limit` rows of the subject in one statement; returns how many went. */
  deleteBatch(key: string, limit: number): Promise<number>;
  /** In one transaction, locks up to `limit` rows of the subject and writes `change(row)` into each; returns how many changed. */
  updateBatch(key: string, columns: string[], limit: number, change: (row: Record<string, unknown>) => Record<string, string | null>): Promise<number>;
  /** Closes the connection pool. */
  close(): Promise<void>;
}
