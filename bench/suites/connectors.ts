// Connectors suite: seconds to erase 100,000 rows of one subject in a company table (batched deletes), per driver.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { ConnectorConfig, ConnectorRunner } from '../../src/connectors/index.ts';
import { loadRegistryFile } from '../../src/registry/index.ts';
import { openStore } from '../../src/store/index.ts';
import { createSubject } from '../../src/subjects/index.ts';
import { seconds, type BenchSuite } from '../bench.ts';

const ROWS = 100_000;
const BATCH = 10_000;
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MARIADB_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A scratch table on one server: create, fill with `ROWS` rows of `ref` plus one of someone else, drop. */
interface Scratch {
  driver: 'postgres' | 'mariadb';
  url: string;
  table: string;
  fill: (ref: string) => Promise<void>;
  left: () => Promise<number>;
  drop: () => Promise<void>;
}

async function postgresScratch(): Promise<Scratch> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
  await pool.query(`create schema ${schema}; create table ${schema}.orders (id bigserial primary key, customer_ref text, phone text, addr text); create index on ${schema}.orders (customer_ref)`);
  return {
    driver: 'postgres',
    url: PG_URL,
    table: `${schema}.orders`,
    fill: async (ref) => {
      await pool.query(`insert into ${schema}.orders (customer_ref, phone, addr) select $1, '13812345678', 'somewhere ' || g from generate_series(1, ${ROWS}) g`, [ref]);
      await pool.query(`insert into ${schema}.orders (customer_ref) values ('other')`);
    },
    left: async () => Number((await pool.query(`select count(*) from ${schema}.orders`)).rows[0].count),
    drop: async () => {
      await pool.query(`drop schema ${schema} cascade`);
      await pool.end();
    },
  };
}

async function mariadbScratch(): Promise<Scratch> {
  const db = `bench_${randomBytes(4).toString('hex')}`;
  const pool = mysql.createPool({ uri: MARIADB_URL, connectionLimit: 1 });
  await pool.query(`create database ${db}`);
  await pool.query(`create table ${db}.orders (id bigint auto_increment primary key, customer_ref varchar(100), phone varchar(40), addr varchar(255), index (customer_ref))`);
  return {
    driver: 'mariadb',
    url: MARIADB_URL.replace(/\/[^/]*$/, `/${db}`),
    table: 'orders',
    fill: async (ref) => {
      for (let i = 0; i < ROWS; i += 10_000) await pool.query(`insert into ${db}.orders (customer_ref, phone, addr) values ?`, [[...Array(10_000)].map((_, j) => [ref, '13812345678', `somewhere ${i + j}`])]);
      await pool.query(`insert into ${db}.orders (customer_ref) values ('other')`);
    },
    left: async () => Number(((await pool.query(`select count(*) n from ${db}.orders`))[0] as { n: number }[])[0].n),
    drop: async () => {
      await pool.query(`drop database ${db}`);
      await pool.end();
    },
  };
}

const suite: BenchSuite = async ({ report }) => {
  const loaded = loadRegistryFile('examples/003-online-shop.live.yaml');
  if (!loaded.ok) throw new Error('registry does not load');
  const registry = loaded.registry;
  const store = await openStore({ dataDir: 'memory://' });
  try {
    for (const make of [postgresScratch, mariadbScratch]) {
      let scratch: Scratch;
      try {
        scratch = await make();
      } catch (e) {
        console.error(`connectors: ${make.name} skipped, its server does not answer (${(e as { code?: string }).code ?? 'error'})`);
        continue;
      }
      try {
        const subject = await createSubject(store.db, registry, { externalRef: `bench-${randomBytes(4).toString('hex')}`, role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, 'bench');
        await scratch.fill(subject.externalRef!);
        const config = ConnectorConfig.parse({ id: 'orders', driver: scratch.driver, url: scratch.url, table: scratch.table, subjectKey: { column: 'customer_ref', refers: 'external-ref' }, columns: { phone: 'recipient-phone', addr: 'recipient-address' }, erase: { mode: 'delete', batchSize: BATCH } });
        const runner = new ConnectorRunner({ db: store.db, connectors: [config], registry: async () => registry });
        let erased = 0;
        const s = await seconds(async () => (erased = (await runner.erase(subject.id, 'bench'))[0].rows));
        await runner.close();
        if (erased !== ROWS || (await scratch.left()) !== 1) throw new Error(`connectors: ${scratch.driver} erased ${erased} rows, expected ${ROWS}`);
        report({ bench: 'connector-erase', metric: 'seconds', value: s, driver: scratch.driver, n: ROWS, batch: BATCH, rows_per_s: Math.round(ROWS / s) });
      } finally {
        await scratch.drop();
      }
    }
  } finally {
    await store.close();
  }
};
export default suite;
