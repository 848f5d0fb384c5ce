// Opens the database: embedded PGlite in a data directory (locked to one process) or PostgreSQL via a URL.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.ts';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { exclusivePGliteDialect } from './pglite-exclusive.ts';

/** An open database with its kind and a way to close it. */
export interface Store {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/** Where to open: a PostgreSQL URL (optionally inside one schema), or a PGlite directory (`memory://` for tests). */
export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
  poolSize?: number;
}

// int8 comes back as a string from both drivers, so ids and sequence numbers keep their precision.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (v: string) => v);

/** Opens and migrates the database. PGlite directories are locked; a damaged one is reported, not crashed on. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? await openPostgres(opts) : await openPglite(opts.dataDir ?? './data');
  try {
    await migrateToLatest(store.db, opts.databaseUrl ? (opts.schema ?? 'public') : undefined);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

async function openPostgres(opts: StoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  if (opts.schema) {
    const c = await pool.connect();
    try {
      await c.query(`create schema if not exists "${opts.schema.replace(/"/g, '')}"`);
    } finally {
      c.release();
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Store> {
  const memory = dataDir.startsWith('memory://');
  let release = () => {};
  let dir = dataDir;
  if (!memory) {
    dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockDirectory(dir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(memory ? undefined : join(dir, 'pg'), { parsers: { [INT8_OID]: (v: string) => v } });
    await client.query('select 1');
  } catch (e) {
    release();
    throw new AppError('DATA_DIR_DAMAGED', `the embedded database in ${dir} cannot be opened (${(e as Error).message ?? 'unknown error'}); restore it from a backup or move it aside to start empty`, { cause: e });
  }
  const db = new Kysely<Database>({ dialect: exclusivePGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
      release();
    },
  };
}

// PGlite is a single-process database: a lock file with our pid keeps a second process out.
function lockDirectory(dir: string): () => void {
  const file = join(dir, 'custodia.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new AppError('DATA_DIR_LOCKED', `the data directory ${dir} is in use by process ${pid}; stop it first, or use the running server's API`);
      }
      if (existsSync(file)) rmSync(file, { force: true }); // stale lock of a dead process
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `cannot lock the data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
