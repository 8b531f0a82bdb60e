// Restoring the database from a backup. Works on files only, with the database closed, so it also
// rescues a live file too damaged to open. Order matters:
//   1. the backup must pass integrity_check and be a council database, or nothing is touched;
//   2. it is copied next to the live file (same disk, so the final rename is atomic);
//   3. the live file and its -wal/-shm are moved aside, renamed with the instant (never deleted);
//   4. the copy takes the live file's name. openDatabase() then migrates it if it is older.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { storageErrorFrom } from '../database/storage-errors';
import { DatabaseDamagedError, NotFoundError, ValidationError } from '../errors';
import { integrityProblems } from './backup';
import { baseName, stampOf } from './files';

export interface RestoreResult {
  restoredFrom: string;
  databasePath: string;
  /** Where the replaced files went (the database and its -wal/-shm, those that existed). */
  keptAside: string[];
}

function isCouncilDatabase(file: string): boolean {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`select count(*) n from sqlite_master where type = 'table' and name in ('kysely_migration', 'council_session')`).get() as { n: number };
    return row.n === 2;
  } finally {
    db.close();
  }
}

export function restoreDatabase(input: { databasePath: string; backupPath: string; now: Date }): RestoreResult {
  const live = path.resolve(input.databasePath);
  const backup = path.resolve(input.backupPath);
  if (!fs.existsSync(backup)) throw new NotFoundError('backupPath', 'backup', backup);
  if (backup === live) throw new ValidationError('backupPath', 'the backup is the live database itself', 'backup_is_live');
  const problems = integrityProblems(backup);
  if (problems.length > 0) throw new DatabaseDamagedError(backup, problems);
  if (!isCouncilDatabase(backup)) throw new ValidationError('backupPath', 'not a database of this app', 'not_council_database');

  const dir = path.dirname(live);
  const stamp = stampOf(input.now);
  const incoming = path.join(dir, `${baseName(live)}.restoring-${stamp}.sqlite`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(backup, incoming);
    const fd = fs.openSync(incoming, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    // Nothing of the live file was touched yet; the half copy goes.
    fs.rmSync(incoming, { force: true });
    throw storageErrorFrom(err, live) ?? err;
  }

  const keptAside: string[] = [];
  const aside = path.join(dir, `${baseName(live)}.replaced-${stamp}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(live + suffix)) {
      fs.renameSync(live + suffix, aside + suffix);
      keptAside.push(aside + suffix);
    }
  }
  fs.renameSync(incoming, live);
  return { restoredFrom: backup, databasePath: live, keptAside };
}
