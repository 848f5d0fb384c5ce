import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from './index.ts';
import { exclusivePGliteDialect } from './pglite-exclusive.ts';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await sql`create table iso_probe (x int)`.execute(store.db);
});
afterAll(async () => store?.close());

it('keeps a statement of another request out of an open transaction on embedded PGlite (it is not rolled back with it)', async () => {
  const tx = store.db.transaction().execute(async (trx) => {
    await sql`insert into iso_probe values (1)`.execute(trx);
    await new Promise((r) => setTimeout(r, 30));
    throw new Error('rolled back');
  });
  await new Promise((r) => setTimeout(r, 5));
  const outside = sql`insert into iso_probe values (2)`.execute(store.db);
  await expect(tx).rejects.toThrow('rolled back');
  await outside;
  expect((await sql<{ x: number }>`select x from iso_probe order by x`.execute(store.db)).rows).toEqual([{ x: 2 }]);
});

it('lends the session in arrival order and reports affected rows', async () => {
  const order: number[] = [];
  await Promise.all([1, 2, 3].map((i) => store.db.transaction().execute(async (trx) => {
    order.push(i);
    await sql`insert into iso_probe values (${i * 10})`.execute(trx);
    await new Promise((r) => setTimeout(r, 5));
  })));
  expect(order).toEqual([1, 2, 3]);
  const r = await store.db.deleteFrom('iso_probe' as never).where('x' as never, '>=', 10 as never).executeTakeFirst();
  expect(Number(r.numDeletedRows)).toBe(3);
});

it('fails a statement that waits on the session held by its own transaction, instead of hanging', async () => {
  const db = new Kysely<Record<string, never>>({ dialect: exclusivePGliteDialect(await PGlite.create(), { waitMs: 200 }) });
  try {
    await expect(db.transaction().execute(async () => {
      await sql`select 1`.execute(db); // the outer handle, not the transaction's: it queues behind the transaction
    })).rejects.toMatchObject({ code: 'DATABASE_BUSY' });
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]); // the queue moves on
  } finally {
    await db.destroy();
  }
});
