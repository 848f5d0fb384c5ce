// The job queue: rows in `jobs`, enqueued inside the caller's transaction, claimed with FOR UPDATE SKIP LOCKED.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/** A claimed job as a handler sees it. */
export interface JobRecord {
  id: string;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Handles one job; throwing schedules a retry with backoff, and after the last attempt a dead letter. */
export type JobHandler = (job: JobRecord, db: Kysely<Database>) => Promise<void>;

type Db = Kysely<Database> | Transaction<Database>;

/** Options of one enqueued job. `dedupeKey` makes enqueueing idempotent. */
export interface EnqueueOptions {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at one hour. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Runs registered handlers over the jobs table; one instance per process. */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: { pollMs?: number; batch?: number; backoffMs?: (attempt: number) => number; onError?: (job: JobRecord, e: unknown) => void } = {},
  ) {}

  /** Registers the handler of a queue. */
  handle(queue: string, handler: JobHandler): this {
    this.handlers.set(queue, handler);
    return this;
  }

  /** Adds a job inside the given transaction (or on its own). Returns its id, or undefined when deduplicated. */
  static async enqueue(db: Db, queue: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string | undefined> {
    const row = await db
      .insertInto('jobs')
      .values({ queue, payload: JSON.stringify(payload), run_at: opts.runAt ?? new Date(), dedupe_key: opts.dedupeKey ?? null, max_attempts: opts.maxAttempts ?? 8 })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Starts polling; `nudge()` makes it look at once. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks the worker to look for due jobs now (after a local enqueue). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for jobs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs every due job once; returns how many ran. For tests and the CLI. */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runBatch();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : (this.opts.pollMs ?? 1000));
        this.again = false;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.runBatch()) > 0);
    } catch (e) {
      this.opts.onError?.({ id: '', queue: '', payload: null, attempts: 0, maxAttempts: 0 }, e);
    }
  }

  private async runBatch(): Promise<number> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return 0;
    const claimed = await sql<{ id: string; queue: string; payload: unknown; attempts: number; max_attempts: number }>`
      update jobs set status = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes'
      where id in (
        select id from jobs
        where queue in (${sql.join(queues)})
          and ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at, id
        limit ${this.opts.batch ?? 20}
        for update skip locked)
      returning id, queue, payload, attempts, max_attempts`.execute(this.db);
    const done = await Promise.all(claimed.rows.map((r) => this.runOne({ id: r.id, queue: r.queue, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts })));
    // finished jobs are marked in one statement: batch writers enqueue a job per batch, so this runs often
    const ids = claimed.rows.filter((_, i) => done[i]).map((r) => r.id);
    if (ids.length > 0) await this.db.updateTable('jobs').set({ status: 'done', finished_at: new Date(), locked_until: null, last_error: null }).where('id', '=', sql<string>`any(${ids}::bigint[])`).execute();
    return claimed.rows.length;
  }

  /** Runs one claimed job; true when it succeeded (the caller marks it done), a failure is rescheduled here. */
  private async runOne(job: JobRecord): Promise<boolean> {
    try {
      await this.handlers.get(job.queue)!(job, this.db);
      return true;
    } catch (e) {
      this.opts.onError?.(job, e);
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const dead = job.attempts >= job.maxAttempts;
      const delay = (this.opts.backoffMs ?? defaultBackoffMs)(job.attempts);
      await this.db
        .updateTable('jobs')
        .set({ status: dead ? 'dead' : 'pending', last_error: message, locked_until: null, run_at: new Date(Date.now() + delay), finished_at: dead ? new Date() : null })
        .where('id', '=', job.id)
        .execute();
      return false;
    }
  }
}
