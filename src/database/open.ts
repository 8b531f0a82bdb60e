// Opening the one SQLite file: pragmas for durability, an integrity check, refusing a file from a newer
// app, a backup before migrating, then the migrations.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, type MigrationProvider } from 'kysely';
import {
  CouncilError,
  DatabaseDamagedError,
  DatabaseFromFutureError,
  MigrationsOutOfOrderError,
  NativeModuleError,
} from '../errors';
import { CouncilSqliteDialect } from './dialect';
import { sqliteCode, storageErrorFrom } from './storage-errors';
import { registerDirectConnection } from './direct';
import { registerCouncilFunctions } from './functions';
import { latestMigration, migrationNames, migrations } from './migrations';
import type { Database } from './schema';

export interface OpenOptions {
  /** The SQLite file. Created (with its folder) when missing. */
  path: string;
  /** Folder for the automatic backup taken before migrating; beside the file by default. */
  backupDir?: string;
  /** Busy timeout in ms: how long a writer waits for another writer. */
  busyTimeoutMs?: number;
}

export interface CouncilDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  path: string;
  /** Backups taken while opening (before a migration). */
  backupsTaken: string[];
  close(): Promise<void>;
}

const inlineProvider: MigrationProvider = { getMigrations: async () => migrations };

export async function openDatabase(options: OpenOptions): Promise<CouncilDatabase> {
  const file = path.resolve(options.path);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err) {
    throw storageErrorFrom(err, file) ?? err;
  }
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;

  assertNativeModuleLoads();
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
  } catch (err) {
    throw openingError(err, file);
  }
  try {
    applyPragmas(sqlite, options.busyTimeoutMs ?? 5000);
    // The search triggers (migration 0002) and the lock triggers (0005) call these: needed before
    // migrating and before any write.
    registerCouncilFunctions(sqlite);
    if (existed) checkIntegrity(sqlite, file);
  } catch (err) {
    sqlite.close();
    throw openingError(err, file);
  }

  const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(sqlite), plugins: [new CamelCasePlugin()] });
  registerDirectConnection(db, sqlite);
  const backupsTaken: string[] = [];
  try {
    const applied = appliedMigrations(sqlite);
    const unknown = applied.filter((name) => !migrationNames.includes(name));
    if (unknown.length > 0) throw new DatabaseFromFutureError(unknown[unknown.length - 1]!, latestMigration);
    const outOfOrder = migrationsOutOfOrder(applied);
    if (outOfOrder) throw new MigrationsOutOfOrderError(file, outOfOrder.missing, outOfOrder.appliedAfter);
    const pending = migrationNames.filter((name) => !applied.includes(name));
    if (pending.length > 0 && applied.length > 0) {
      const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
      backupsTaken.push(await backupBeforeMigration(sqlite, file, dir, pending[0]!));
    }
    if (pending.length > 0) await migrate(db);
  } catch (err) {
    await db.destroy();
    // Kysely closes the connection only if it used it: a refusal before any query must close it here.
    if (sqlite.open) sqlite.close();
    throw storageErrorFrom(err, file) ?? err;
  }

  return {
    db,
    sqlite,
    path: file,
    backupsTaken,
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close(); // Kysely closes it only if a query went through it
    },
  };
}

/**
 * better-sqlite3 loads its native binary on first use. A binary that cannot load (a broken install, a
 * wrong platform) says nothing about the council's file: it gets its own error, never "damaged".
 */
function assertNativeModuleLoads(): void {
  try {
    new BetterSqlite3(':memory:').close();
  } catch (err) {
    throw new NativeModuleError(String((err as Error).message));
  }
}

/**
 * What a failure while opening is. "Damaged" only when SQLite read the file and found it so (integrity_check,
 * or the engine's own SQLITE_CORRUPT / SQLITE_NOTADB); a full disk, a read-only folder or a missing drive
 * get their own errors (storage-errors.ts); anything else is reported as it is.
 */
function openingError(err: unknown, file: string): unknown {
  if (err instanceof CouncilError) return err;
  const storage = storageErrorFrom(err, file);
  if (storage) return storage;
  const code = sqliteCode(err) ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DatabaseDamagedError(file, [String((err as Error).message)]);
  }
  return err;
}

/**
 * The applied migrations this app knows must be the first ones of its list. A gap (0005 missing while
 * 0006 is applied: the file was upgraded by another build) is reported, never "fixed" by running the
 * missing one late, which could act on a schema it was not written for.
 */
export function migrationsOutOfOrder(applied: string[]): { missing: string[]; appliedAfter: string[] } | null {
  const known = applied.filter((name) => migrationNames.includes(name));
  const last = known.reduce((max, name) => Math.max(max, migrationNames.indexOf(name)), -1);
  const missing = migrationNames.slice(0, last + 1).filter((name) => !known.includes(name));
  if (missing.length === 0) return null;
  return { missing, appliedAfter: known.filter((name) => name > missing[0]!) };
}

function applyPragmas(sqlite: BetterSqlite3.Database, busyTimeoutMs: number): void {
  // WAL + synchronous=FULL: a commit that returned is on disk, through a crash or a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('recursive_triggers = ON'); // REPLACE's implicit delete fires the lock's delete triggers
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

function checkIntegrity(sqlite: BetterSqlite3.Database, file: string): void {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  if (messages.length !== 1 || messages[0] !== 'ok') throw new DatabaseDamagedError(file, messages);
}

function appliedMigrations(sqlite: BetterSqlite3.Database): string[] {
  const table = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`)
    .get();
  if (!table) return [];
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

async function backupBeforeMigration(
  sqlite: BetterSqlite3.Database,
  file: string,
  dir: string,
  firstPending: string,
): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dest = path.join(dir, `${path.basename(file, path.extname(file))}-before-${firstPending}-${stamp}.sqlite`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await sqlite.backup(dest);
  } catch (err) {
    // No half-written backup is left to be trusted later; the database itself is untouched.
    fs.rmSync(dest, { force: true });
    throw storageErrorFrom(err, dest) ?? err;
  }
  return dest;
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: inlineProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    if (error instanceof CouncilError) throw error; // a typed refusal (e.g. RecordInconsistentError) stays typed
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/** For tests and tools: migrate a fresh file only up to (and including) the named migration. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: inlineProvider });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}
