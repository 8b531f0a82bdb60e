// The one place that names what SQLite's storage failures are, so the secretary reads "the disk is full"
// and not "cannot rollback" or "damaged". Used by the dialect (every query, commit and rollback), by
// openDatabase and by the transaction wrapper (core/context.ts). "Damaged" is never decided here: only
// integrity_check (open.ts) says a file is damaged.
import fs from 'node:fs';
import path from 'node:path';
import { CouncilError, DatabaseReadOnlyError, DiskFullError, StorageUnavailableError } from '../errors';

/** better-sqlite3's SqliteError carries SQLite's extended code as a string, e.g. 'SQLITE_READONLY_DBMOVED'. */
export function sqliteCode(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A folder or file that cannot be written: a read-only mount, permissions, an immutable file. */
function readOnlyPlace(file: string): boolean {
  if (fs.existsSync(file) && !writable(file)) return true;
  return !writable(path.dirname(file));
}

/** The typed error for a storage failure of `file`, or null when err is something else. */
export function storageErrorFrom(err: unknown, file: string): CouncilError | null {
  if (err instanceof CouncilError) return null;
  const fsCode = (err as NodeJS.ErrnoException | null)?.code;
  // The same faults met by Node's fs (making the backups folder, copying a file).
  if (fsCode === 'ENOSPC' || fsCode === 'EDQUOT') return new DiskFullError(file);
  if (fsCode === 'EROFS' || fsCode === 'EACCES' || fsCode === 'EPERM') return new DatabaseReadOnlyError(file, `${fsCode}: ${(err as Error).message}`);
  if (fsCode === 'EIO' || fsCode === 'ENXIO') return new StorageUnavailableError(file, `${fsCode}: ${(err as Error).message}`);
  const code = sqliteCode(err);
  if (!code) return null;
  const details = `${code}: ${(err as Error).message}`;
  if (code === 'SQLITE_FULL') return new DiskFullError(file);
  if (code.startsWith('SQLITE_READONLY')) return new DatabaseReadOnlyError(file, details);
  if (code.startsWith('SQLITE_CANTOPEN')) {
    // WAL needs to create the -wal and -shm files beside the database: a read-only folder fails as CANTOPEN.
    return readOnlyPlace(file) ? new DatabaseReadOnlyError(file, details) : new StorageUnavailableError(file, details);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    // ENOSPC while writing the WAL or a temp file surfaces as an I/O error on some systems.
    if (/SQLITE_IOERR_(WRITE|FSYNC|TRUNCATE|SHMSIZE)/.test(code) && diskIsFull(file)) return new DiskFullError(file);
    return new StorageUnavailableError(file, details);
  }
  return null;
}

function diskIsFull(file: string): boolean {
  try {
    const st = fs.statfsSync(path.dirname(file));
    return st.bavail * st.bsize < 64 * 1024;
  } catch {
    return false;
  }
}
