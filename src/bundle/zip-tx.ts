// A CoreContext that runs inside a caller's transaction: its "transactions" are SAVEPOINTs on the caller's
// connection. The zip import uses it to call the session-bundle importer (which opens its own transaction)
// and then write the approval tables and the lock, all or nothing.
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { CoreContext, Tx } from '../core/context';
import type { Database } from '../database/schema';

class ForwardingConnection implements DatabaseConnection {
  constructor(private readonly tx: Tx) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return (await this.tx.executeQuery(query)) as QueryResult<R>;
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a nested context');
  }
}

class SavepointDriver implements Driver {
  #depth = 0;
  readonly #connection: ForwardingConnection;
  constructor(tx: Tx) {
    this.#connection = new ForwardingConnection(tx);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    this.#depth += 1;
    await conn.executeQuery(CompiledQuery.raw(`savepoint nested_${this.#depth}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`release nested_${this.#depth}`));
    this.#depth -= 1;
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`rollback to nested_${this.#depth}`));
    await conn.executeQuery(CompiledQuery.raw(`release nested_${this.#depth}`));
    this.#depth -= 1;
  }
}

/** A context for services called from within `tx`; their transactions nest as savepoints. */
export function nestedContext(ctx: CoreContext, tx: Tx): CoreContext {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SavepointDriver(tx),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  return { ...ctx, db };
}
