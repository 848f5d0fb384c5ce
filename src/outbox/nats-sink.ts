// The optional NATS JetStream sink: outbox events published to `custodia.<topic>`, de-duplicated by event id.
import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import type { OutboxEnvelope, OutboxSink } from './outbox.sinks.ts';

/** Where and how to publish; the defaults are the stream CUSTODIA over subjects `custodia.>`. */
export interface NatsSinkOptions {
  url: string;
  stream?: string;
  prefix?: string;
  timeoutMs?: number;
}

/** NATS subject of a topic: `<prefix>.<topic>`, with characters NATS reserves replaced. */
export function natsSubject(prefix: string, topic: string): string {
  const tokens = topic.split('.').map((t) => t.replace(/[^A-Za-z0-9_-]/g, '_') || '_');
  return [prefix, ...tokens].join('.');
}

/** Publishes outbox events to JetStream, creating the stream when missing; connects on first use and reconnects after a loss. */
export class NatsSink implements OutboxSink {
  readonly name = 'nats';
  private readonly stream: string;
  private readonly prefix: string;
  private conn: Promise<{ nc: NatsConnection; js: JetStreamClient }> | undefined;

  constructor(private readonly opts: NatsSinkOptions) {
    this.stream = opts.stream ?? 'CUSTODIA';
    this.prefix = opts.prefix ?? 'custodia';
  }

  /** Publishes one event with its id as Nats-Msg-Id, so a retried job is stored once within the duplicate window. */
  async publish(event: OutboxEnvelope): Promise<void> {
    const { js } = await this.connection();
    const ack = await js.publish(natsSubject(this.prefix, event.topic), new TextEncoder().encode(JSON.stringify(event)), { msgID: event.id, timeout: this.opts.timeoutMs ?? 5000 });
    if (ack.stream !== this.stream) throw new Error(`NATS stored the event in stream ${ack.stream}, not ${this.stream}`);
  }

  /** Drains and closes the connection. */
  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    if (c) await (await c.catch(() => undefined))?.nc.drain().catch(() => {});
  }

  private connection(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    const open = this.conn;
    // a connection that gave up reconnecting is replaced on the next publish
    if (open) return open.then((c) => (c.nc.isClosed() ? this.reopen() : c));
    return this.reopen();
  }

  private reopen(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    const c = (async () => {
      const nc = await connect({ servers: this.opts.url, name: 'custodia-outbox', timeout: this.opts.timeoutMs ?? 5000 });
      const jsm = await nc.jetstreamManager();
      try {
        await jsm.streams.info(this.stream);
      } catch {
        await jsm.streams.add({ name: this.stream, subjects: [`${this.prefix}.>`] });
      }
      return { nc, js: nc.jetstream() };
    })();
    this.conn = c;
    c.catch(() => {
      if (this.conn === c) this.conn = undefined;
    });
    return c;
  }
}
