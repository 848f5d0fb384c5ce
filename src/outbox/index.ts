// Outbox pillar: events written in the change's transaction, delivered as signed webhooks with retries.
export * from './outbox.service.ts';
export * from './outbox.sinks.ts';
export { NatsSink, natsSubject, type NatsSinkOptions } from './nats-sink.ts';
