// Retention suite: expired values erased per second by the batched sweep, while a concurrent reader does purpose-bound
// vault reads (decision, decrypt, durable audit append) of values that stay; its p99 shows whether the sweep stalls reads.
// PostgreSQL when DATABASE_URL is set (a fresh schema), else embedded PGlite. BENCH_RETENTION_VALUES sets the size.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { compilePolicy } from '../../src/access/index.ts';
import { AuditWriter } from '../../src/audit/index.ts';
import { ConsentService } from '../../src/consent/index.ts';
import { runRetentionSweep } from '../../src/lifecycle/index.ts';
import type { Principal } from '../../src/principals/index.ts';
import { CurrentRegistry, publishRegistry } from '../../src/publication/index.ts';
import { openStore } from '../../src/store/index.ts';
import { KeyRing, MasterKey, MemoryKeyStore, VaultValues } from '../../src/vault/index.ts';
import type { BenchSuite } from '../bench.ts';

const REGISTRY = 'examples/000-broker.live.yaml';

const suite: BenchSuite = async ({ report }) => {
  const url = process.env.DATABASE_URL;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore(url ? { databaseUrl: url, schema, poolSize: 8 } : { dataDir: 'memory://' });
  const n = Number(process.env.BENCH_RETENTION_VALUES ?? (url ? 1_000_000 : 50_000));
  const audit = new AuditWriter(store.db);
  try {
    const db = store.db;
    await publishRegistry(db, readFileSync(REGISTRY, 'utf8'), 'bench', { overrideReason: 'bench' });
    const current = new CurrentRegistry(db);
    const { registry } = await current.load();
    const keyring = new KeyRing(new MemoryKeyStore(), new MasterKey(randomBytes(32)));
    const vault = new VaultValues(db, keyring, randomBytes(32), new ConsentService(db, current), audit);
    audit.start();
    // readers: 200 visitors whose log entry is fresh, read for visitor registration during the sweep
    const readers: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = `sub_r${String(i).padStart(29, '0')}`;
      await sql`insert into subjects (id, role, regimes, language) values (${id}, 'visitor', '["gdpr"]'::jsonb, 'zh-Hant')`.execute(db);
      await vault.put(registry, id, [{ category: 'visit-record', value: `visit ${i}`, purposes: ['visitor-registration'] }], 'bench');
      readers.push(id);
    }
    // n expired values: half CCTV footage (P30D), half visitor logs (P90D), collected a year ago, two per person
    const people = Math.ceil(n / 2);
    await sql`insert into subjects (id, role, regimes, language) select 'sub_x' || lpad(g::text, 27, '0'), 'visitor', '["gdpr"]'::jsonb, 'zh-Hant' from generate_series(1, ${people}) g`.execute(db);
    for (const [cat, purpose] of [['cctv-footage', 'cctv'], ['visit-record', 'visitor-registration']]) {
      await sql`insert into vault_values (subject_id, category, token, retention_class, ciphertext, purposes, collected_at, updated_at)
        select 'sub_x' || lpad(g::text, 27, '0'), ${cat}, 'tok_' || ${cat} || g, 'standard', decode(md5(g::text), 'hex'), ${JSON.stringify([purpose])}::jsonb, now() - interval '365 days', now() - interval '365 days'
        from generate_series(1, ${people}) g`.execute(db);
    }
    await sql`analyze`.execute(db);
    const principal: Principal = { id: 'bench', name: 'bench', kind: 'service', role: 'service', department: null, purposes: ['visitor-registration'] };
    const policy = compilePolicy(registry);
    const latencies: number[] = [];
    let sweeping = true;
    const reader = (async () => {
      let i = 0;
      while (sweeping) {
        const t0 = process.hrtime.bigint();
        const r = await vault.read(policy, principal, readers[i++ % readers.length], 'visitor-registration', ['visit-record']);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.values[0]?.value === undefined) throw new Error(`a kept value was not readable: ${r.decision.rule}`);
      }
    })();
    const deps = { db, keyring, registry: async () => registry, clock: () => new Date(), batchSize: Number(process.env.BENCH_RETENTION_BATCH ?? 5000) };
    let result;
    try {
      result = await runRetentionSweep(deps, new Date());
    } finally {
      sweeping = false;
      await reader;
    }
    if (result.erased !== people * 2) throw new Error(`erased ${result.erased} of ${people * 2}`);
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    report({
      bench: 'retention', metric: 'ops_per_s', value: result.erased / result.seconds, n: result.erased, seconds: result.seconds, batches: result.batches,
      read_p99_ms: Number(p(0.99).toFixed(2)), read_p50_ms: Number(p(0.5).toFixed(2)), reads: latencies.length, database: url ? 'postgres' : 'pglite',
    });
  } finally {
    await audit.stop().catch(() => {});
    if (url) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
};
export default suite;
