import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectorSuite, type ExternalDb } from './connectors.testing.ts';

// the company's database here is the local PostgreSQL: a scratch schema per run, dropped at the end
const url = process.env.DATABASE_URL;
const schema = `conn_${randomBytes(5).toString('hex')}`;
let admin: pg.Pool;

if (!url) {
  describe.skip('postgres connector (DATABASE_URL is not set)', () => it('needs PostgreSQL', () => {}));
} else {
  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: url, max: 2 });
    await admin.query(`create schema ${schema}`);
  });
  afterAll(async () => {
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
  });
  const ext: ExternalDb = {
    driver: 'postgres',
    url,
    async table(name) {
      const t = `${schema}.${name}_orders`;
      await admin.query(`drop table if exists ${t}; create table ${t} (id bigserial primary key, customer_ref text, phone text, addr text, amount numeric(10,2), note text); create index on ${t} (customer_ref)`);
      return t;
    },
    async insert(t, rows) {
      const params: unknown[] = [];
      const values = rows.map((r) => `($${params.push(r.ref)}, $${params.push(r.phone)}, $${params.push(r.addr ?? null)}, $${params.push(r.amount ?? null)})`);
      await admin.query(`insert into ${t} (customer_ref, phone, addr, amount) values ${values.join(', ')}`, params);
    },
    rows: async (t) => (await admin.query(`select id, customer_ref, phone, addr from ${t} order by id`)).rows,
  };
  connectorSuite('postgres connector', () => ext);
}
