// CLI commands that need data either open the database themselves or, when a server holds it, call its API.
import { loadConfig, type Config } from '../config.ts';
import { AppError, ERRORS, isAppError, type ErrorCode } from '../errors.ts';
import { openStore, type Store } from '../store/index.ts';

/** A minimal client of the running server's API. */
export interface ApiClient {
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
}

/** Runs `local` on the database, or `remote` against the server when --url is given or the data directory is locked. */
export async function withDataOrApi<T>(opts: { url?: string; data?: string }, local: (store: Store, config: Config) => Promise<T>, remote: (api: ApiClient) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, ...(opts.data ? { CUSTODIA_DATA_DIR: opts.data } : {}), ...(opts.url ? { CUSTODIA_URL: opts.url } : {}) });
  if (!config.CUSTODIA_URL) {
    let store: Store | undefined;
    try {
      store = await openStore(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL, schema: config.CUSTODIA_DB_SCHEMA } : { dataDir: config.CUSTODIA_DATA_DIR });
    } catch (e) {
      if (!(isAppError(e) && e.code === 'DATA_DIR_LOCKED')) throw e;
    }
    if (store) {
      try {
        return await local(store, config);
      } finally {
        await store.close();
      }
    }
  }
  const base = config.CUSTODIA_URL ?? `http://${config.HOST}:${config.PORT}`;
  if (!config.CUSTODIA_API_KEY) throw new AppError('UNAUTHENTICATED', `the database is held by a running server; set CUSTODIA_API_KEY to an admin key to use its API at ${base}`);
  const key = config.CUSTODIA_API_KEY;
  return remote({
    call: async (method, path, body) => {
      const res = await fetch(new URL(path, base), {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
  });
}

/** Turns a problem answer from the API into an AppError for the CLI to print. */
export function apiError(res: { status: number; json: any }): AppError {
  const code = res.json?.code as string | undefined;
  const known: ErrorCode = code && code in ERRORS ? (code as ErrorCode) : 'INTERNAL';
  return new AppError(known, res.json?.detail ?? `HTTP ${res.status}`, { details: res.json?.errors ?? [] });
}
