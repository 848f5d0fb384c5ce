// The progress of connector runs per request: the only file of this pillar that touches Custodia's own tables.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Identifies one connector's work for one request. */
export interface RunKey {
  subjectId: string;
  requestId: string;
  connectorId: string;
  op: 'erase';
}

/** What a run has done so far. */
export interface RunState {
  status: 'running' | 'done' | 'failed';
  rows: number;
  batches: number;
  attempts: number;
}

const where = <Q extends { where: (...a: any[]) => Q }>(q: Q, k: RunKey): Q =>
  q.where('subject_id', '=', k.subjectId).where('request_id', '=', k.requestId).where('connector_id', '=', k.connectorId).where('op', '=', k.op);

/** Starts or resumes a run: a finished run stays finished, anything else counts one more attempt. */
export async function beginRun(db: Db, k: RunKey): Promise<RunState> {
  const r = await db
    .insertInto('connector_runs')
    .values({ subject_id: k.subjectId, request_id: k.requestId, connector_id: k.connectorId, op: k.op, status: 'running' })
    .onConflict((oc) =>
      oc.columns(['subject_id', 'request_id', 'connector_id', 'op']).doUpdateSet({
        status: sql`case when connector_runs.status = 'done' then 'done' else 'running' end`,
        attempts: sql`case when connector_runs.status = 'done' then connector_runs.attempts else connector_runs.attempts + 1 end`,
        updated_at: new Date(),
      }),
    )
    .returning(['status', 'rows', 'batches', 'attempts'])
    .executeTakeFirstOrThrow();
  return { status: r.status as RunState['status'], rows: Number(r.rows), batches: r.batches, attempts: r.attempts };
}

/** Adds one committed batch to the run's counters. */
export async function addBatch(db: Db, k: RunKey, rows: number): Promise<void> {
  await where(db.updateTable('connector_runs'), k)
    .set({ rows: sql`rows + ${rows}`, batches: sql`batches + 1`, updated_at: new Date() })
    .execute();
}

/** Closes a run as done or failed; the error is a code-only reason. */
export async function finishRun(db: Db, k: RunKey, status: 'done' | 'failed', error?: string): Promise<RunState> {
  const r = await where(db.updateTable('connector_runs'), k)
    .set({ status, last_error: error ?? null, updated_at: new Date(), finished_at: status === 'done' ? new Date() : null })
    .returning(['status', 'rows', 'batches', 'attempts'])
    .executeTakeFirstOrThrow();
  return { status: r.status as RunState['status'], rows: Number(r.rows), batches: r.batches, attempts: r.attempts };
}

/** The runs of a request, for the rights pillar's status page and for tests. */
export async function listRuns(db: Db, subjectId: string, requestId: string): Promise<(RunState & { connectorId: string; op: string; lastError: string | null })[]> {
  const rows = await db
    .selectFrom('connector_runs')
    .select(['connector_id', 'op', 'status', 'rows', 'batches', 'attempts', 'last_error'])
    .where('subject_id', '=', subjectId)
    .where('request_id', '=', requestId)
    .orderBy('connector_id')
    .execute();
  return rows.map((r) => ({ connectorId: r.connector_id, op: r.op, status: r.status as RunState['status'], rows: Number(r.rows), batches: r.batches, attempts: r.attempts, lastError: r.last_error }));
}
