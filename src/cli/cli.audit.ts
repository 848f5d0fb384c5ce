// Commands that open the database chain the audit inbox themselves, signing blocks with the deployment's key.
import { join } from 'node:path';
import { AuditWriter, type CheckpointSigner } from '../audit/index.ts';
import { checkpointSigner } from '../checkpoints.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { loadMasterKey } from '../vault/index.ts';

/** The checkpoint signer from the master key the server uses, or undefined when this machine does not hold that key. */
export function signerFor(config: Config): CheckpointSigner | undefined {
  try {
    const master = loadMasterKey({ value: config.CUSTODIA_MASTER_KEY, file: config.CUSTODIA_MASTER_KEY_FILE ?? join(config.CUSTODIA_DATA_DIR, 'master.key'), create: false }).key;
    return checkpointSigner(master);
  } catch {
    return undefined;
  }
}

/**
 * Chains what waits in the audit inbox and returns the signer used. Without the master key, blocks could only be
 * written unsigned, which is fine before the first signed block (a data directory no server has started) and would
 * read as a stripped signature after it; then the inbox is left for the server to chain.
 */
export async function chainPending(store: Store, config: Config): Promise<CheckpointSigner | undefined> {
  const signer = signerFor(config);
  if (!signer && (await store.db.selectFrom('audit_blocks').select('block_no').where('signature', 'is not', null).limit(1).executeTakeFirst())) return undefined;
  await new AuditWriter(store.db, { signer }).flush();
  return signer;
}
