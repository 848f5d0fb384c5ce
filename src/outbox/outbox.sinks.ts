// Extra outbox destinations beside webhooks (a broker such as NATS JetStream): one idempotent job per event and sink.
import type { JobQueue } from '../store/index.ts';

/** An outbox event as every destination receives it (the webhook body's shape). */
export interface OutboxEnvelope {
  id: string;
  topic: string;
  subject: string | null;
  createdAt: string;
  data: unknown;
}

/** A destination of outbox events; `publish` must be idempotent per event id, since failed jobs are retried. */
export interface OutboxSink {
  readonly name: string;
  publish(event: OutboxEnvelope): Promise<void>;
  close(): Promise<void>;
}

/** The job queue of sink deliveries. */
export const SINK_QUEUE = 'outbox.sink';

/** Registers the handler that hands an event to its sink. */
export function registerSinkJobs(queue: JobQueue, sinks: readonly OutboxSink[]): void {
  if (sinks.length === 0) return;
  const byName = new Map(sinks.map((s) => [s.name, s]));
  queue.handle(SINK_QUEUE, async (job, db) => {
    const { eventId, sink } = job.payload as { eventId: string; sink: string };
    const target = byName.get(sink);
    if (!target) throw new Error(`outbox sink ${sink} is not configured in this process`);
    const e = await db.selectFrom('outbox_events').select(['id', 'topic', 'payload', 'created_at', 'subject_id']).where('id', '=', eventId).executeTakeFirst();
    if (!e) return;
    await target.publish({ id: e.id, topic: e.topic, subject: e.subject_id, createdAt: new Date(e.created_at).toISOString(), data: e.payload });
  });
}
