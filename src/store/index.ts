// Store pillar: Kysely over PostgreSQL (pg) and embedded PGlite, numbered migrations, the table-based job queue.
export { openStore, type Store, type StoreOptions } from './db.ts';
export type * from './database.ts';
export { migrateToLatest, MIGRATIONS } from './migrate.ts';
export { JobQueue, type JobHandler, type JobRecord } from './jobs.ts';
export { unnestRows, type UnnestColumn } from './unnest.ts';
export { perTurnLoader } from './per-turn.ts';
