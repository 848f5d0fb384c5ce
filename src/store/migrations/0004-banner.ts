// The consent banner: anonymous website visitors (linked to a subject on sign-in) and their append-only tracker choices.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index visitors_subject on visitors (subject_id) where subject_id is not null`.execute(db);

  await db.schema
    .createTable('tracker_choices')
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('choices', 'jsonb', (c) => c.notNull())
    .addColumn('gpc', 'boolean', (c) => c.notNull())
    // advertising was asked for but GPC turned it off; kept so the answer can say so later
    .addColumn('gpc_override', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('registry_version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('ip_prefix', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tracker_choices_pk', ['visitor_id', 'seq'])
    .execute();
}
