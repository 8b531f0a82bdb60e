// The live writes' direct path (issue 13): an arrival or a departure runs its few constant statements on
// the better-sqlite3 connection itself, in one BEGIN IMMEDIATE transaction, instead of through kysely's
// transaction and query pipeline (which cost as much CPU as the statements). The same SQL, the same
// triggers (locks, session consistency), the same error mapping as the dialect; taken while holding
// kysely's connection, so it never runs inside or across another caller's transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { councilErrorFrom } from './dialect';

/** Synchronous statements on the connection, inside the direct transaction. Rows as SQLite names them. */
export interface Direct {
  get<R>(sql: string, params: unknown[]): R | undefined;
  all<R>(sql: string, params: unknown[]): R[];
  run(sql: string, params: unknown[]): void;
}

const connections = new WeakMap<object, BetterSqlite3.Database>();
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** Called by openDatabase: the connection behind that Kysely instance. Others (read-only, tools) have none. */
export function registerDirectConnection(db: object, sqlite: BetterSqlite3.Database): void {
  connections.set(db, sqlite);
}

export function hasDirectConnection(db: object): boolean {
  return connections.has(db);
}

function statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
}

/**
 * Run fn in one BEGIN IMMEDIATE transaction on the connection behind `db` (rolled back if it throws), with
 * kysely's connection held meanwhile; SQLite's errors become the typed ones the dialect gives.
 * undefined when `db` has no direct connection: the caller goes through kysely.
 */
export async function directTransaction<DB, T>(db: Kysely<DB>, fn: (q: Direct) => T): Promise<{ value: T } | undefined> {
  const sqlite = connections.get(db);
  if (!sqlite) return undefined;
  const q: Direct = {
    get: <R>(sql: string, params: unknown[]) => statement(sqlite, sql).get(...params) as R | undefined,
    all: <R>(sql: string, params: unknown[]) => statement(sqlite, sql).all(...params) as R[],
    run: (sql, params) => void statement(sqlite, sql).run(...params),
  };
  return db.connection().execute(async () => {
    try {
      return { value: sqlite.transaction(() => fn(q)).immediate() };
    } catch (err) {
      throw councilErrorFrom(err, sqlite);
    }
  });
}
