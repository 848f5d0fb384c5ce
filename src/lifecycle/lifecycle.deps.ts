// What the database-backed lifecycle services need: the database, the key ring, the current registry and a clock.
import type { Kysely } from 'kysely';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { HOLD_CLASS, type KeyRing } from '../vault/index.ts';

/** Injected I/O of the lifecycle services; `clock` is replaceable so tests can move time. */
export interface LifecycleDeps {
  db: Kysely<Database>;
  keyring: KeyRing;
  registry: () => Promise<Registry>;
  clock: () => Date;
  /** Rows per transaction for sweeps and re-encryption (default 5,000). */
  batchSize?: number;
}

/** The retention class whose key survives erasure (shared with the rights pillar's statutory holds). */
export const LEGAL_HOLD_CLASS = HOLD_CLASS;

/** ISO text of a database timestamp, or null. */
export function iso(d: Date | string | null | undefined): string | null {
  return d === null || d === undefined ? null : new Date(d).toISOString();
}
