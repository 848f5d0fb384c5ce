// Read suite: purpose-bound reads over HTTP (decision + decrypt + mask + durable audit append) with autocannon on
// loopback; afterwards the audit chain must verify and hold one entry per answered read. BENCH_SECONDS sets the length.
import autocannon from 'autocannon';
import type { BenchSuite } from '../bench.ts';
import { startBenchServer } from '../http-load.ts';

const suite: BenchSuite = async ({ report }) => {
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const b = await startBenchServer('examples/003-online-shop.live.yaml');
  try {
    const svc = (await b.call('POST', '/v1/keys', { name: 'bench', role: 'service', purposes: ['registration'] })).key;
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const id = (await b.call('POST', '/v1/subjects', { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, svc)).id;
      await b.call('PUT', `/v1/subjects/${id}/data`, { values: [{ category: 'phone', value: `139${String(10_000_000 + i).slice(-8)}` }, { category: 'email', value: `user${i}@example.cn` }] }, svc);
      ids.push(id);
    }
    const before = (await b.call('GET', '/v1/audit/verify')).entries as number;
    let i = 0;
    const result = await autocannon({
      url: b.url,
      connections: 32,
      duration: seconds,
      requests: [{
        setupRequest: ((req: Record<string, unknown>) => ({
          ...req, method: 'POST', path: `/v1/subjects/${ids[i++ % ids.length]}/data/read`,
          headers: { authorization: `Bearer ${svc}`, 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: 'registration', categories: ['phone', 'email'] }),
        })) as never,
      }],
    });
    const verify = await b.call('GET', '/v1/audit/verify');
    const reads = verify.entries - before;
    report({ bench: 'read', metric: 'ops_per_s', value: result.requests.average, p99_ms: result.latency.p99, n: result['2xx'], non2xx: result.non2xx, audit_ok: verify.ok, audit_entries: reads, database: b.database, seconds });
    if (!verify.ok || reads < result['2xx']) throw new Error(`audit gap: ${reads} entries for ${result['2xx']} answered reads`);
  } finally {
    await b.stop();
  }
};
export default suite;
