// Breach-scope suite: seconds to find the affected people of an incident over 1,000,000 subjects and 10,000,000 audit
// entries (vault holders of a category, sharing records to a recipient in a window, reads by an actor in a window),
// data generated set-based with generate_series in a fresh schema. BENCH_SCALE scales every count (default 0.1 on
// PostgreSQL, 0.01 on PGlite; 1 is the full size); a second row scopes the widest case (every subject affected).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { scopeIncident, type Incident, type IncidentScope } from '../../src/lifecycle/index.ts';
import { loadRegistry } from '../../src/registry/index.ts';
import { openStore } from '../../src/store/index.ts';
import { KeyRing, MasterKey, MemoryKeyStore } from '../../src/vault/index.ts';
import type { BenchSuite } from '../bench.ts';

const DAY = 86_400_000;

const suite: BenchSuite = async ({ report }) => {
  const url = process.env.DATABASE_URL;
  const scale = Number(process.env.BENCH_SCALE ?? (url ? 0.1 : 0.01));
  const subjects = Math.round(1_000_000 * scale);
  const entries = Math.round(10_000_000 * scale);
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore(url ? { databaseUrl: url, schema } : { dataDir: 'memory://' });
  const db = store.db;
  try {
    const t0 = Date.now();
    const start = new Date('2026-04-01T00:00:00Z');
    const sid = (g: string) => sql.raw(`'sub_' || lpad((${g})::text, 28, '0')`);
    await sql`insert into subjects (id, role, regimes, language) select ${sid('g')}, 'user', '["pipa"]'::jsonb, (array['ko','en','zh-Hans','zh-Hant'])[1 + g % 4] from generate_series(1, ${subjects}) g`.execute(db);
    // everyone holds email and phone; one in twenty a passport number
    await sql`insert into vault_values (subject_id, category, token, retention_class, ciphertext, purposes, collected_at, updated_at)
      select ${sid('g')}, c, 'tok_' || c || '_' || g, 'standard', '\\x00'::bytea, '[]'::jsonb, ${start}, ${start}
      from generate_series(1, ${subjects}) g, unnest(array['email', 'phone', 'passport-number']) c where c <> 'passport-number' or g % 20 = 0`.execute(db);
    // half the people were shared with one of 20 recipients over 30 days
    await sql`insert into shares (subject_id, id, recipient, purpose, categories, country, cross_border, actor, shared_at)
      select ${sid('g * 2')}, 'sh_' || g, 'partner-' || ((g / 7) % 20), 'trading', case when (g / 3) % 3 = 0 then '["email","passport-number"]'::jsonb else '["email"]'::jsonb end, 'KR', false, 'service:app',
        ${start}::timestamptz + (g % 30) * interval '1 day' from generate_series(1, ${Math.floor(subjects / 2)}) g`.execute(db);
    // the audit log: 80 % reads by 50 actors over 30 days, the rest writes
    await sql`insert into audit_entries (seq, block_no, ts, action, subject, body, prev_hash, hash)
      select g, g / 2000, ${start}::timestamptz + (g::float8 / ${entries}) * interval '30 days', case when g % 5 = 0 then 'data.write' else 'data.read' end, ${sid(`(g::bigint * 7919) % ${subjects} + 1`)},
        '{"actor":"service:k' || (g % 50) || '","action":"' || case when g % 5 = 0 then 'data.write' else 'data.read' end || '","subject":"x","purpose":"trading","categories":' ||
        case when g % 3 = 0 then '["passport-number","email"]' else '["phone"]' end || ',"decision":"allow-full","rule":"ALLOW"}', '', ''
      from generate_series(1, ${entries}) g`.execute(db);
    await sql`analyze`.execute(db);
    const generated = (Date.now() - t0) / 1000;
    const r = loadRegistry(readFileSync('examples/004-kr-marketplace.live.yaml', 'utf8'), 'bench');
    if (!r.ok) throw new Error('registry');
    const deps = { db, keyring: new KeyRing(new MemoryKeyStore(), new MasterKey(randomBytes(32))), registry: async () => r.registry, clock: () => new Date() };
    const incident: Incident = {
      id: 'INC-BENCH', title: 'bench', description: 'bench', startedAt: new Date(start.getTime() + 10 * DAY).toISOString(), discoveredAt: new Date(start.getTime() + 11 * DAY).toISOString(),
      categories: ['passport-number'], vector: 'insider', affectedCount: 0, regimes: ['pipa'], measures: 'bench', contact: {},
    };
    const runs: [string, Incident, IncidentScope][] = [
      ['breach-scope', incident, { vault: true, recipients: ['partner-3'], actors: ['service:k7'] }],
      ['breach-scope-wide', { ...incident, id: 'INC-WIDE', categories: ['email', 'passport-number'] }, { vault: true, recipients: [], actors: [] }],
    ];
    for (const [name, inc, scope] of runs) {
      await db.insertInto('incidents').values({ id: inc.id, document: JSON.stringify(inc), scope: '{}', status: 'open', reported: '{}', scoped_count: null, created_by: 'bench', created_at: new Date(), updated_at: new Date() }).execute();
      const res = await scopeIncident(deps, inc.id, inc, scope, 'bench');
      report({ bench: name, metric: 'seconds', value: res.seconds, affected: res.total, vault: res.vault, shares: res.shares, audit: res.audit, subjects, audit_entries: entries, scale, generate_s: Number(generated.toFixed(1)), database: url ? 'postgres' : 'pglite' });
    }
  } finally {
    if (url) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await store.close();
  }
};
export default suite;
