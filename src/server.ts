// Starts Custodia: opens the store, starts the audit writer and job worker, bootstraps the admin key,
// loads a registry when none is published, and serves the API until a signal asks it to stop.
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AuditWriter } from './audit/index.ts';
import type { Config } from './config.ts';
import { buildApp } from './http/app.ts';
import type { AppContext } from './http/context.ts';
import { createLogger } from './log.ts';
import { registerOutboxJobs } from './outbox/index.ts';
import { NatsSink } from './outbox/index.ts';
import { ConnectorRunner } from './connectors/index.ts';
import { countActiveAdmins, createKey, KeyAuthenticator } from './principals/index.ts';
import { CurrentRegistry, getVersion, publishRegistry, type PublicationHooks } from './publication/index.ts';
import { ConsentFeed, ConsentService } from './consent/index.ts';
import { compilePolicy, type AccessPolicy } from './access/index.ts';
import { loadDeployConfig } from './deploy.ts';
import { FileKeyStore, KeyRing, loadMasterKey, MasterKey, MemoryKeyStore, VaultValues } from './vault/index.ts';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { JobQueue, openStore, type StoreOptions } from './store/index.ts';
import { publicationHooks } from './hooks.ts';
import { checkpointSigner, Checkpoints } from './checkpoints.ts';
import { codeSenders, registerRightsJobs, RightsService, RightsVerifier } from './rights/index.ts';
import { registerRetentionJobs, scheduleRetention, type LifecycleDeps } from './lifecycle/index.ts';

/** The registry loaded on first start when none is given: a seed's live configuration. */
export const DEFAULT_DEMO_REGISTRY = 'examples/003-online-shop.live.yaml';

