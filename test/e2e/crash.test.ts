// Kill the server with SIGKILL in the middle of publications and of consent grants: every acknowledged version and
// event survives whole, nothing half-written appears, the audit chain verifies, and the server starts again.
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
const consentSchema = `crash_consent_${randomBytes(4).toString('hex')}`;
if (process.env.DATABASE_URL) targets.push({ name: 'postgres', args: () => [], env: { DATABASE_URL: process.env.DATABASE_URL, CUSTODIA_DB_SCHEMA: schema } });
const dirs: string[] = [];
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 300));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (process.env.DATABASE_URL) {
    const c = new pg.Client(process.env.DATABASE_URL);
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.query(`drop schema if exists ${consentSchema} cascade`);
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

for (const t of targets) {
  describe(`SIGKILL during consent grants and withdrawals [${t.name}]`, () => {
    it('keeps every acknowledged event with its number, numbers each person without gaps, and the projection agrees with the log', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'custodia-crash-consent-'));
      dirs.push(dir);
      const env = { ...t.env, ...(t.env.CUSTODIA_DB_SCHEMA ? { CUSTODIA_DB_SCHEMA: consentSchema } : {}), CUSTODIA_ADMIN_KEY: ADMIN };
      const acknowledged: { subject: string; id: string; seq: string }[] = [];
      let svc = '';
      let subjects: string[] = [];
      for (let round = 0; round < 3; round++) {
        const s = await spawnServer([...t.args(dir), '--registry', 'test/fixtures/minimal.yaml'], env);
        const call = (method: string, path: string, key: string, body?: unknown) =>
          fetch(`${s.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        if (round === 0) {
          svc = ((await (await call('POST', '/v1/keys', ADMIN, { name: 'app', role: 'service', purposes: ['account'] })).json()) as { key: string }).key;
          subjects = await Promise.all(Array.from({ length: 12 }, async () => ((await (await call('POST', '/v1/subjects', svc, { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' })).json()) as { id: string }).id));
        }
        const version = ((await (await call('GET', '/v1/registry', svc)).json()) as { versionNo: number }).versionNo;
        let killed = false;
        const loop = async (k: number) => {
          for (let i = 0; !killed; i++) {
            const subject = subjects[(k * 5 + i) % subjects.length];
            const res = await (i % 3 === 2
              ? call('POST', `/v1/subjects/${subject}/consents/withdraw`, svc, { purpose: 'face-login', channel: 'web' })
              : call('POST', `/v1/subjects/${subject}/consents`, svc, { purposes: [{ purpose: 'face-login' }], kind: 'separate', action: 'checkbox', registryVersion: version, noticeHash: 'a'.repeat(64), channel: 'app' })
            ).catch(() => undefined);
            if (res?.status !== 201) continue;
            const json = (await res.json().catch(() => undefined)) as { events?: { id: string; seq: string }[]; id?: string; seq?: string } | undefined;
            if (!json) continue; // the answer was cut off: not acknowledged
            for (const e of json.events ?? [json as { id: string; seq: string }]) acknowledged.push({ subject, id: e.id, seq: e.seq });
          }
        };
        const loops = Array.from({ length: 8 }, (_, k) => loop(k));
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 700));
        killed = true;
        await s.kill('SIGKILL');
        await Promise.all(loops);
      }
      expect(acknowledged.length).toBeGreaterThan(50); // three rounds of load, each cut by the kill
      const s = await spawnServer(t.args(dir), env);
      try {
        const get = async (path: string, key = svc): Promise<any> => (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json();
        for (const subject of subjects) {
          const history = (await get(`/v1/subjects/${subject}/consents?history=true`)).history as { id: string; seq: string; event: string }[];
          const seqs = history.map((h) => Number(h.seq)).sort((a, b) => a - b);
          expect(seqs, `${subject} numbered without gaps`).toEqual(seqs.map((_, i) => i + 1));
          const stored = new Map(history.map((h) => [h.id, h.seq]));
          for (const a of acknowledged.filter((x) => x.subject === subject)) expect(stored.get(a.id), `acknowledged event ${a.id}`).toBe(a.seq);
          const last = history.reduce<{ seq: string; event: string } | undefined>((m, h) => (!m || Number(h.seq) > Number(m.seq) ? h : m), undefined);
          const status = (await get(`/v1/consents/check?subject=${subject}&purpose=face-login`)).status;
          expect(status, `${subject}: the projection agrees with the newest event`).toBe(last?.event === 'grant' ? 'granted' : 'absent');
        }
        expect((await get('/v1/audit/verify', ADMIN)).ok).toBe(true);
      } finally {
        await s.kill();
      }
    }, 240_000);
  });
}
