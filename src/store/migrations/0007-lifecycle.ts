// Lifecycle: subjects' closure time, legal holds, breach incidents with their exposed people and notices, scoping indexes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // retention "until account-closed" counts from the closure time (PIPL 47 para 1, GB/T 35273 8.5)
  await sql`alter table subjects add column closed_at timestamptz`.execute(db);
  await sql`update subjects set closed_at = coalesce((select max(r.closed_at) from rights_requests r where r.subject_id = subjects.id and r.type = 'close-account'), now()) where status = 'closed'`.execute(db);
  // whoever closes an account (the rights pillar, an operator) gets the time stamped without knowing about it
  await sql`create or replace function custodia_subject_closed_at() returns trigger language plpgsql as $$
    begin
      if new.status = 'closed' and old.status is distinct from 'closed' and new.closed_at is null then new.closed_at := now(); end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger subjects_closed_at before update of status on subjects for each row execute function custodia_subject_closed_at()`.execute(db);

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('subjects', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('ends_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('values_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'text')
    .addColumn('release_reason', 'text')
    .execute();
  await sql`create index legal_holds_active on legal_holds (created_at) where released_at is null`.execute(db);

  // the people a hold names, with the status they had, so a release restores it
  await db.schema
    .createTable('legal_hold_subjects')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('hold_id', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_hold_subjects_pk', ['subject_id', 'hold_id'])
    .execute();
  await sql`create index legal_hold_subjects_hold on legal_hold_subjects (hold_id)`.execute(db);

  // values moved under the hold key, with the class they came from
  await db.schema
    .createTable('legal_hold_values')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('hold_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('previous_class', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_hold_values_pk', ['subject_id', 'hold_id', 'category'])
    .execute();
  await sql`create index legal_hold_values_hold on legal_hold_values (hold_id)`.execute(db);

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('scope', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scoped_count', 'integer')
    .addColumn('scoped_at', 'timestamptz')
    .addColumn('reported', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // the exposure: who is affected and how we know (bit 1 vault, 2 sharing records, 4 audit log)
  await db.schema
    .createTable('incident_subjects')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('via', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_subjects_pk', ['incident_id', 'subject_id'])
    .execute();

  await db.schema
    .createTable('incident_notices')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_id', 'bigint')
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('incident_notices_pk', ['incident_id', 'subject_id', 'channel'])
    .execute();

  // scoping reads these set-based: who holds a category, and the reads in a time window
  await sql`create index vault_values_category on vault_values (category, subject_id)`.execute(db);
  await sql`create index audit_entries_reads on audit_entries (ts) where action = 'data.read'`.execute(db);
}
