// Commands that open the database chain the audit inbox themselves, signing blocks with the deployment's key.
import { join } from 'node:path';
import { AuditWriter, type CheckpointSigner } from '../audit/index.ts';
import { checkpointSigner } from '../checkpoints.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { loadMasterKey } from '../vault/index.ts';

/**
 * The checkpoint signer from the master key the server uses: a block chained here is signed like the server's.
 * A data directory no server has started yet gets its master key here, as `custodia serve` would create it.
 */
export function signerFor(config: Config): CheckpointSigner {
  const master = loadMasterKey({ value: config.CUSTODIA_MASTER_KEY, file: config.CUSTODIA_MASTER_KEY_FILE ?? join(config.CUSTODIA_DATA_DIR, 'master.key'), create: true }).key;
  return checkpointSigner(master);
}

/** Chains what waits in the audit inbox; returns the signer used. */
export async function chainPending(store: Store, config: Config): Promise<CheckpointSigner> {
  const signer = signerFor(config);
  await new AuditWriter(store.db, { signer }).flush();
  return signer;
}
