// Applies the numbered migrations on start; the list is static so bundling and ordering are explicit.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-subjects-consent.ts';
import * as m0003 from './migrations/0003-vault.ts';
import * as m0004 from './migrations/0004-banner.ts';
import * as m0006 from './migrations/0006-adm.ts';
import * as m0005 from './migrations/0005-rights.ts';
import * as m0007 from './migrations/0007-lifecycle.ts';
import * as m0008 from './migrations/0008-audit-checkpoints.ts';

/** Every migration, in order. A new one is a new file and one line here. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-subjects-consent': m0002,
  '0003-vault': m0003,
  '0004-banner': m0004,
  '0006-adm': m0006,
  '0005-rights': m0005,
  '0007-lifecycle': m0007,
  '0008-audit-checkpoints': m0008,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  // Kysely looks for its tables in every schema unless told which one, so name ours when we use one
  const migrator = new Migrator({ db, provider, migrationTableName: 'custodia_migrations', migrationLockTableName: 'custodia_migrations_lock', ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
