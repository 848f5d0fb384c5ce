// Consent suite: in-process consent checks (subject, purpose) from the warm projection, side by side with the same
// decisions as Cedar policies in cedar-wasm; and consent grants over HTTP into the database with autocannon.
// BENCH_SECONDS sets the HTTP run length (the target is stated for 60 s). lost = acknowledged grants missing from the
// database afterwards; stored_unacknowledged = grants committed while their responses were in flight when the load stopped.
import { randomBytes } from 'node:crypto';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { syntheticRegistry } from '../../src/access/access.synthetic.ts';
import { ConsentProjection, currentScopes } from '../../src/consent/index.ts';
import { openStore } from '../../src/store/index.ts';
import { opsPerSecond, type BenchSuite } from '../bench.ts';
import { startBenchServer } from '../http-load.ts';

const suite: BenchSuite = async ({ report }) => {
  // --- in process: 1,000 subjects, 50 purposes, half granted, some stale
  const { registry } = syntheticRegistry(7);
  const scopes = currentScopes(registry);
  const store = await openStore({ dataDir: 'memory://' });
  const purposes = registry.purposes.map((p) => p.id);
  const subjects = Array.from({ length: 1000 }, (_, i) => `sub_${String(i).padStart(32, '0')}`);
  const rows = subjects.flatMap((s, i) => purposes.filter((_, j) => (i + j) % 2 === 0).map((p, j) => ({
    subject_id: s, type: 'consent' as const, target: p, recipient: '', status: 'granted' as const, kind: 'general', seq: String(j + 1),
    scope_hash: (i + j) % 7 === 0 ? 'old' : scopes.get(`consent\u0000${p}\u0000`)!, registry_version: 1, updated_at: new Date(),
  })));
  for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('consent_state').values(rows.slice(i, i + 1000)).execute();
  const projection = new ConsentProjection(store.db);
  projection.setRegistry(registry);
  for (const s of subjects) await projection.warm(s);
  const queries = Array.from({ length: 4096 }, (_, i) => [subjects[(i * 7919) % subjects.length], purposes[(i * 31) % purposes.length]] as const);
  let k = 0;
  const ours = opsPerSecond(() => projection.check(queries[k & 4095][0], queries[k++ & 4095][1]), 1500);

  // Cedar: the same answer (granted only when the granted scope hash is the current one), one policy per purpose
  const policies = purposes.map((p) => `permit(principal, action == Action::"check", resource == Purpose::${JSON.stringify(p)}) when { context.granted has ${JSON.stringify(p)} && context.granted[${JSON.stringify(p)}] == ${JSON.stringify(scopes.get(`consent\u0000${p}\u0000`))} };`).join('\n');
  const parsed = cedar.preparsePolicySet('consent', { staticPolicies: policies });
  if (parsed.type !== 'success') throw new Error(JSON.stringify(parsed.errors));
  const grantedOf = new Map(subjects.map((s) => [s, Object.fromEntries(rows.filter((r) => r.subject_id === s).map((r) => [r.target, r.scope_hash]))]));
  const cedarCheck = (s: string, p: string) => {
    const a = cedar.statefulIsAuthorized({ principal: { type: 'Subject', id: s }, action: { type: 'Action', id: 'check' }, resource: { type: 'Purpose', id: p }, context: { granted: grantedOf.get(s)! }, entities: [], preparsedPolicySetId: 'consent', validateRequest: false });
    if (a.type !== 'success') throw new Error(JSON.stringify(a.errors));
    return a.response.decision === 'allow';
  };
  for (const [s, p] of queries) if ((projection.check(s, p) === 'granted') !== cedarCheck(s, p)) throw new Error(`engines disagree on ${s} ${p}`);
  let c = 0;
  const peer = opsPerSecond(() => cedarCheck(queries[c & 4095][0], queries[c++ & 4095][1]), 1500);
  report({ bench: 'consent', metric: 'ops_per_s', value: ours, peer: 'cedar-wasm', peer_value: peer, ratio: ours / peer, purposes: purposes.length, subjects: subjects.length });
  await store.close();

  // --- over HTTP: grants into the database, group-committed
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const b = await startBenchServer('examples/003-online-shop.live.yaml');
  try {
    const svc = (await b.call('POST', '/v1/keys', { name: 'bench', role: 'service', purposes: ['registration'] })).key;
    const version = (await b.call('GET', '/v1/registry')).versionNo;
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++) ids.push((await b.call('POST', '/v1/subjects', { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, svc)).id);
    const optional = ['account-profile', 'recommendation', 'service-improvement', 'statistics', 'photo-shopping'];
    const notice = randomBytes(32).toString('hex');
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
    const result = await loadGrants(b.url, svc, ids, optional, version, notice, seconds, connections);
    const stored = await b.count('consent_events');
    report({ bench: 'grant', metric: 'ops_per_s', value: result.rps, p99_ms: result.p99, n: result.ok, stored_events: stored, lost: Math.max(0, result.ok - stored), stored_unacknowledged: Math.max(0, stored - result.ok), non2xx: result.non2xx, database: b.database, seconds, connections });
  } finally {
    await b.stop();
  }
};

async function loadGrants(url: string, key: string, ids: string[], purposes: string[], version: number, notice: string, seconds: number, connections: number) {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{
      setupRequest: ((req: Record<string, unknown>) => {
        const n = i++;
        return {
          ...req,
          method: 'POST',
          path: `/v1/subjects/${ids[n % ids.length]}/consents`,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ purposes: [{ purpose: purposes[n % purposes.length] }], kind: 'general', action: 'button', registryVersion: version, noticeHash: notice, channel: 'web' }),
        };
      }) as never,
    }],
  });
  return { rps: result.requests.average, ok: result['2xx'], non2xx: result.non2xx, p99: result.latency.p99 };
}

export default suite;
