// Where backups live and what their names say. The folder is <data>/backups beside the database (the
// same place openDatabase() puts the backup taken before a migration); a name is
//   <database name>-<reason>-<UTC instant with : and . as ->.sqlite
// e.g. council-daily-2026-11-10T08-00-00-000Z.sqlite, council-before-0003_approval_and_seal-....sqlite.
import fs from 'node:fs';
import path from 'node:path';

export interface BackupFile {
  path: string;
  fileName: string;
  /** 'daily', 'session-closed', 'manual', 'before-restore', 'before-<migration>'. */
  reason: string;
  takenAt: string;
  bytes: number;
}

export function defaultBackupDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

export function baseName(databasePath: string): string {
  return path.basename(databasePath, path.extname(databasePath));
}

export function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

function instantOf(stamp: string): string | null {
  const m = STAMP.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

export function backupFileName(databasePath: string, reason: string, at: Date): string {
  return `${baseName(databasePath)}-${reason}-${stampOf(at)}.sqlite`;
}

/** The backups of this database in dir, newest first. Other files are ignored. */
export function listBackupFiles(databasePath: string, dir = defaultBackupDir(databasePath)): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const prefix = `${baseName(databasePath)}-`;
  const out: BackupFile[] = [];
  for (const fileName of fs.readdirSync(dir)) {
    if (!fileName.startsWith(prefix) || !fileName.endsWith('.sqlite')) continue;
    const middle = fileName.slice(prefix.length, -'.sqlite'.length);
    const stamp = middle.slice(-24);
    const takenAt = instantOf(stamp);
    const reason = middle.slice(0, -25);
    if (!takenAt || !reason || middle[middle.length - 25] !== '-') continue;
    const full = path.join(dir, fileName);
    out.push({ path: full, fileName, reason, takenAt, bytes: fs.statSync(full).size });
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : b.fileName.localeCompare(a.fileName)));
}

/** Delete all but the newest `keep` backups; returns the deleted paths. */
export function pruneBackups(databasePath: string, keep: number, dir = defaultBackupDir(databasePath)): string[] {
  const all = listBackupFiles(databasePath, dir);
  const doomed = all.slice(Math.max(1, keep));
  for (const b of doomed) fs.rmSync(b.path, { force: true });
  return doomed.map((b) => b.path);
}
