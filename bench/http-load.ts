// Helpers for HTTP benchmarks: a real server process on loopback (PostgreSQL when DATABASE_URL is set), autocannon runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore } from '../src/store/index.ts';
import { spawnServer, type ServerProcess } from '../test/server-process.ts';

/** A benchmark server: its process, URL, admin key and where its data lives. */
export interface BenchServer {
  server: ServerProcess;
  url: string;
  admin: string;
  database: 'postgres' | 'pglite';
  stop: () => Promise<void>;
  /** Stops and starts the server again on the same data. */
  restart: () => Promise<void>;
  /** Rows in a table, read after the server stopped (the embedded database is single-process). */
  count: (table: string) => Promise<number>;
  call: (method: string, path: string, body?: unknown, key?: string) => Promise<any>;
}

/** Starts `custodia serve` for a benchmark, on PostgreSQL in a fresh schema when DATABASE_URL is set. */
export async function startBenchServer(registry: string, opts: { databaseUrl?: string } = { databaseUrl: process.env.DATABASE_URL }): Promise<BenchServer> {
  const admin = `cus_${'benchadmin23'}_${randomBytes(32).toString('base64url')}`;
  const dir = mkdtempSync(join(tmpdir(), 'custodia-bench-'));
  const url = opts.databaseUrl;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env = {
    CUSTODIA_ADMIN_KEY: admin,
    LOG_LEVEL: 'error',
    CUSTODIA_RATE_LIMIT: '100000000',
    ...(url ? { DATABASE_URL: url, CUSTODIA_DB_SCHEMA: schema } : {}),
  };
  let server = await spawnServer(['--data', dir, '--registry', registry], env);
  const call = async (method: string, path: string, body?: unknown, key = admin) => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    return text ? JSON.parse(text) : undefined;
  };
  let stopped = false;
  let dropped = false;
  const stop = async () => {
    if (!stopped) await server.kill('SIGTERM');
    stopped = true;
  };
  return {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    admin, database: url ? 'postgres' : 'pglite', call,
    restart: async () => {
      await server.kill('SIGTERM');
      server = await spawnServer(['--data', dir], env);
    },
    stop: async () => {
      await stop();
      if (url && !dropped) {
        dropped = true;
        const c = new pg.Client(url);
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    },
    count: async (table) => {
      await stop();
      const store = await openStore(url ? { databaseUrl: url, schema } : { dataDir: dir });
      try {
        const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(store.db);
        return Number(r.rows[0].n);
      } finally {
        await store.close();
      }
    },
  };
}

/** Runs autocannon with bodies from `body(i)`; returns throughput, p99 and counts. */
export async function load(url: string, key: string, opts: { path: string; method?: 'POST' | 'PUT'; seconds: number; connections: number; body: (i: number) => unknown }) {
  let i = 0;
  const result = await autocannon({
    url: `${url}${opts.path}`,
    method: opts.method ?? 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: ((req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(opts.body(i++)) })) as never }],
  });
  return { rps: result.requests.average, total: result.requests.total, ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, p99: result.latency.p99, mean: result.latency.mean };
}
