// Publication: registry versions stored immutably, gated by lint, audited and announced through the outbox.
export * from './publication.service.ts';
export { CurrentRegistry, type LoadedVersion } from './current-registry.ts';
