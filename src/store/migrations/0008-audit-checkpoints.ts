// Signed audit checkpoints: each block carries an Ed25519 signature over its last hash; exports are remembered
// so verification can tell a chain cut short before the last checkpoint that left the building.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // blocks written before this migration stay unsigned (kid null); every block after the first signed one must be signed
  await sql`alter table audit_blocks add column kid text`.execute(db);
  await sql`alter table audit_blocks add column signature text`.execute(db);

  await db.schema
    .createTable('audit_exports')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('block_no', 'bigint', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('checkpoint', 'jsonb', (c) => c.notNull())
    .addColumn('exported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index audit_exports_last on audit_exports (last_seq desc)`.execute(db);
}
