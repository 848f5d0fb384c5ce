// The scheduled sweep: one job per interval slot (deduplicated), lapsed holds released first, then the sweep.
import type { Kysely } from 'kysely';
import { JobQueue, type Database } from '../store/index.ts';
import { releaseLapsedHolds } from './holds.service.ts';
import type { LifecycleDeps } from './lifecycle.deps.ts';
import { runRetentionSweep, type SweepResult } from './retention.sweep.ts';

/** The queue of scheduled sweeps. */
export const RETENTION_QUEUE = 'retention.sweep';

/** Enqueues the sweep of the next interval slot; enqueueing a slot twice (several processes, restarts) is a no-op. */
export async function scheduleRetention(db: Kysely<Database>, intervalMinutes: number, now: Date): Promise<void> {
  if (intervalMinutes <= 0) return;
  const ms = intervalMinutes * 60_000;
  const slot = Math.floor(now.getTime() / ms) + 1;
  await JobQueue.enqueue(db, RETENTION_QUEUE, { slot, intervalMinutes }, { runAt: new Date(slot * ms), dedupeKey: `${RETENTION_QUEUE}:${intervalMinutes}:${slot}`, maxAttempts: 3 });
}

/** Registers the sweep handler; each run schedules the next slot first, so a failing sweep never stops the schedule. */
export function registerRetentionJobs(jobs: JobQueue, deps: LifecycleDeps, opts: { intervalMinutes: number; onSweep?: (r: SweepResult) => void }): void {
  jobs.handle(RETENTION_QUEUE, async (_job, db) => {
    const now = deps.clock();
    await scheduleRetention(db, opts.intervalMinutes, now);
    await releaseLapsedHolds(deps, now);
    opts.onSweep?.(await runRetentionSweep(deps, now));
  });
}
