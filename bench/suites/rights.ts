// Rights suite: erasure and export of one person with 10,000 vault values, and 1,000 requests through the job queue.
// The vault keeps one value per (subject, category), so the suite publishes a generated registry with 10,000
// categories (plus a legal-obligation purpose holding 10 of them) and stores one value in each.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.ts';
import { publishRegistry } from '../../src/publication/index.ts';
import { processRequest, type RightsService } from '../../src/rights/index.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { createSubject } from '../../src/subjects/index.ts';
import { seconds, type BenchSuite } from '../bench.ts';

const VALUES = 10_000;
const QUEUED = 1_000;

/** A registry with `n` categories, all used by one contract purpose; the first 10 are also kept by a legal obligation. */
export function bigRegistry(n: number): string {
  const L = (en: string) => ({ en });
  const ids = Array.from({ length: n }, (_, i) => `f${String(i).padStart(5, '0')}`);
  return stringify({
    organization: { id: 'bench', names: L('Bench Ltd'), contact: { email: 'privacy@bench.example' }, regimes: ['gdpr'], languages: ['en'], version: '1.0.0', effectiveDate: '2026-01-01', supervisoryAuthority: L('Bench authority') },
    categories: [{ id: 'email', kind: 'email', labels: L('Email') }, ...ids.map((id) => ({ id, kind: 'other', labels: L(`Field ${id}`) }))],
    roles: [{ id: 'customer', labels: L('Customer') }],
    purposes: [
      { id: 'account', labels: L('Account'), categories: ['email', ...ids], roles: ['customer'], legalBasis: 'contract', required: true, method: L('Stored to run the account'), retention: { until: 'account-closed', grace: 'P30D' } },
      { id: 'records', labels: L('Records the law requires'), categories: ids.slice(0, 10), roles: ['customer'], legalBasis: 'legal-obligation', required: true, method: L('Kept'), retention: { duration: 'P5Y', rule: L('Kept five years by law') } },
    ],
    recipients: [{ id: 'crm', names: L('CRM processor'), kind: 'processor', country: 'IE', purposes: ['account'], categories: ['email', ...ids.slice(0, 100)], contact: { email: 'dpo@crm.example' }, contract: true }],
    rightsChannels: [{ id: 'center', kind: 'web', labels: L('Privacy center'), rights: ['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'portability', 'close-account', 'complain'] }],
    fees: { firstCopyFree: true, amount: 5, currency: 'EUR', period: 'P12M' },
  });
}

export async function person(s: RunningServer, values: number): Promise<string> {
  const { registry } = await s.ctx.registry.load();
  const subject = await s.ctx.store.db.transaction().execute((trx) => createSubject(trx, registry, { role: 'customer', regimes: ['gdpr'], language: 'en' }, 'bench'));
  const rows = [{ category: 'email', value: `p${subject.id.slice(4, 12)}@bench.example` }, ...Array.from({ length: values - 1 }, (_, i) => ({ category: `f${String(i).padStart(5, '0')}`, value: `value ${i} of ${subject.id}` }))];
  await s.ctx.vault.put(registry, subject.id, rows, 'bench');
  return subject.id;
}

/** Files a request and runs its work once (the worker is stopped, so nothing else claims it). */
async function run(rights: RightsService, subjectId: string, type: string): Promise<void> {
  const r = await rights.create(subjectId, { type }, { actor: 'bench', requester: 'subject' });
  await processRequest(rights, subjectId, r.id);
  const done = await rights.get({ subjectId }, r.id);
  if (done.status !== 'completed') throw new Error(`${type} did not complete: ${done.lastError}`);
}

const suite: BenchSuite = async ({ report }) => {
  // PGlite in memory by default; PostgreSQL in a throwaway schema when DATABASE_URL is set
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const schema = `bench_rights_${randomBytes(4).toString('hex')}`;
  const store = config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL, schema } : { dataDir: 'memory://' };
  const s = await startServer(config, { store, registryFile: 'test/fixtures/minimal.yaml', listen: false, logger: false, print: () => {} });
  try {
    await publishRegistry(s.ctx.store.db, bigRegistry(VALUES - 1), 'bench', { hooks: s.ctx.hooks, overrideReason: 'benchmark registry' });
    await s.ctx.registry.refresh();
    await s.ctx.jobs.stop();
    const rights = s.ctx.rights;

    const exported = await person(s, VALUES);
    report({ bench: 'export', metric: 'seconds', value: await seconds(() => run(rights, exported, 'portability')), n: VALUES, target: 3, db: s.ctx.store.kind });

    const erased = await person(s, VALUES);
    report({ bench: 'erasure', metric: 'seconds', value: await seconds(() => run(rights, erased, 'erase')), n: VALUES, kept: 10, target: 5, db: s.ctx.store.kind });

    // 1,000 people each file one request at once; the queue must run each exactly once
    const { registry } = await s.ctx.registry.load();
    const ids = await s.ctx.store.db.transaction().execute(async (trx) => {
      const out: string[] = [];
      for (let i = 0; i < QUEUED; i++) out.push((await createSubject(trx, registry, { role: 'customer', regimes: ['gdpr'], language: 'en' }, 'bench')).id);
      return out;
    });
    const start = process.hrtime.bigint();
    await Promise.all(ids.map((id) => rights.create(id, { type: 'restrict' }, { actor: 'bench', requester: 'subject' })));
    while ((await s.ctx.jobs.drain(1000)) > 0);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    const db = s.ctx.store.db;
    const completed = await db.selectFrom('rights_requests').select((eb) => eb.fn.countAll<string>().as('n')).where('type', '=', 'restrict').where('status', '=', 'completed').executeTakeFirstOrThrow();
    const runs = await db.selectFrom('rights_request_events').select((eb) => eb.fn.countAll<string>().as('n')).where('event', '=', 'run').where('subject_id', 'in', ids).executeTakeFirstOrThrow();
    const lost = QUEUED - Number(completed.n);
    const duplicated = Number(runs.n) - Number(completed.n);
    report({ bench: 'queue', metric: 'requests_per_s', value: QUEUED / elapsed, n: QUEUED, completed: Number(completed.n), lost, duplicated, db: s.ctx.store.kind });
    if (lost !== 0 || duplicated !== 0) throw new Error(`queue lost ${lost} and duplicated ${duplicated} requests`);
  } finally {
    await s.ctx.jobs.stop();
    await s.ctx.audit.stop();
    if (config.DATABASE_URL) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(s.ctx.store.db);
      s.ctx.audit.stop = async () => {};
    }
    await s.stop();
  }
};
export default suite;
