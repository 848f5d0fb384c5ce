// A connector over the company's own PostgreSQL table (pg): keyset reads, batched deletes, locked batch updates.
import pg from 'pg';
import { caseAssignments, quote, quoteTable, updateChunk } from './connectors.driver.ts';
import type { ConnectorDriver, TableSpec } from './connectors.model.ts';

/** Opens a small pool to the connector's database; the first query proves the connection. */
export async function postgresDriver(spec: TableSpec, url: string): Promise<ConnectorDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // an idle client's network error must not crash the process; the next query reports it
  pool.on('error', () => {});
  const q = '"';
  const table = quoteTable(spec.table, q);
  const pk = quote(spec.primaryKey, q);
  const key = quote(spec.subjectColumn, q);
  const cols = (columns: string[]) => [...new Set([spec.primaryKey, ...columns])].map((c) => quote(c, q)).join(', ');
  return {
    async select(value, columns, after, limit) {
      const params: unknown[] = [value, limit];
      const cursor = after === undefined ? '' : ` AND ${pk} > $3`;
      if (after !== undefined) params.push(after);
      const r = await pool.query(`SELECT ${cols(columns)} FROM ${table} WHERE ${key} = $1${cursor} ORDER BY ${pk} LIMIT $2`, params);
      return r.rows;
    },
    async deleteBatch(value, limit) {
      // one statement is one transaction: a crash loses at most this batch's count, never rows of others
      const r = await pool.query(`DELETE FROM ${table} WHERE ${pk} IN (SELECT ${pk} FROM ${table} WHERE ${key} = $1 LIMIT $2)`, [value, limit]);
      return r.rowCount ?? 0;
    },
    async updateBatch(value, columns, limit, change) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const rows = (await client.query(`SELECT ${cols(columns)} FROM ${table} WHERE ${key} = $1 ORDER BY ${pk} LIMIT $2 FOR UPDATE`, [value, limit])).rows;
        const changed = rows.map((row) => ({ pk: row[spec.primaryKey], values: change(row) }));
        const written = [...new Set([...columns, spec.subjectColumn])];
        const chunk = updateChunk(written.length, limit);
        for (let i = 0; i < changed.length; i += chunk) {
          const set = caseAssignments(spec, written, changed.slice(i, i + chunk), q, (n) => `$${n}`);
          await client.query(`UPDATE ${table} ${set.sql}`, set.params);
        }
        await client.query('COMMIT');
        return rows.length;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
