// Runs a seed's story against a real `custodia serve` process: embedded PGlite always, PostgreSQL too when
// DATABASE_URL is set. Steps talk to the public HTTP API only.
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
