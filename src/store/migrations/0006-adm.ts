// Automated decisions (PIPL 24, PIPA 37-2, GDPR 22) as references and factors, and connector runs per data-subject request.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('adm_decisions')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    // inputs are category ids plus a non-personal summary: no clear personal values are kept here
    .addColumn('input_categories', 'jsonb', (c) => c.notNull())
    .addColumn('input_summary', 'text')
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('factors', 'jsonb', (c) => c.notNull())
    .addColumn('significant', 'boolean', (c) => c.notNull())
    .addColumn('registry_version', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('adm_decisions_pk', ['subject_id', 'id'])
    .execute();
  await sql`create index adm_decisions_time on adm_decisions (subject_id, decided_at)`.execute(db);

  await db.schema
    .createTable('connector_runs')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('connector_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('batches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_error', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('connector_runs_pk', ['subject_id', 'request_id', 'connector_id', 'op'])
    .execute();
}
