// Runs the deployment's connectors for a data-subject request: export all rows, or erase them in resumable batches.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { recordAudit } from '../audit/index.ts';
import { envValue } from '../config.ts';
import { mask, maskKeeping } from '../deid/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { ConnectorFault, plainValue, safeReason, type DriverFactory } from './connectors.driver.ts';
import type { ConnectorConfig, ConnectorDriver, ConnectorErasure, ConnectorPort, ConnectorSummary } from './connectors.model.ts';
import { addBatch, beginRun, finishRun, type RunKey } from './connectors.store.ts';
import { mariadbDriver } from './mariadb.driver.ts';
import { postgresDriver } from './postgres.driver.ts';

/** What a runner needs: Custodia's database, the declared connectors and the current registry. */
export interface ConnectorRunnerDeps {
  db: Kysely<Database>;
  connectors: ConnectorConfig[];
  registry: () => Promise<Registry>;
  env?: (name: string) => string | undefined;
  drivers?: DriverFactory;
  logger?: Logger | false;
}

/** Opens the driver a connector declares. */
export const defaultDrivers: DriverFactory = (c, url) => {
  const spec = { table: c.table, primaryKey: c.primaryKey, subjectColumn: c.subjectKey.column };
  return c.driver === 'postgres' ? postgresDriver(spec, url) : mariadbDriver(spec, url);
};

/** The deployment's connectors as the rights pillar's jobs call them (structurally `RightsConnectors`). */
export class ConnectorRunner implements ConnectorPort {
  private readonly open = new Map<string, Promise<ConnectorDriver>>();

  constructor(private readonly deps: ConnectorRunnerDeps) {}

  /** The declared connectors without URLs or credentials. */
  list(): ConnectorSummary[] {
    return this.deps.connectors.map((c) => ({ id: c.id, driver: c.driver, table: c.table, categories: [...new Set(Object.values(c.columns))], eraseMode: c.erase.mode }));
  }

  /** Every row of the subject in every connector, keyed by connector id, each row keyed by category. */
  async export(subjectId: string, requestId: string): Promise<Record<string, unknown[]>> {
    const run = `crun_${randomUUID().replace(/-/g, '')}`;
    const registry = await this.deps.registry();
    const subject = await this.subject(subjectId);
    const out: Record<string, unknown[]> = {};
    await this.each('export', async (c) => {
      const key = this.keyOf(c, subject);
      const rows: unknown[] = [];
      const names = exportNames(c);
      checkCategories(c, registry);
      if (key !== undefined) {
        const driver = await this.driver(c);
        let after: unknown;
        for (;;) {
          const batch = await driver.select(key, Object.keys(c.columns), after, c.erase.batchSize);
          for (const row of batch) rows.push(Object.fromEntries(Object.entries(c.columns).map(([col]) => [names[col], plainValue(row[col])])));
          if (batch.length < c.erase.batchSize) break;
          after = batch[batch.length - 1][c.primaryKey];
        }
      }
      out[c.id] = rows;
      await recordAudit(this.deps.db, { actor: 'system:connectors', action: 'connector.export', subject: subjectId, requestId, target: c.id, categories: Object.values(c.columns), details: { run, request: requestId, table: c.table, rows: rows.length, matched: key !== undefined } });
    }, { subjectId, requestId, run });
    return out;
  }

  /** Erases the subject's rows in every connector; a retry resumes and never repeats finished work. */
  async erase(subjectId: string, requestId: string): Promise<ConnectorErasure[]> {
    const run = `crun_${randomUUID().replace(/-/g, '')}`;
    const registry = await this.deps.registry();
    const subject = await this.subject(subjectId);
    const results: ConnectorErasure[] = [];
    await this.each('erase', async (c) => {
      const k: RunKey = { subjectId, requestId, connectorId: c.id, op: 'erase' };
      checkCategories(c, registry);
      const state = await beginRun(this.deps.db, k);
      if (state.status === 'done') {
        results.push({ connector: c.id, table: c.table, rows: state.rows, mode: c.erase.mode });
        return;
      }
      const started = Date.now();
      try {
        const key = this.keyOf(c, subject);
        if (key !== undefined) await this.eraseRows(c, registry, key, k);
      } catch (e) {
        const { reason } = safeReason(e, c.driver);
        await this.deps.db.transaction().execute(async (trx) => {
          await finishRun(trx, k, 'failed', reason);
          await recordAudit(trx, { actor: 'system:connectors', action: 'connector.erase.failed', subject: subjectId, requestId, target: c.id, details: { run, request: requestId, reason, attempt: state.attempts } });
        });
        throw e;
      }
      const done = await this.deps.db.transaction().execute(async (trx) => {
        const s = await finishRun(trx, k, 'done');
        await recordAudit(trx, { actor: 'system:connectors', action: 'connector.erase', subject: subjectId, requestId, target: c.id, categories: Object.values(c.columns), details: { run, request: requestId, table: c.table, mode: c.erase.mode, rows: s.rows, batches: s.batches, attempt: s.attempts, ms: Date.now() - started } });
        return s;
      });
      results.push({ connector: c.id, table: c.table, rows: done.rows, mode: c.erase.mode });
    }, { subjectId, requestId, run });
    return results.sort((a, b) => a.connector.localeCompare(b.connector));
  }

