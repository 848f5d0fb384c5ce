// Builds a whole server without a socket for HTTP tests (inject), on PGlite or PostgreSQL.
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import type { StoreOptions } from '../src/store/index.ts';

/** A server for tests with its bootstrap admin key and a helper to call it. */
export interface TestServer extends RunningServer {
  adminKey: string;
  call: (method: string, url: string, opts?: { key?: string; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; json: any; headers: Record<string, unknown>; body: string }>;
}

/** Starts a test server with the given registry file (default: the minimal fixture). */
export async function startTestServer(store: StoreOptions, registryFile = 'test/fixtures/minimal.yaml', env: Record<string, string> = {}, opts: { dropSchema?: boolean } = {}): Promise<TestServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const server = await startServer(config, { store, registryFile, listen: false, logger: false, print: () => {} });
  const call: TestServer['call'] = async (method, url, opts = {}) => {
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body), headers: { 'content-type': 'application/json', ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...opts.headers } } : {}),
    });
    let json: unknown;
    try {
      json = res.json();
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json, headers: res.headers, body: res.body };
  };
  // stop first (the audit writer and job worker finish their last writes), then drop the test schema
  const stop = async () => {
    await server.stop();
    if (store.schema && store.databaseUrl && opts.dropSchema !== false) {
      const c = new pg.Client(store.databaseUrl);
      await c.connect();
      await c.query(`drop schema if exists "${store.schema}" cascade`);
      await c.end();
    }
  };
  return { ...server, adminKey: server.adminKey!, call, stop };
}
