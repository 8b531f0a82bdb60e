// The one mapping of storage failures (storage-errors.ts), code by code: what the disk tests cannot make
// happen on demand (a failing drive) is checked here with the errors better-sqlite3 and fs throw.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storageErrorFrom } from '../../src/database/storage-errors';
import { ValidationError } from '../../src/errors';
import { tempDir } from '../helpers/temp-db';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function sqliteError(code: string, message = 'x'): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}

function writableFile(): string {
  const dir = tempDir('council-map-');
  dirs.push(dir);
  return path.join(dir, 'council.sqlite');
}

describe('storageErrorFrom', () => {
  const file = writableFile();
  const cases: [string, Error, string | null][] = [
    ['SQLITE_FULL', sqliteError('SQLITE_FULL', 'database or disk is full'), 'DISK_FULL'],
    ['ENOSPC from fs', Object.assign(new Error('no space'), { code: 'ENOSPC' }), 'DISK_FULL'],
    ['SQLITE_READONLY', sqliteError('SQLITE_READONLY'), 'DATABASE_READ_ONLY'],
    ['SQLITE_READONLY_DBMOVED', sqliteError('SQLITE_READONLY_DBMOVED'), 'DATABASE_READ_ONLY'],
    ['EROFS from fs', Object.assign(new Error('read-only'), { code: 'EROFS' }), 'DATABASE_READ_ONLY'],
    ['SQLITE_CANTOPEN in a writable folder', sqliteError('SQLITE_CANTOPEN'), 'STORAGE_UNAVAILABLE'],
    ['SQLITE_IOERR_READ', sqliteError('SQLITE_IOERR_READ'), 'STORAGE_UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE with space left', sqliteError('SQLITE_IOERR_WRITE'), 'STORAGE_UNAVAILABLE'],
    ['SQLITE_CORRUPT (only integrity_check says damaged)', sqliteError('SQLITE_CORRUPT'), null],
    ['SQLITE_CONSTRAINT_UNIQUE', sqliteError('SQLITE_CONSTRAINT_UNIQUE'), null],
    ['SQLITE_BUSY', sqliteError('SQLITE_BUSY'), null],
    ['a plain Error', new Error('boom'), null],
    ['a typed error', new ValidationError('x', 'bad', 'invalid'), null],
  ];
  for (const [what, err, code] of cases) {
    it(`${what} → ${code ?? 'not a storage error'}`, () => {
      const mapped = storageErrorFrom(err, file);
      if (code === null) expect(mapped).toBeNull();
      else expect(mapped).toMatchObject({ code, field: 'database' });
      if (mapped) expect(mapped.message).toContain(file);
    });
  }
});
