// What an audit entry says: references and categories only, never personal values.
import { createHash } from 'node:crypto';

/** One auditable event. `details` holds ids, counts and codes; never a personal value. */
export interface AuditEvent {
  actor: string;
  action: string;
  subject?: string;
  target?: string;
  purpose?: string;
  categories?: string[];
  decision?: 'allow-full' | 'allow-masked' | 'deny';
  rule?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** The hash of the chain before its first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Hash of one entry, chained to the previous entry's hash. */
export function entryHash(prevHash: string, seq: string, ts: Date, body: string): string {
  return entryHashIso(prevHash, seq, ts.toISOString(), body);
}

/** The same with the time already as ISO 8601 UTC with milliseconds (verification reads it so from the database). */
export function entryHashIso(prevHash: string, seq: string, iso: string, body: string): string {
  return createHash('sha256').update(`${prevHash}|${seq}|${iso}|${body}`).digest('hex');
}

/** Serialises an event the one way it is stored and hashed. */
export function serializeEvent(e: AuditEvent): string {
  return JSON.stringify(e);
}
