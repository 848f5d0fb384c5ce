import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import { connectorSuite, type ExternalDb } from './connectors.testing.ts';

// the company's database here is the local MariaDB: a scratch database per run, dropped at the end; never skipped
const server = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';
const dbName = `conn_${randomBytes(5).toString('hex')}`;
let admin: mysql.Pool;

beforeAll(async () => {
  admin = mysql.createPool({ uri: server, connectionLimit: 2 });
  try {
    await admin.query('select 1');
  } catch (e) {
    throw new Error(`MariaDB does not answer at ${server.replace(/\/\/[^@]*@/, '//')} (${(e as { code?: string }).code}); start it (see .ci/run) — this test must run`);
  }
  await admin.query(`create database ${dbName}`);
});
afterAll(async () => {
  await admin?.query(`drop database if exists ${dbName}`).catch(() => {});
  await admin?.end();
});

const ext: ExternalDb = {
  driver: 'mariadb',
  url: server.replace(/\/[^/]*$/, `/${dbName}`),
  async table(name) {
    const t = `${name}_orders`;
    await admin.query(`drop table if exists ${dbName}.${t}`);
    await admin.query(`create table ${dbName}.${t} (id bigint auto_increment primary key, customer_ref varchar(100), phone varchar(40), addr varchar(255), amount decimal(10,2), note text, index (customer_ref)) default charset utf8mb4`);
    return t;
  },
  async insert(t, rows) {
    const values = rows.map((r) => [r.ref, r.phone, r.addr ?? null, r.amount ?? null]);
    await admin.query(`insert into ${dbName}.${t} (customer_ref, phone, addr, amount) values ?`, [values]);
  },
  rows: async (t) => (await admin.query(`select id, customer_ref, phone, addr from ${dbName}.${t} order by id`))[0] as never,
};
connectorSuite('mariadb connector', () => ext);
