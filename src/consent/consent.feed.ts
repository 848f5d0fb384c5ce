// Keeps the in-memory consent projections of several processes on one PostgreSQL database in step. Each batch the
// writer commits sends a NOTIFY naming its subjects (pg_notify inside the batch's statement, so it is delivered on
// commit and only then); every other process LISTENs and drops those subjects from its cache, to be reloaded on
// their next check. Without it, a withdrawal recorded by one process would not stop processing checked by another.
// Embedded PGlite is one process (its data directory is locked), so it has no feed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** What the writer needs to announce its commits. */
export interface FeedAnnouncer {
  channel: string;
  origin: string;
}

// NOTIFY payloads must stay under 8,000 bytes
const MAX_PAYLOAD = 7_000;

/** The payloads announcing a batch's subjects: `origin id,id,…`, split to fit. */
export function feedPayloads(origin: string, subjectIds: Iterable<string>): string[] {
  const out: string[] = [];
  let ids: string[] = [];
  let size = origin.length + 1;
  for (const id of subjectIds) {
    if (ids.length > 0 && size + id.length + 1 > MAX_PAYLOAD) {
      out.push(`${origin} ${ids.join(',')}`);
      ids = [];
      size = origin.length + 1;
    }
    ids.push(id);
    size += id.length + 1;
  }
  if (ids.length > 0) out.push(`${origin} ${ids.join(',')}`);
  return out;
}

/** One LISTEN connection per process; reconnects, and on any gap asks for the whole cache to be dropped. */
export class ConsentFeed implements FeedAnnouncer {
  readonly origin = randomUUID().replace(/-/g, '').slice(0, 12);
  readonly channel: string;
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    schema: string | undefined,
    private readonly on: { changed: (subjectIds: string[]) => void; gap: () => void; error?: (e: Error) => void },
  ) {
    // one channel per schema: deployments (and test runs) sharing a server do not hear each other
    this.channel = `custodia_consent:${schema ?? 'public'}`.slice(0, 63);
  }

  /** Connects and listens; fails when the database cannot be reached (later losses are retried). */
  async start(): Promise<void> {
    await this.connect(true);
  }

  private async connect(first: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (m) => {
      if (m.channel !== this.channel || !m.payload) return;
      const space = m.payload.indexOf(' ');
      if (m.payload.slice(0, space) === this.origin) return; // our own commits are already in our cache
      this.on.changed(m.payload.slice(space + 1).split(','));
    });
    const lost = (e?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => {});
      if (this.stopped) return;
      if (e) this.on.error?.(e);
      // notifications sent while we were away are lost: forget everything, then listen again
      this.on.gap();
      this.retry = setTimeout(() => void this.connect(false), 1000);
      this.retry.unref?.();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen "${this.channel.replace(/"/g, '')}"`);
    } catch (e) {
      if (!first) return lost(e as Error);
      this.client = undefined;
      await client.end().catch(() => {});
      throw e;
    }
    if (!first) this.on.gap(); // what was loaded while we were away may have missed a notification
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => {});
  }
}
