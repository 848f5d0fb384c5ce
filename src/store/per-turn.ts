// Lookups of one event-loop turn coalesced into one batch: the hot paths' way to share a query without caching.
import DataLoader from 'dataloader';

/**
 * A DataLoader with no cache (every load sees the database as it is) whose batch runs at setImmediate, so it
 * gathers the requests parsed in one poll phase; `load` must return one value per key, in key order.
 */
export function perTurnLoader<K, V>(load: (keys: readonly K[]) => Promise<V[]>, maxBatch = 256): DataLoader<K, V> {
  return new DataLoader(load, { cache: false, batchScheduleFn: (run) => setImmediate(run), maxBatchSize: maxBatch });
}
