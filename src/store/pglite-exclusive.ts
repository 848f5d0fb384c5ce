// A Kysely dialect for PGlite that lends its one connection to one user at a time. PGlite is a single session:
// without this, a statement of one request sent while another request's transaction is open runs inside that
// transaction, and is rolled back with it (kysely-pglite's driver hands the same session to everyone).
import type { PGlite } from '@electric-sql/pglite';
import { AppError } from '../errors.ts';
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type QueryResult } from 'kysely';

class Lease implements DatabaseConnection {
  constructor(private readonly client: PGlite, readonly release: () => void) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.client.query<R>(q.sql, [...q.parameters]);
    return { rows: r.rows, ...(r.affectedRows !== undefined ? { numAffectedRows: BigInt(r.affectedRows) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

class ExclusivePGliteDriver implements Driver {
  // the tail of the FIFO of leases: each acquisition waits for the one before it to be released
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly client: PGlite, private readonly waitMs: number) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const before = this.tail;
    this.tail = new Promise((r) => (release = r));
    // A statement that waits for the session held by its own transaction would wait forever: fail it, saying why.
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('DATABASE_BUSY', `the embedded database session stayed busy for ${this.waitMs / 1000} s; a transaction may be waiting on a statement sent outside it`)), this.waitMs);
    });
    try {
      await Promise.race([before, stuck]);
    } catch (e) {
      void before.then(release); // keep the queue moving for those behind
      throw e;
    } finally {
      clearTimeout(timer);
    }
    return new Lease(this.client, release);
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    (c as Lease).release();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.client.close();
  }
}

/** The dialect of an open PGlite instance; closing Kysely closes it. */
export function exclusivePGliteDialect(client: PGlite, opts: { waitMs?: number } = {}): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new ExclusivePGliteDriver(client, opts.waitMs ?? 60_000),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
