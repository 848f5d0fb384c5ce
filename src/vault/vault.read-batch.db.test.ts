import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { ReadBatcher } from './vault.read-batch.ts';

describeStore('coalesced vault reads', (store) => {
  it('answers concurrent reads of several people with one query, each with only its own subject and categories', async () => {
    const base = store().db;
    let queries = 0;
    const counting: KyselyPlugin = { transformQuery: (a) => (queries++, a.node), transformResult: async (a) => a.result };
    const db = base.withPlugin(counting);
    const ids = ['sub_rb0000000000000000000000000001', 'sub_rb0000000000000000000000000002', 'sub_rb0000000000000000000000000003'];
    await base.insertInto('subjects').values(ids.map((id, i) => ({ id, role: i === 2 ? 'staff' : 'customer', regimes: JSON.stringify(['pipl']), language: 'zh-Hans', adult_from: JSON.stringify({}), status: i === 1 ? 'erased' : 'active' }))).execute();
    const row = (subject_id: string, category: string) => ({ subject_id, category, token: `tok_${subject_id.slice(-1)}${category}`, retention_class: 'default', ciphertext: new TextEncoder().encode(`${subject_id}/${category}`), purposes: JSON.stringify(['p']), collected_at: new Date(), updated_at: new Date() });
    await base.insertInto('vault_values').values([row(ids[0], 'phone'), row(ids[0], 'email'), row(ids[2], 'phone'), row(ids[2], 'address')]).execute();
    const batcher = new ReadBatcher(db);
    queries = 0;
    const [a, b, c, none, again] = await Promise.all([
      batcher.load(ids[0], ['phone']),
      batcher.load(ids[1], ['phone', 'email']),
      batcher.load(ids[2], ['email', 'address']),
      batcher.load('sub_nobody000000000000000000000000', ['phone']),
      batcher.load(ids[0], ['email', 'phone']),
    ]);
    expect(queries).toBe(1);
    const text = (r: typeof a, c: string) => new TextDecoder().decode(r.rows.get(c)!.ciphertext);
    expect(a.subject).toMatchObject({ id: ids[0], role: 'customer', status: 'active' });
    expect([...a.rows.keys()]).toEqual(['phone']);
    expect(text(a, 'phone')).toBe(`${ids[0]}/phone`);
    expect(b.subject?.status).toBe('erased');
    expect(b.rows.size).toBe(0);
    expect(c.subject).toMatchObject({ id: ids[2], role: 'staff' });
    expect([...c.rows.keys()]).toEqual(['address']);
    expect(text(c, 'address')).toBe(`${ids[2]}/address`);
    expect(none).toEqual({ rows: new Map() });
    expect([...again.rows.keys()].sort()).toEqual(['email', 'phone']);
    expect(text(again, 'email')).toBe(`${ids[0]}/email`);
    // reads in a later turn see later writes: nothing is cached
    await base.deleteFrom('vault_values').where('subject_id', '=', ids[0]).where('category', '=', 'phone').execute();
    expect((await batcher.load(ids[0], ['phone'])).rows.size).toBe(0);
  });
});
