// Principals pillar: staff roles and service accounts, API keys hashed at rest, permissions per role.
export * from './principals.model.ts';
export * from './keys.service.ts';
