// Subjects, append-only consent and permission events with their projection, and receipt signing keys.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_ref', 'text', (c) => c.unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('regimes', 'jsonb', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // per regime, the date from which the person consents alone (PIPL 31, PIPA 22-2: 14; GDPR 8: the configured age);
    // derived from the birth date at creation, which itself is kept only in the vault
    .addColumn('adult_from', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('event_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('consent_events')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('registry_version', 'integer', (c) => c.notNull())
    .addColumn('scope_hash', 'text')
    .addColumn('notice_hash', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('ip_prefix', 'text')
    .addColumn('region', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_events_pk', ['subject_id', 'seq'])
    .execute();

  await db.schema
    .createTable('consent_state')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('scope_hash', 'text')
    .addColumn('registry_version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_state_pk', ['subject_id', 'type', 'target', 'recipient'])
    .execute();
  await sql`create index consent_state_target on consent_state (type, target, status)`.execute(db);

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('alg', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('private_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();
}
