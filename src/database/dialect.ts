// Kysely's SQLite dialect with two changes that matter to us:
// - transactions start with BEGIN IMMEDIATE, so two processes recording at once (two secretaries on one
//   shared file, or the app and the CLI) queue on the busy timeout instead of failing on a lock upgrade;
// - prepared statements are cached, since Kysely prepares every query anew.
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly begin: string,
  ) {
    super(config);
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.begin));
  }
}

const MAX_CACHED_STATEMENTS = 500;

function cachingDatabase(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
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
  override createDriver(): Driver {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return new ImmediateSqliteDriver({ database: cachingDatabase(this.#sqlite) as any }, this.#readOnly ? 'begin' : 'begin immediate');
  }
}
