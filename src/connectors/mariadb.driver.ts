// A connector over the company's own MariaDB or MySQL table (mysql2): keyset reads, DELETE ... LIMIT, locked batch updates.
import mysql from 'mysql2/promise';
import { caseAssignments, quote, quoteTable, updateChunk } from './connectors.driver.ts';
import type { ConnectorDriver, TableSpec } from './connectors.model.ts';

/** Opens a small pool to the connector's database. */
export async function mariadbDriver(spec: TableSpec, url: string): Promise<ConnectorDriver> {
  const pool = mysql.createPool({ uri: url, connectionLimit: 2, supportBigNumbers: true, bigNumberStrings: true });
  const q = '`';
  const table = quoteTable(spec.table, q);
  const pk = quote(spec.primaryKey, q);
  const key = quote(spec.subjectColumn, q);
  const cols = (columns: string[]) => [...new Set([spec.primaryKey, ...columns])].map((c) => quote(c, q)).join(', ');
  return {
    async select(value, columns, after, limit) {
      const cursor = after === undefined ? '' : ` AND ${pk} > ?`;
      const params = after === undefined ? [value, limit] : [value, after, limit];
      const [rows] = await pool.query(`SELECT ${cols(columns)} FROM ${table} WHERE ${key} = ?${cursor} ORDER BY ${pk} LIMIT ?`, params);
      return rows as Record<string, unknown>[];
    },
    async deleteBatch(value, limit) {
      const [r] = await pool.query(`DELETE FROM ${table} WHERE ${key} = ? ORDER BY ${pk} LIMIT ?`, [value, limit]);
      return (r as mysql.ResultSetHeader).affectedRows;
    },
    async updateBatch(value, columns, limit, change) {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const [rows] = await conn.query(`SELECT ${cols(columns)} FROM ${table} WHERE ${key} = ? ORDER BY ${pk} LIMIT ? FOR UPDATE`, [value, limit]);
        const list = rows as Record<string, unknown>[];
        const changed = list.map((row) => ({ pk: row[spec.primaryKey], values: change(row) }));
        const written = [...new Set([...columns, spec.subjectColumn])];
        const chunk = updateChunk(written.length, limit);
        for (let i = 0; i < changed.length; i += chunk) {
          const set = caseAssignments(spec, written, changed.slice(i, i + chunk), q, () => '?');
          await conn.query(`UPDATE ${table} ${set.sql}`, set.params);
        }
        await conn.commit();
        return list.length;
      } catch (e) {
        await conn.rollback().catch(() => {});
        throw e;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
