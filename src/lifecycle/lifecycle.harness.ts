// Test helpers for the database-backed lifecycle tests: a server per registry, keys by role, people with values.
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import type { StoreOptions } from '../store/index.ts';

/** A test server with keys by role and helpers to create people and values. */
export interface LifecycleTestServer {
  s: TestServer;
  keys: Record<'service' | 'officer' | 'agent' | 'auditor', { key: string; id: string }>;
  person: (body: { role: string; regimes: string[]; language: string }, values?: { category: string; value: string; purposes?: string[] }[]) => Promise<string>;
  /** Moves a subject's collection (and last-use) dates to `at`. */
  collectedAt: (subjectId: string, at: string) => Promise<void>;
}

/** Starts a server on `registry` with a service key bound to `purposes`, a privacy officer, an agent and an auditor. */
export async function lifecycleServer(store: StoreOptions, registry: string, purposes: string[]): Promise<LifecycleTestServer> {
  const s = await startTestServer(store, registry, { CUSTODIA_RETENTION_INTERVAL_MINUTES: '0' });
  const key = async (name: string, body: Record<string, unknown>) => {
    const r = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name, ...body } })).json;
    return { key: r.key as string, id: r.id as string };
  };
  const keys = {
    service: await key('app', { role: 'service', purposes }),
    officer: await key('dpo', { role: 'privacy-officer' }),
    agent: await key('cs', { role: 'agent', department: 'cs' }),
    auditor: await key('audit', { role: 'auditor' }),
  };
  const person: LifecycleTestServer['person'] = async (body, values = []) => {
    const r = await s.call('POST', '/v1/subjects', { key: keys.service.key, body });
    if (r.status !== 201) throw new Error(`subject: ${r.status} ${r.body}`);
    if (values.length > 0) {
      const p = await s.call('PUT', `/v1/subjects/${r.json.id}/data`, { key: keys.service.key, body: { values } });
      if (p.status !== 200) throw new Error(`values: ${p.status} ${p.body}`);
    }
    return r.json.id as string;
  };
  const collectedAt = async (subjectId: string, at: string) => {
    await sql`update vault_values set collected_at = ${new Date(at)}, last_used_at = null where subject_id = ${subjectId}`.execute(s.ctx.store.db);
  };
  // the shared harness drops the schema before the server stops, and the audit writer's last flush then fails on
  // PostgreSQL; stop the writer and the jobs first so the suite ends cleanly
  const stop = s.stop;
  s.stop = async () => {
    await s.ctx.jobs.stop();
    await s.ctx.audit.stop();
    s.ctx.audit.stop = async () => {};
    await stop();
  };
  return { s, keys, person, collectedAt };
}
