// Runs a seed's story against a real `custodia serve` process: embedded PGlite always, PostgreSQL too when
// DATABASE_URL is set. Services and staff talk to the public HTTP API; people use the privacy center in Chromium
// (center-browser.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { spawnServer, type ServerProcess } from '../server-process.ts';

/** An HTTP answer. */
export interface Answer {
  status: number;
  json: any;
  text: string;
  headers: Headers;
}

/** A running scenario server and helpers to call it. */
export interface Scenario {
  url: string;
  admin: string;
  database: 'pglite' | 'postgres';
  call: (method: string, path: string, opts?: { key?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Answer>;
  /** Creates an API key and returns its secret. */
  key: (name: string, role: string, extra?: { purposes?: string[]; department?: string }) => Promise<string>;
  /** The current registry version number. */
  version: () => Promise<number>;
}

/** Registers the story once per database; `body` receives a getter for the running scenario. */
export function scenario(title: string, registry: string, body: (s: () => Scenario) => void, env: Record<string, string> = {}): void {
  const targets: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  for (const database of targets) {
    describe(`${title} [${database}]`, () => {
      let server: ServerProcess;
      let s: Scenario;
      const dir = mkdtempSync(join(tmpdir(), 'custodia-scenario-'));
      const schema = `scn_${randomBytes(5).toString('hex')}`;
      const admin = `cus_scenario2345_${randomBytes(32).toString('base64url')}`.replace('scenario2345', 'scenariotest');
      beforeAll(async () => {
        server = await spawnServer(['--data', dir, '--registry', registry], {
          CUSTODIA_ADMIN_KEY: admin,
          ...env,
          ...(database === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL, CUSTODIA_DB_SCHEMA: schema } : { DATABASE_URL: undefined }),
        });
        const call: Scenario['call'] = async (method, path, opts = {}) => {
          const res = await fetch(`${server.url}${path}`, {
            method,
            headers: { ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
            body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
          });
          const text = await res.text();
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          return { status: res.status, json, text, headers: res.headers };
        };
        s = {
          url: server.url,
          admin,
          database,
          call,
          key: async (name, role, extra = {}) => {
            const r = await call('POST', '/v1/keys', { key: admin, body: { name, role, ...extra } });
            if (r.status !== 201) throw new Error(`key ${name}: ${r.text}`);
            return r.json.key;
          },
          version: async () => (await call('GET', '/v1/registry', { key: admin })).json.versionNo,
        };
      }, 120_000);
      afterAll(async () => {
        await server?.kill('SIGTERM');
        if (database === 'postgres') {
          const c = new pg.Client(process.env.DATABASE_URL);
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
        }
        await new Promise((r) => setTimeout(r, 200));
        rmSync(dir, { recursive: true, force: true });
      });
      body(() => s);
    });
  }
}

/** A notice hash as a privacy center would send it (SHA-256 of the text shown). */
export const NOTICE_HASH = 'c'.repeat(64);

/** Polls a request until it leaves the queue (completed, refused, failed); staff key needed. */
export async function settled(s: Scenario, key: string, requestId: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await s.call('GET', `/v1/requests/${requestId}`, { key });
    const status = r.json?.status ?? r.json?.request?.status;
    if (status && !['received', 'verifying', 'awaiting-review', 'approved', 'in-progress', 'processing', 'queued', 'open'].includes(status)) return r.json;
    if (Date.now() > deadline) throw new Error(`request ${requestId} still ${status} after ${timeoutMs} ms: ${r.text}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

/** A local webhook receiver for propagation steps. */
export async function webhookReceiver(): Promise<{ url: string; events: { topic: string; body: any }[]; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const events: { topic: string; body: any }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      events.push({ topic: String(req.headers['x-custodia-event']), body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hook`, events, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Waits until `check` passes (or throws its last error after the timeout). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
