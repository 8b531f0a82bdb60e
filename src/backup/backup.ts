// Taking a backup: SQLite's online backup API (consistent while the app keeps writing), then an integrity
// check of the copy — a damaged backup is worse than none, since it is trusted — then pruning to the last N.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { storageErrorFrom } from '../database/storage-errors';
import { DatabaseDamagedError } from '../errors';
import { backupFileName, defaultBackupDir, listBackupFiles, pruneBackups, type BackupFile } from './files';

export interface TakeBackupOptions {
  /** The live connection (the online backup reads through it). */
  sqlite: BetterSqlite3.Database;
  databasePath: string;
  reason: string;
  now: Date;
  dir?: string;
  /** Keep this many backups (settings.backupsToKeep); no pruning when absent. */
  keep?: number;
}

export interface TakenBackup {
  backup: BackupFile;
  pruned: string[];
}

/** integrity_check on a file, opened read-only; the list of problems ([] when sound). */
export function integrityProblems(file: string): string[] {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (err) {
    return [String((err as Error).message)];
  } finally {
    db?.close();
  }
}

export async function takeBackup(options: TakeBackupOptions): Promise<TakenBackup> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.reason)) throw new Error(`bad backup reason: ${options.reason}`);
  const dir = options.dir ?? defaultBackupDir(options.databasePath);
  const dest = path.join(dir, backupFileName(options.databasePath, options.reason, options.now));
  const partial = `${dest}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    await options.sqlite.backup(partial);
  } catch (err) {
    // A full disk or a read-only folder: no half-written copy is left, and the error says which.
    fs.rmSync(partial, { force: true });
    throw storageErrorFrom(err, partial) ?? err;
  }
  const problems = integrityProblems(partial);
  if (problems.length > 0) {
    fs.rmSync(partial, { force: true });
    throw new DatabaseDamagedError(options.databasePath, problems);
  }
  fs.renameSync(partial, dest);
  const pruned = options.keep ? pruneBackups(options.databasePath, options.keep, dir) : [];
  const backup = listBackupFiles(options.databasePath, dir).find((b) => b.path === dest)!;
  return { backup, pruned };
}
