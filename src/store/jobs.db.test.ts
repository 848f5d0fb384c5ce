import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { JobQueue } from './jobs.ts';

describeStore('job queue', (store) => {
  it('runs each job once, deduplicates by key, retries with backoff and dead-letters after the last attempt', async () => {
    const { db } = store();
    const seen: string[] = [];
    let failures = 0;
    const queue = new JobQueue(db, { backoffMs: () => 0 })
      .handle('ok', async (job) => void seen.push((job.payload as { n: string }).n))
      .handle('flaky', async () => {
        if (failures++ < 2) throw new Error('temporary failure');
      })
      .handle('broken', async () => {
        throw new Error('always fails');
      });
    await db.transaction().execute(async (trx) => {
      await JobQueue.enqueue(trx, 'ok', { n: 'a' }, { dedupeKey: 'k1' });
      await JobQueue.enqueue(trx, 'ok', { n: 'a-again' }, { dedupeKey: 'k1' });
      await JobQueue.enqueue(trx, 'ok', { n: 'b' });
      await JobQueue.enqueue(trx, 'flaky', {});
      await JobQueue.enqueue(trx, 'broken', {}, { maxAttempts: 3 });
    });
    // a rolled-back transaction enqueues nothing
    await db.transaction().execute(async (trx) => {
      await JobQueue.enqueue(trx, 'ok', { n: 'never' });
      throw new Error('rollback');
    }).catch(() => {});
    await queue.drain();
    expect(seen.sort()).toEqual(['a', 'b']);
    const rows = await db.selectFrom('jobs').select(['queue', 'status', 'attempts', 'last_error']).orderBy('id').execute();
    expect(rows.find((r) => r.queue === 'flaky')).toMatchObject({ status: 'done', attempts: 3 });
    expect(rows.find((r) => r.queue === 'broken')).toMatchObject({ status: 'dead', attempts: 3, last_error: 'always fails' });
  });

  it('lets two workers share the queue without running a job twice', async () => {
    const { db } = store();
    const counts = new Map<string, number>();
    const handler = async (job: { payload: unknown }) => {
      const n = (job.payload as { n: string }).n;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    };
    for (let i = 0; i < 200; i++) await JobQueue.enqueue(db, 'par', { n: String(i) });
    const a = new JobQueue(db, { batch: 7 }).handle('par', handler);
    const b = new JobQueue(db, { batch: 5 }).handle('par', handler);
    await Promise.all([a.drain(), b.drain()]);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });
});
