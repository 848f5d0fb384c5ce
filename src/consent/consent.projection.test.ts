import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../store/index.ts';
import { ConsentProjection } from './index.ts';

// A database whose reads of consent_state wait until the test answers them.
function pendingReads() {
  const reads: ((rows: unknown[]) => void)[] = [];
  const db = { selectFrom: () => ({ select: () => ({ where: () => ({ execute: () => new Promise((r) => reads.push(r)) }) }) }) } as unknown as Kysely<Database>;
  return { db, reads };
}
const state = (status: string, seq: string) => [{ type: 'consent', target: 'p', recipient: '', status, scope_hash: 'h', seq }];
const turn = () => new Promise((r) => setImmediate(r));

it('reads a subject again when another process announces a change while the first read was under way', async () => {
  const { db, reads } = pendingReads();
  const projection = new ConsentProjection(db);
  const warming = projection.warm('s1');
  await turn();
  projection.invalidate(['s1']); // committed elsewhere after the read began: the read may predate it
  reads[0](state('withdrawn', '1'));
  await turn();
  expect(reads).toHaveLength(2);
  reads[1](state('granted', '2'));
  await warming;
  // granted under a scope this registry-less projection does not know: stale, not absent
  expect(projection.check('s1', 'p')).toBe('stale');
});

it('keeps the first read when no change was announced during it, and drops announced subjects from the cache', async () => {
  const { db, reads } = pendingReads();
  const projection = new ConsentProjection(db);
  const warming = projection.warm('s2');
  await turn();
  projection.invalidate(['someone-else']);
  reads[0](state('granted', '1'));
  await warming;
  expect(reads).toHaveLength(1);
  expect(projection.check('s2', 'p')).toBe('stale');
  projection.invalidate(['s2']);
  expect(projection.check('s2', 'p')).toBe('absent'); // not cached any more: the next warm reads it
});
