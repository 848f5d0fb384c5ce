// The vault: encrypted values per subject and category, blind indexes for lookup, sharing records, export counters.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vault_values')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('retention_class', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'bytea', (c) => c.notNull())
    .addColumn('purposes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('collected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('vault_values_pk', ['subject_id', 'category'])
    .execute();

  await db.schema
    .createTable('vault_lookup')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vault_lookup_pk', ['subject_id', 'category'])
    .execute();
  await sql`create index vault_lookup_digest on vault_lookup (category, digest)`.execute(db);

  await db.schema
    .createTable('shares')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('categories', 'jsonb', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('cross_border', 'boolean', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('shares_pk', ['subject_id', 'id'])
    .execute();
  await sql`create index shares_recipient on shares (recipient, shared_at)`.execute(db);

  // PRC 2024 cross-border provisions: distinct people exported per calendar year, sensitive PI counted apart.
  await db.schema
    .createTable('cbt_counters')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sensitive', 'boolean', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cbt_counters_pk', ['year', 'sensitive', 'subject_id'])
    .execute();
}