  /** Closes every pool the runner opened. */
  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(all.map(async (d) => (await d).close()));
  }

  private async eraseRows(c: ConnectorConfig, registry: Registry, key: string, k: RunKey): Promise<void> {
    const driver = await this.driver(c);
    const size = c.erase.batchSize;
    if (c.erase.mode === 'delete') {
      // deleting by the subject's key is naturally idempotent: a retry finds only the rows still there
      for (;;) {
        const n = await driver.deleteBatch(key, size);
        if (n > 0) await addBatch(this.deps.db, k, n);
        if (n < size) return;
      }
    }
    const change = rowChanger(c, registry);
    for (;;) {
      // mask and null also unlink the row from the subject's key in the same transaction, so a retry never sees it again
      const n = await driver.updateBatch(key, Object.keys(c.columns), size, change);
      if (n > 0) await addBatch(this.deps.db, k, n);
      if (n < size) return;
    }
  }

  private async each(op: 'export' | 'erase', fn: (c: ConnectorConfig) => Promise<void>, trace: { subjectId: string; requestId: string; run: string }): Promise<void> {
    const settled = await Promise.allSettled(this.deps.connectors.map((c) => fn(c)));
    const details: ErrorDetail[] = [];
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') return;
      const c = this.deps.connectors[i];
      const { reason, code } = safeReason(s.reason, c.driver);
      details.push({ path: `connectors.${c.id}`, message: reason, code });
    });
    if (this.deps.logger) this.deps.logger.info({ run: trace.run, request: trace.requestId, op, connectors: this.deps.connectors.length, failed: details.map((d) => d.path) }, 'connector run');
    if (details.length > 0) {
      const ids = details.map((d) => d.path.slice('connectors.'.length));
      throw new AppError('CONNECTOR_FAILED', `${op} failed in connector${ids.length > 1 ? 's' : ''} ${ids.map((i) => `"${i}"`).join(', ')}: ${details.map((d) => d.message).join('; ')}`, { details });
    }
  }

  private async subject(id: string): Promise<{ id: string; externalRef: string | null }> {
    const s = await this.deps.db.selectFrom('subjects').select(['id', 'external_ref']).where('id', '=', id).executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', 'no such subject');
    return { id: s.id, externalRef: s.external_ref };
  }

  private keyOf(c: ConnectorConfig, s: { id: string; externalRef: string | null }): string | undefined {
    return c.subjectKey.refers === 'custodia-id' ? s.id : (s.externalRef ?? undefined);
  }

  private driver(c: ConnectorConfig): Promise<ConnectorDriver> {
    let d = this.open.get(c.id);
    if (!d) {
      const url = c.url ?? (this.deps.env ?? envValue)(c.urlEnv!);
      if (!url) return Promise.reject(new ConnectorFault(`environment variable ${c.urlEnv} is not set`, 'CONNECTOR_URL_MISSING'));
      d = (this.deps.drivers ?? defaultDrivers)(c, url);
      d.catch(() => this.open.delete(c.id));
      this.open.set(c.id, d);
    }
    return d;
  }
}

/** Export keys: the category, or `category:column` when two columns of a connector hold one category. */
function exportNames(c: ConnectorConfig): Record<string, string> {
  const counts = new Map<string, number>();
  for (const cat of Object.values(c.columns)) counts.set(cat, (counts.get(cat) ?? 0) + 1);
  return Object.fromEntries(Object.entries(c.columns).map(([col, cat]) => [col, counts.get(cat)! > 1 ? `${cat}:${col}` : cat]));
}

function checkCategories(c: ConnectorConfig, registry: Registry): void {
  const known = new Set(registry.categories.map((x) => x.id));
  const unknown = [...new Set(Object.values(c.columns))].filter((cat) => !known.has(cat));
  if (unknown.length > 0) throw new ConnectorFault(`categories ${unknown.map((u) => `"${u}"`).join(', ')} are not in the registry`, 'CONNECTOR_CATEGORY_UNKNOWN');
}

/** The new values of one row: each mapped column masked by its category's kind (or NULL), and the subject key unlinked. */
function rowChanger(c: ConnectorConfig, registry: Registry): (row: Record<string, unknown>) => Record<string, string | null> {
  const kinds = new Map(registry.categories.map((x) => [x.id, x.kind]));
  const keyCol = c.subjectKey.column;
  return (row) => {
    const out: Record<string, string | null> = {};
    for (const [col, cat] of Object.entries(c.columns)) {
      const v = row[col];
      if (c.erase.mode === 'null' || v === null || v === undefined) out[col] = null;
      else if (typeof v === 'string') out[col] = mask(kinds.get(cat) ?? 'other', v);
      else throw new ConnectorFault(`column ${col} is not text and cannot be masked; use erase mode null`, 'CONNECTOR_MASK_TYPE');
    }
    if (!(keyCol in c.columns)) out[keyCol] = c.erase.mode === 'null' ? null : maskKeeping(String(row[keyCol]), 0, 0);
    // a key its mask leaves unchanged would match again and again
    if (out[keyCol] === row[keyCol]) throw new ConnectorFault(`the mask of subject key column ${keyCol} does not change it; use erase mode null or delete`, 'CONNECTOR_KEY_UNCHANGED');
    return out;
  };
}
