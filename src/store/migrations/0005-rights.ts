// Data-subject requests: the requests, their event history, one-time codes, person sessions, copies and exports.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rights_requests')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('proof_ref', 'text')
    .addColumn('relationship', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('input', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // values a person asked to write (rectification) sealed under the subject's own key, cleared once applied
    .addColumn('sealed', 'bytea')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline', 'jsonb', (c) => c.notNull())
    .addColumn('extended_at', 'timestamptz')
    .addColumn('extension_reason', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('outcome_code', 'text')
    .addColumn('outcome_text', 'text')
    .addColumn('fee', 'jsonb')
    .addColumn('last_error', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('rights_requests_pk', ['subject_id', 'id'])
    .execute();
  // one open request of a kind per person: a second one is refused, not queued twice
  await sql`create unique index rights_requests_one_open on rights_requests (subject_id, type) where status in ('awaiting-review', 'open')`.execute(db);
  await sql`create index rights_requests_due on rights_requests (due_at) where closed_at is null`.execute(db);

  await db.schema
    .createTable('rights_request_events')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('rights_request_events_pk', ['subject_id', 'request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('rights_codes')
    .addColumn('contact_digest', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('rights_codes_pk', ['contact_digest', 'id'])
    .execute();

  await db.schema
    .createTable('rights_sessions')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('rights_sessions_pk', ['subject_id', 'token_hash'])
    .execute();

  await db.schema
    .createTable('rights_copies')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('amount', 'numeric')
    .addColumn('currency', 'text')
    .addPrimaryKeyConstraint('rights_copies_pk', ['subject_id', 'request_id'])
    .execute();

  await db.schema
    .createTable('rights_exports')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    // the zip, sealed under the subject's export key: erasure destroys the key and every copy with it
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('rights_exports_pk', ['subject_id', 'request_id'])
    .execute();
}
