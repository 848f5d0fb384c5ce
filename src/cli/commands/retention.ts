// `custodia retention plan|sweep`: what the registry's retention says must go now, and erasing it (locally or through the API).
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { planRetention, runRetentionSweep, type LifecycleDeps, type RetentionPlan, type SweepResult } from '../../lifecycle/index.ts';
import { CurrentRegistry } from '../../publication/index.ts';
import type { Store } from '../../store/index.ts';
import { FileKeyStore, KeyRing, loadMasterKey } from '../../vault/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';
import { apiError, withDataOrApi } from '../cli.target.ts';
import { chainPending } from '../cli.audit.ts';

function deps(store: Store, config: Config, withKeys: boolean): LifecycleDeps {
  const current = new CurrentRegistry(store.db);
  // a plan never touches keys; only a sweep opens the key store (to destroy keys no value needs)
  const keyring = withKeys
    ? new KeyRing(new FileKeyStore(config.CUSTODIA_KEYSTORE_DIR ?? join(config.CUSTODIA_DATA_DIR, 'keys')), loadMasterKey({ value: config.CUSTODIA_MASTER_KEY, file: config.CUSTODIA_MASTER_KEY_FILE ?? join(config.CUSTODIA_DATA_DIR, 'master.key'), create: false }).key)
    : (undefined as unknown as KeyRing);
  return { db: store.db, keyring, registry: async () => (await current.load()).registry, clock: () => new Date() };
}

function printPlan(p: RetentionPlan, out: (t: string) => void): void {
  out(`${p.total} value(s) past retention at ${p.at}; ${p.held} held by legal holds`);
  for (const c of p.counts) out(`  ${c.category.padEnd(24)} ${c.purpose.padEnd(28)} ${c.count}`);
  for (const u of p.undecided) out(`  undecided: ${u.category} (${u.purposes.join(', ') || 'no purpose'}): ${u.reason}, ${u.count} value(s)`);
}

function printSweep(r: SweepResult, out: (t: string) => void): void {
  out(`erased ${r.erased} value(s) in ${r.batches} batch(es) at ${r.at} (${r.seconds.toFixed(2)} s); ${r.keysDestroyed} key(s) destroyed; ${r.held} held`);
  for (const c of r.counts) out(`  ${c.category.padEnd(24)} ${c.purpose.padEnd(28)} ${c.count}`);
}

export const command: CliCommand = {
  summary: 'list what retention says must be erased (plan) or erase it now (sweep); legal holds are skipped',
  usage: 'custodia retention plan|sweep [--data DIR] [--url URL] [--format json] [--at ISO (plan only)]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' }, url: { type: 'string' }, format: { type: 'string', default: 'text' }, at: { type: 'string' } });
    const [verb, ...extra] = positionals;
    if ((verb !== 'plan' && verb !== 'sweep') || extra.length > 0) throw new UsageError('expected: retention plan|sweep');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown --format "${values.format}"; use json`);
    if (values.at !== undefined && (verb !== 'plan' || Number.isNaN(Date.parse(values.at)))) throw new UsageError(verb === 'plan' ? `--at "${values.at}" is not an ISO 8601 date` : '--at applies to plan only');
    const at = values.at ? new Date(values.at) : new Date();
    const target = { url: values.url, data: values.data };
    const show = (r: object) => (values.format === 'json' ? io.out(JSON.stringify(r)) : verb === 'plan' ? printPlan(r as RetentionPlan, io.out) : printSweep(r as SweepResult, io.out));
    const result = await withDataOrApi<RetentionPlan | SweepResult>(
      target,
      async (store, config) => {
        if (verb === 'plan') return planRetention(deps(store, config, false), at);
        const r = await runRetentionSweep(deps(store, config, true), at, 'cli:retention');
        await chainPending(store, config); // chain the sweep's entries before the store closes
        return r;
      },
      async (api) => {
        const r = verb === 'plan' ? await api.call('GET', `/v1/retention/plan?at=${encodeURIComponent(at.toISOString())}`) : await api.call('POST', '/v1/retention/sweep');
        if (r.status !== 200) throw apiError(r);
        return r.json;
      },
    );
    show(result);
    return 0;
  },
};
