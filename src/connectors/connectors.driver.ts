// What drivers share: identifier quoting, CASE-based batch updates and error reasons that never carry values.
import type { ConnectorConfig, ConnectorDriver, TableSpec } from './connectors.model.ts';

/** An error whose message was written by Custodia and is safe to show (ids and codes only). */
export class ConnectorFault extends Error {
  constructor(message: string, readonly code = 'CONNECTOR') {
    super(message);
    this.name = 'ConnectorFault';
  }
}

/** A reason for a driver failure that never repeats the driver's message, which may quote row values. */
export function safeReason(e: unknown, driver: ConnectorConfig['driver']): { reason: string; code: string } {
  if (e instanceof ConnectorFault) return { reason: e.message, code: e.code };
  const err = e as { code?: unknown; errno?: unknown; sqlState?: unknown };
  // PostgreSQL SQLSTATE (42P01), MariaDB symbolic code (ER_NO_SUCH_TABLE), or a socket code (ECONNREFUSED)
  const code = typeof err?.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(err.code) ? err.code : 'UNKNOWN';
  return { reason: `${driver} error ${code}`, code };
}

/** Splits `schema.table` and quotes each part with the dialect's quote character. */
export function quoteTable(table: string, q: '"' | '`'): string {
  return table.split('.').map((p) => quote(p, q)).join('.');
}

/** Quotes one identifier (identifiers are already restricted to [A-Za-z0-9_] by the config schema). */
export function quote(name: string, q: '"' | '`'): string {
  return `${q}${name.split(q).join(q + q)}${q}`;
}

/** Builds `col = CASE pk WHEN ? THEN ? ... END` assignments for a batch; `param(i)` renders the i-th placeholder. */
export function caseAssignments(spec: TableSpec, columns: string[], changes: { pk: unknown; values: Record<string, string | null> }[], q: '"' | '`', param: (i: number) => string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return param(params.length);
  };
  const pk = quote(spec.primaryKey, q);
  const sets = columns.map((c) => {
    const allNull = changes.every((ch) => ch.values[c] === null);
    if (allNull) return `${quote(c, q)} = NULL`;
    const whens = changes.map((ch) => `WHEN ${add(ch.pk)} THEN ${ch.values[c] === null ? 'NULL' : add(ch.values[c])}`).join(' ');
    return `${quote(c, q)} = CASE ${pk} ${whens} END`;
  });
  const ids = changes.map((ch) => add(ch.pk)).join(', ');
  return { sql: `SET ${sets.join(', ')} WHERE ${pk} IN (${ids})`, params };
}

/** Rows per update statement, so the placeholders of one CASE update stay well under both servers' limits. */
export function updateChunk(columns: number, batch: number): number {
  return Math.max(1, Math.min(batch, Math.floor(30_000 / (2 * columns + 1))));
}

/** Values as export documents carry them: dates as ISO strings, bytes as base64, big integers as strings. */
export function plainValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/** Creates a connector's driver from its config and resolved URL. */
export type DriverFactory = (config: ConnectorConfig, url: string) => Promise<ConnectorDriver>;
