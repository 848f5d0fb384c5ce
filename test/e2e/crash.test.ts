// Kill the server with SIGKILL in the middle of publications: every acknowledged version survives whole,
// nothing half-written appears, the audit chain verifies, and the server starts again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/registry/index.ts';
import { spawnServer } from '../server-process.ts';

const ADMIN = `cus_crashtestkey_${'A'.repeat(43)}`.replace('crashtestkey', 'crashtest234');
const base = readFileSync('test/fixtures/minimal.yaml', 'utf8');
const targets: { name: string; args: (dir: string) => string[]; env: Record<string, string | undefined> }[] = [
  { name: 'pglite', args: (dir) => ['--data', dir], env: { DATABASE_URL: undefined } },
];
const schema = `crash_${randomBytes(4).toString('hex')}`;
if (process.env.DATABASE_URL) targets.push({ name: 'postgres', args: () => [], env: { DATABASE_URL: process.env.DATABASE_URL, CUSTODIA_DB_SCHEMA: schema } });
const dirs: string[] = [];
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 300));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (process.env.DATABASE_URL) {
    const c = new pg.Client(process.env.DATABASE_URL);
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
});

for (const t of targets) {
  describe(`SIGKILL during publish [${t.name}]`, () => {
    it('keeps acknowledged versions whole and starts again', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'custodia-crash-'));
      dirs.push(dir);
      const env = { ...t.env, CUSTODIA_ADMIN_KEY: ADMIN };
      const acknowledged = new Set<string>();
      for (let round = 0; round < 3; round++) {
        const s = await spawnServer([...t.args(dir), '--registry', 'test/fixtures/minimal.yaml'], env);
        let n = 0;
        let killed = false;
        const publishLoop = async () => {
          while (!killed) {
            const label = `${round}.${n++}.${Math.random().toString(36).slice(2, 6)}`;
            const res = await fetch(`${s.url}/v1/registry/versions`, {
              method: 'POST',
              headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
              body: JSON.stringify({ source: base.replace('version: "1.0.0"', `version: "${label}"`) }),
            }).catch(() => undefined);
            if (res?.status === 201) acknowledged.add(label);
          }
        };
        const loops = [publishLoop(), publishLoop(), publishLoop()];
        await new Promise((r) => setTimeout(r, 400 + Math.random() * 600));
        killed = true;
        await s.kill('SIGKILL');
        await Promise.all(loops);
      }
      const s = await spawnServer(t.args(dir), env);
      try {
        const get = async (path: string): Promise<any> => (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
        const versions = (await get('/v1/registry/versions')).versions as { versionNo: number; label: string; contentHash: string }[];
        const labels = new Set(versions.map((v) => v.label));
        for (const a of acknowledged) expect(labels.has(a), `acknowledged version ${a} survived`).toBe(true);
        expect(acknowledged.size).toBeGreaterThan(0);
        for (const v of versions) {
          const full = await get(`/v1/registry/versions/${v.versionNo}`);
          expect(contentHash(full.registry)).toBe(v.contentHash);
        }
        expect((await get('/v1/audit/verify')).ok).toBe(true);
      } finally {
        await s.kill();
      }
    }, 240_000);
  });
}
