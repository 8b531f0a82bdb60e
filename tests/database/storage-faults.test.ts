// Faults of the disk, each named truly and none fatal to the data: a full disk (a small tmpfs), a
// read-only folder (the tmpfs remounted read-only), a read-only file (chattr +i: root ignores file
// permissions, not the immutable flag). Each gets its typed error with a sentence a secretary can act on,
// and what was saved before stays intact. These need root (mount, chattr): without it they fail loudly.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../src/backup/backup';
import { inTransaction, type CoreContext } from '../../src/core/context';
import { openDatabase, type CouncilDatabase } from '../../src/database/open';
import { createSampleSession } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-db';

const now = () => new Date('2026-11-10T08:00:00Z');
let mnt = '';
let mounted = false;
const opened: CouncilDatabase[] = [];
const immutable: string[] = [];

function run(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`these tests need root to ${cmd} (${args.join(' ')}): ${stderr || (err as Error).message}`);
  }
}

function mountTmpfs(size: string): void {
  run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mnt]);
  mounted = true;
}

beforeEach(() => {
  mnt = tempDir('council-faults-');
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  for (const f of immutable.splice(0)) execFileSync('chattr', ['-i', f]);
  if (mounted) {
    try {
      execFileSync('umount', [mnt]);
    } catch (err) {
      // Something still holds a file there: detach anyway (never leave a mount behind), then report it.
      execFileSync('umount', ['-l', mnt]);
      throw err;
    }
  }
  mounted = false;
  fs.rmSync(mnt, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function open(file: string): Promise<CouncilDatabase> {
  const db = await openDatabase({ path: file, backupDir: path.join(path.dirname(file), 'backups') });
  opened.push(db);
  return db;
}

async function writeSetting(ctx: CoreContext, key: string, bytes: number): Promise<void> {
  await inTransaction(ctx, (tx) =>
    tx.insertInto('setting').values({ key, valueJson: JSON.stringify('x'.repeat(bytes)), updatedAt: now().toISOString() }).execute(),
  );
}

/** Fill the filesystem with a plain file, so the next write meets ENOSPC. */
function fillDisk(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // Whatever fits in the last partial block too.
  try {
    fs.appendFileSync(path.join(dir, 'filler'), Buffer.alloc(4096, 1));
  } catch {
    /* full */
  }
}

describe('a full disk', () => {
  it('refuses the write that does not fit with DISK_FULL, keeping everything saved before', async () => {
    mountTmpfs('3m');
    const file = path.join(mnt, 'council.sqlite');
    const db = await open(file);
    const ctx: CoreContext = { db: db.db, now };
    await createSampleSession(ctx, { members: 6 });
    const saved: string[] = [];
    let error: unknown = null;
    for (let i = 0; i < 10_000 && !error; i++) {
      try {
        await writeSetting(ctx, `k${i}`, 20_000);
        saved.push(`k${i}`);
      } catch (err) {
        error = err;
      }
    }
    expect(error).toMatchObject({ code: 'DISK_FULL', field: 'database' });
    expect((error as Error).message).toMatch(/disk .* is full.*free some space/);
    expect((error as Error).message).not.toMatch(/rollback|no transaction/);
    expect(db.sqlite.inTransaction).toBe(false);
    expect(saved.length).toBeGreaterThan(10);
    // The connection goes on working: reads see exactly what was saved.
    const stored = await db.db.selectFrom('setting').select('key').where('key', 'like', 'k%').execute();
    expect(stored.map((r) => r.key).sort()).toEqual([...saved].sort());
    await db.close();
    opened.length = 0;
    // Another process (a fresh connection) sees the same, and the file is sound.
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const keys = (raw.prepare(`select key from setting where key like 'k%'`).all() as { key: string }[]).map((r) => r.key);
      expect(keys.sort()).toEqual([...saved].sort());
    } finally {
      raw.close();
    }
  });

  it('creating a database on a full disk fails with DISK_FULL, and leaves nothing that will not open', async () => {
    mountTmpfs('1m');
    fillDisk(mnt);
    const file = path.join(mnt, 'council.sqlite');
    const err = await openDatabase({ path: file }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DISK_FULL' });
    // Once there is space again, the same path opens: a half-made file never blocks it.
    fs.rmSync(path.join(mnt, 'filler'));
    const db = await open(file);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a backup on a full disk fails with DISK_FULL and leaves no partial file', async () => {
    mountTmpfs('2m');
    const file = path.join(tempDir('council-faults-db-'), 'council.sqlite');
    const db = await open(file);
    try {
      await createSampleSession({ db: db.db, now }, { members: 12, sittings: 4 });
      for (let i = 0; i < 40; i++) await writeSetting({ db: db.db, now }, `big${i}`, 100_000);
      fillDisk(mnt);
      const err = await takeBackup({ sqlite: db.sqlite, databasePath: file, reason: 'manual', now: now(), dir: mnt }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DISK_FULL' });
      expect(fs.readdirSync(mnt).filter((f) => f !== 'filler')).toEqual([]);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await db.close();
      opened.length = 0;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('a read-only folder', () => {
  it('opens as DATABASE_READ_ONLY, never "damaged", and the file is untouched', async () => {
    mountTmpfs('8m');
    const file = path.join(mnt, 'council.sqlite');
    const db = await open(file);
    await createSampleSession({ db: db.db, now }, { members: 6 });
    await db.close();
    opened.length = 0;
    const before = sha(file);
    run('mount', ['-o', 'remount,ro', mnt]);
    const err = await openDatabase({ path: file }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATABASE_READ_ONLY', field: 'database' });
    expect((err as Error).message).toMatch(/copy the file to a folder you can write to/);
    expect((err as Error).message).not.toMatch(/damaged/);
    expect(sha(file)).toBe(before);
    run('mount', ['-o', 'remount,rw', mnt]);
    const again = await open(file);
    expect(again.sqlite.prepare('select count(*) n from council_session').get()).toEqual({ n: 1 });
  });

  it('creating a database there fails as DATABASE_READ_ONLY', async () => {
    mountTmpfs('1m');
    run('mount', ['-o', 'remount,ro', mnt]);
    const err = await openDatabase({ path: path.join(mnt, 'council.sqlite') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATABASE_READ_ONLY' });
  });
});

describe('a read-only file', () => {
  it('fails each write as DATABASE_READ_ONLY and keeps its record', async () => {
    mountTmpfs('8m');
    const file = path.join(mnt, 'council.sqlite');
    const first = await open(file);
    const sample = await createSampleSession({ db: first.db, now }, { members: 6 });
    await first.close();
    opened.length = 0;
    run('chattr', ['+i', file]);
    immutable.push(file);
    const db = await open(file);
    const ctx: CoreContext = { db: db.db, now };
    for (let i = 0; i < 2; i++) {
      const err = await writeSetting(ctx, `k${i}`, 10).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DATABASE_READ_ONLY', field: 'database' });
      expect((err as Error).message).toMatch(/cannot be written .*copy the file/);
    }
    expect(db.sqlite.inTransaction).toBe(false);
    const sessions = await db.db.selectFrom('councilSession').select('id').execute();
    expect(sessions.map((s) => s.id)).toEqual([sample.sessionId]);
  });
});

describe('a damaged file', () => {
  it('is called damaged only when SQLite finds it so', async () => {
    const dir = tempDir('council-faults-damaged-');
    try {
      const file = path.join(dir, 'council.sqlite');
      fs.writeFileSync(file, Buffer.alloc(8192, 7));
      expect(await openDatabase({ path: file }).catch((e: unknown) => e)).toMatchObject({ code: 'DATABASE_DAMAGED' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
