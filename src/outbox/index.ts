// Outbox pillar: events written in the change's transaction, delivered as signed webhooks with retries.
export * from './outbox.service.ts';