/** A running server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  adminKey?: string;
  stop: () => Promise<void>;
}

/** Opens everything the API needs; `listen: false` builds without a socket (tests use inject). */
export async function startServer(config: Config, opts: { registryFile?: string; listen?: boolean; logger?: Logger | false; print?: (line: string) => void; store?: StoreOptions } = {}): Promise<RunningServer> {
  const started = Date.now();
  const logger = opts.logger === undefined ? createLogger(config.LOG_LEVEL) : opts.logger;
  const print = opts.print ?? ((l: string) => process.stderr.write(`${l}\n`));
  const storeOptions = opts.store ?? (config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL, schema: config.CUSTODIA_DB_SCHEMA } : { dataDir: config.CUSTODIA_DATA_DIR });
  const store = await openStore(storeOptions);
  const jobs = new JobQueue(store.db, { onError: (job, e) => logger && logger.warn({ job: job.id, queue: job.queue, error: (e as Error).message?.slice(0, 200) }, 'job failed') });
  const sinks = config.CUSTODIA_NATS_URL ? [new NatsSink({ url: config.CUSTODIA_NATS_URL })] : [];
  registerOutboxJobs(jobs, { timeoutMs: config.CUSTODIA_WEBHOOK_TIMEOUT_MS, sinks });
  const hooks: PublicationHooks = await publicationHooks();
  const registry = new CurrentRegistry(store.db);
  // several processes on one PostgreSQL database keep their consent caches in step through LISTEN/NOTIFY
  const feed = store.kind === 'postgres' && storeOptions.databaseUrl
    ? new ConsentFeed(storeOptions.databaseUrl, storeOptions.schema, {
      changed: (ids) => consent.projection.invalidate(ids),
      gap: () => consent.projection.forget(),
      error: (e) => logger && logger.warn({ error: e.message?.slice(0, 200) }, 'consent feed connection lost; reconnecting'),
    })
    : undefined;
  const consent = new ConsentService(store.db, registry, { announce: feed });
  const deploy = loadDeployConfig(config.CUSTODIA_DEPLOY);
  const connectors = new ConnectorRunner({ db: store.db, connectors: deploy.connectors, registry: async () => (await registry.load()).registry, logger });
  // keys live apart from the data database: their own directory (or a KMS behind the KeyStore interface)
  const inMemory = !config.DATABASE_URL && config.CUSTODIA_DATA_DIR.startsWith('memory://') || opts.store?.dataDir?.startsWith('memory://') === true;
  const master = inMemory && !config.CUSTODIA_MASTER_KEY
    ? new MasterKey(randomBytes(32)) // throwaway key for an in-memory store (tests)
    : loadMasterKey({ value: config.CUSTODIA_MASTER_KEY, file: config.CUSTODIA_MASTER_KEY_FILE ?? join(config.CUSTODIA_DATA_DIR, 'master.key'), create: true }).key;
  const keyStore = inMemory ? new MemoryKeyStore() : new FileKeyStore(config.CUSTODIA_KEYSTORE_DIR ?? join(config.CUSTODIA_DATA_DIR, 'keys'));
  const keyring = new KeyRing(keyStore, master);
  // audit blocks are signed with a key derived from the master key, which never enters the data database
  const signer = checkpointSigner(master);
  const audit = new AuditWriter(store.db, { signer });
  const checkpoints = new Checkpoints(store.db, signer, {
    file: config.CUSTODIA_AUDIT_EXPORT_FILE,
    intervalSeconds: config.CUSTODIA_AUDIT_EXPORT_SECONDS,
    hasSinks: sinks.length > 0,
    onError: (e) => logger && logger.warn({ error: (e as Error).message?.slice(0, 200) }, 'audit checkpoint export failed'),
  });
  const vault = new VaultValues(store.db, keyring, master.derive('blind-index'), consent, audit);
  const rights = new RightsService({ db: store.db, registry, consent, vault, keyring, connectors, nudge: () => jobs.nudge() });
  registerRightsJobs(jobs, rights);
  // embedded PGlite runs one statement at a time: smaller sweep pages keep reads from waiting behind a page
  const lifecycle: LifecycleDeps = { db: store.db, keyring, registry: async () => (await registry.load()).registry, clock: () => new Date(), batchSize: store.kind === 'pglite' ? 1000 : undefined };
  registerRetentionJobs(jobs, lifecycle, { intervalMinutes: config.CUSTODIA_RETENTION_INTERVAL_MINUTES });
  const senders = codeSenders({ smtpUrl: config.CUSTODIA_SMTP_URL, from: config.CUSTODIA_MAIL_FROM });
  const verifier = new RightsVerifier(store.db, vault, master.derive('rights-verify'), senders, () => new Date(), {}, (e) => logger && logger.warn({ error: (e as Error).message?.slice(0, 200) }, 'verification code not sent'));
  const mailbox = config.NODE_ENV !== 'production' && config.CUSTODIA_DEV_MAILBOX ? senders.mailbox : undefined;
  let policy: AccessPolicy | undefined;
  registry.onChange((v) => (policy = compilePolicy(v.registry, deploy.access)));
  const ctx: AppContext = {
    config, store, audit, checkpoints, jobs, keys: new KeyAuthenticator(store.db), hooks, logger, registry, consent, deploy, vault, keyring,
    rights, verifier, mailbox, lifecycle,
    policy: () => {
      if (!policy) throw new Error('no registry loaded');
      return policy;
    },
  };

  let adminKey: string | undefined;
  if ((await countActiveAdmins(store.db)) === 0) {
    const given = config.CUSTODIA_ADMIN_KEY;
    const issued = await store.db.transaction().execute((trx) => createKey(trx, { name: 'bootstrap admin', role: 'admin' }, 'system:bootstrap', given));
    adminKey = issued.key;
    if (!given) print(`custodia: created the first admin API key (shown once, store it now):\n  ${issued.key}`);
  }

  const current = await getVersion(store.db, 'current').catch(() => undefined);
  const file = opts.registryFile ?? config.CUSTODIA_REGISTRY ?? (current ? undefined : DEFAULT_DEMO_REGISTRY);
  if (file) {
    if (!existsSync(file)) throw new Error(`registry file not found: ${file}`);
    const text = readFileSync(file, 'utf8');
    try {
      const pub = await publishRegistry(store.db, text, 'system:startup', { file, hooks, overrideReason: opts.registryFile || config.CUSTODIA_REGISTRY ? undefined : 'demo registry loaded on first start' });
      print(`custodia: published ${file} as registry version ${pub.versionNo}`);
    } catch (e) {
      if ((e as { code?: string }).code !== 'REGISTRY_VERSION_EXISTS') {
        await store.close();
        throw e;
      }
    }
  }

  await registry.refresh();
  await consent.signer.init();
  await feed?.start();
  audit.start();
  checkpoints.start();
  await scheduleRetention(store.db, config.CUSTODIA_RETENTION_INTERVAL_MINUTES, new Date());
  jobs.start();
  const app = await buildApp(ctx);
  let url = '';
  if (opts.listen !== false) url = await app.listen({ port: config.PORT, host: config.HOST });
  if (logger) logger.info({ url, database: store.kind, startupMs: Date.now() - started }, 'custodia started');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await jobs.stop();
      await Promise.all([...sinks.map((s) => s.close()), connectors.close()]);
      await vault.flushTouched();
      await feed?.stop();
      checkpoints.stop();
      await audit.stop();
      await store.close();
    })());
  return { app, ctx, url, adminKey, stop };
}
