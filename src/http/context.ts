// Everything the HTTP layer needs, built once by the server and handed to buildApp.
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/index.ts';
import type { Config } from '../config.ts';
import type { KeyAuthenticator } from '../principals/index.ts';
import type { AccessPolicy } from '../access/index.ts';
import type { ConsentService } from '../consent/index.ts';
import type { DeployConfig } from '../deploy.ts';
import type { KeyRing, VaultValues } from '../vault/index.ts';
import type { CurrentRegistry, PublicationHooks } from '../publication/index.ts';
import type { JobQueue, Store } from '../store/index.ts';
import type { DevMailbox, RightsService, RightsVerifier } from '../rights/index.ts';
import type { LifecycleDeps } from '../lifecycle/index.ts';
import type { Checkpoints } from '../checkpoints.ts';

/** The services behind the API. */
export interface AppContext {
  config: Config;
  store: Store;
  audit: AuditWriter;
  /** Signed audit checkpoints: export and verification. */
  checkpoints: Checkpoints;
  jobs: JobQueue;
  keys: KeyAuthenticator;
  hooks: PublicationHooks;
  registry: CurrentRegistry;
  consent: ConsentService;
  deploy: DeployConfig;
  vault: VaultValues;
  keyring: KeyRing;
  rights: RightsService;
  verifier: RightsVerifier;
  /** Retention, legal holds and incidents (the clock is replaceable in tests). */
  lifecycle: LifecycleDeps;
  /** The development mailbox, when codes are not sent for real (shown at GET /dev/mailbox outside production). */
  mailbox?: DevMailbox;
  /** The access policy compiled from the current registry and the deployment's access settings. */
  policy: () => AccessPolicy;
  logger?: Logger | false;
}
