// Kysely's SQLite dialect with the changes that matter to us:
// - transactions start with BEGIN IMMEDIATE, so two processes recording at once (two secretaries on one
//   shared file, or the app and the CLI) queue on the busy timeout instead of failing on a lock upgrade;
// - a rollback is sent only when a transaction is open: on SQLITE_FULL (and some I/O errors) SQLite has
//   already rolled back, and a second ROLLBACK would replace the real error with "no transaction is active";
// - the adapter reports transactional DDL, so Kysely's Migrator runs the pending migrations and their
//   kysely_migration rows in one transaction: a crash mid-migration leaves the file as it was;
// - storage failures and lock-trigger aborts become typed errors here (storage-errors.ts, lock-hits.ts);
// - prepared statements are cached, since Kysely prepares every query anew.
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from 'kysely';
import { lockedSessionFrom } from './lock-hits';
import { storageErrorFrom } from './storage-errors';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite runs CREATE/ALTER/DROP inside transactions. Migrations must not use the statements that
  // cannot (PRAGMA foreign_keys, VACUUM): they would be ignored or fail there.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class CouncilSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #begin: string;
  constructor(sqlite: BetterSqlite3.Database, begin: string) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    super({ database: cachingDatabase(sqlite) as any });
    this.#sqlite = sqlite;
    this.#begin = begin;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.#begin));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.open && this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** The typed error for what SQLite threw on this connection, or the error itself. */
export function councilErrorFrom(err: unknown, sqlite: BetterSqlite3.Database): unknown {
  return lockedSessionFrom(err, sqlite) ?? storageErrorFrom(err, sqlite.name) ?? err;
}

const MAX_CACHED_STATEMENTS = 500;

function cachingDatabase(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const mapped = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      throw councilErrorFrom(err, sqlite);
    }
  };
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = mapped(() => sqlite.prepare(sql));
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      const s = stmt;
      return {
        reader: s.reader,
        all: (params: unknown[]) => mapped(() => s.all(params)),
        run: (params: unknown[]) => mapped(() => s.run(params)),
        iterate: (params: unknown[]) => mapped(() => s.iterate(params)),
      };
    },
  };
}

export class CouncilSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #readOnly: boolean;
  /** readOnly: a reader's connection (the minutes worker) begins plain deferred transactions, taking no write lock. */
  constructor(sqlite: BetterSqlite3.Database, options: { readOnly?: boolean } = {}) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    super({ database: cachingDatabase(sqlite) as any });
    this.#sqlite = sqlite;
    this.#readOnly = options.readOnly ?? false;
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
  override createDriver(): Driver {
    return new CouncilSqliteDriver(this.#sqlite, this.#readOnly ? 'begin' : 'begin immediate');
  }
}
