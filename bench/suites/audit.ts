// Audit suite: append rate through the group-commit writer, and chain verification rate reading from the database.
// Runs on PostgreSQL when DATABASE_URL is set (a fresh schema), else on embedded PGlite.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { AuditWriter, verifyAuditChain } from '../../src/audit/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { BenchSuite } from '../bench.ts';

const suite: BenchSuite = async ({ report }) => {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  const store = await openStore(url ? { databaseUrl: url, schema } : { dataDir: 'memory://' });
  const n = Number(process.env.BENCH_AUDIT_ENTRIES ?? 300_000);
  try {
    const writer = new AuditWriter(store.db, { maxBlock: 5000 });
    const t0 = process.hrtime.bigint();
    const pending: Promise<string>[] = [];
    for (let i = 0; i < n; i++) {
      pending.push(writer.append({ actor: `service:k${i % 17}`, action: 'data.read', subject: `sub_${String(i % 5000).padStart(32, '0')}`, purpose: `p${i % 50}`, categories: ['phone', 'email'], decision: 'allow-full', rule: 'ALLOW' }));
      if (pending.length >= 20_000) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const appendS = Number(process.hrtime.bigint() - t0) / 1e9;
    report({ bench: 'audit-append', metric: 'ops_per_s', value: n / appendS, n, database: url ? 'postgres' : 'pglite' });
    const t1 = process.hrtime.bigint();
    const v = await verifyAuditChain(store.db);
    const verifyS = Number(process.hrtime.bigint() - t1) / 1e9;
    if (!v.ok || v.entries !== n) throw new Error(`chain did not verify: ${JSON.stringify(v.firstBad)}`);
    report({ bench: 'audit', metric: 'ops_per_s', value: n / verifyS, n, seconds: verifyS, database: url ? 'postgres' : 'pglite' });
  } finally {
    if (url) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
};
export default suite;
