import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open';
import { migrationNames } from '../../src/database/migrations';
import { DatabaseDamagedError, DatabaseFromFutureError } from '../../src/errors';
import { tempDir } from '../helpers/temp-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function newDir() {
  const d = tempDir();
  dirs.push(d);
  return d;
}

describe('openDatabase', () => {
  it('creates a migrated file with durable pragmas', async () => {
    const file = path.join(newDir(), 'nested', 'council.sqlite');
    const opened = await openDatabase({ path: file });
    expect(fs.existsSync(file)).toBe(true);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(opened.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    const applied = opened.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(migrationNames);
    expect(opened.backupsTaken).toEqual([]);
    await opened.close();
  });

  it('reopens an up-to-date file without a backup', async () => {
    const file = path.join(newDir(), 'council.sqlite');
    await (await openDatabase({ path: file })).close();
    const again = await openDatabase({ path: file });
    expect(again.backupsTaken).toEqual([]);
    await again.close();
  });

  it('refuses a database whose schema is newer than the app, and leaves it untouched', async () => {
    const file = path.join(newDir(), 'council.sqlite');
    await (await openDatabase({ path: file })).close();
    const raw = new BetterSqlite3(file);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_from_the_future', new Date().toISOString());
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase({ path: file })).rejects.toBeInstanceOf(DatabaseFromFutureError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged file and keeps it', async () => {
    const file = path.join(newDir(), 'council.sqlite');
    const opened = await openDatabase({ path: file });
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await opened.close();
    const bytes = fs.readFileSync(file);
    // Overwrite the second page (a table's b-tree) with garbage.
    for (let i = 4096 + 8; i < 4096 * 2; i++) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const err = await openDatabase({ path: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    expect((err as DatabaseDamagedError).field).toBe('database');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reports a file that is not a database at all', async () => {
    const file = path.join(newDir(), 'council.sqlite');
    fs.writeFileSync(file, 'this is not sqlite, just text that someone saved with the wrong name'.repeat(100));
    await expect(openDatabase({ path: file })).rejects.toBeInstanceOf(DatabaseDamagedError);
  });
});
