// Runs storage tests on embedded PGlite, and on PostgreSQL too when DATABASE_URL is set (each suite in its own schema).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store, type StoreOptions } from '../src/store/index.ts';

/** The databases this run tests against. */
export const TEST_DATABASES: { name: 'pglite' | 'postgres'; options: () => StoreOptions }[] = [
  { name: 'pglite', options: () => ({ dataDir: 'memory://' }) },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres' as const, options: () => ({ databaseUrl: process.env.DATABASE_URL, schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 5 }) }]
    : []),
];

/** Opens a fresh store for a test; on PostgreSQL a new schema that close() drops. */
export async function openTestStore(options: StoreOptions): Promise<Store> {
  const store = await openStore(options);
  if (!options.schema) return store;
  return {
    ...store,
    close: async () => {
      await sql`drop schema if exists ${sql.id(options.schema!)} cascade`.execute(store.db);
      await store.close();
    },
  };
}

/** describe() once per test database, with a fresh migrated store shared by the suite's tests. */
export function describeStore(title: string, body: (store: () => Store, dbName: 'pglite' | 'postgres') => void): void {
  for (const target of TEST_DATABASES) {
    describe(`${title} [${target.name}]`, () => {
      let store: Store;
      beforeAll(async () => {
        store = await openTestStore(target.options());
      });
      afterAll(async () => {
        await store?.close();
      });
      body(() => store, target.name);
    });
  }
}
