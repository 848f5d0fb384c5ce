// Server suite: start-up time of `custodia serve` (fresh and warm, PGlite and PostgreSQL) and publish latency.
import { readFileSync } from 'node:fs';
import { startBenchServer } from '../http-load.ts';
import type { BenchSuite } from '../bench.ts';

const suite: BenchSuite = async ({ report }) => {
  const source = readFileSync('test/fixtures/minimal.yaml', 'utf8');
  const databases = [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
  for (const url of databases) {
    const t0 = Date.now();
    const b = await startBenchServer('test/fixtures/minimal.yaml', { databaseUrl: url });
    const fresh = (Date.now() - t0) / 1000;
    try {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = process.hrtime.bigint();
        const r = await b.call('POST', '/v1/registry/versions', { source: source.replace('version: "1.0.0"', `version: "2.0.${i}"`) });
        if (!r?.versionNo) throw new Error(`publish failed: ${JSON.stringify(r)}`);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, c) => a - c);
      report({ bench: 'startup', metric: 'seconds', value: fresh, database: b.database, data: 'fresh (migrations, key, demo registry)' });
      report({ bench: 'publish', metric: 'ms', value: times[Math.floor(times.length / 2)], p99_ms: times[times.length - 1], n: times.length, database: b.database });
      const t1 = Date.now();
      await b.restart();
      report({ bench: 'startup', metric: 'seconds', value: (Date.now() - t1) / 1000, database: b.database, data: 'existing' });
    } finally {
      await b.stop();
    }
  }
};
export default suite;
