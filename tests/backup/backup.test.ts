// Backups: taken online, checked, pruned to the last N, listed; scheduled daily and after a session is
// closed (fake clock); restored after the live file was deliberately damaged.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../src/backup/backup';
import { backupFileName, listBackupFiles, pruneBackups } from '../../src/backup/files';
import { restoreDatabase } from '../../src/backup/restore';
import { startBackupScheduler, type IntervalTimer } from '../../src/backup/scheduler';
import { createBackupService } from '../../src/backup/service';
import { openDatabase } from '../../src/database/open';
import { DatabaseDamagedError, NotFoundError, ValidationError } from '../../src/errors';
import { updateOrganisationSettings } from '../../src/settings/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const sessions = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('select number from council_session order by number').all() as { number: number }[]).map((r) => r.number);
  } finally {
    db.close();
  }
};

class FakeTimer implements IntervalTimer {
  handlers = new Map<number, { fn: () => void; ms: number }>();
  next = 1;
  setInterval(fn: () => void, ms: number) {
    this.handlers.set(this.next, { fn, ms });
    return this.next++;
  }
  clearInterval(h: unknown) {
    this.handlers.delete(h as number);
  }
  fire() {
    for (const h of this.handlers.values()) h.fn();
  }
}

describe('takeBackup and the backups folder', () => {
  it('copies the live database online into <data>/backups, checked, and lists it', async () => {
    insertSessionRecord(t.sqlite, 66);
    const { backup, pruned } = await takeBackup({ sqlite: t.sqlite, databasePath: t.path, reason: 'manual', now: new Date('2026-11-10T08:00:00.000Z') });
    expect(path.dirname(backup.path)).toBe(path.join(t.dir, 'backups'));
    expect(backup).toMatchObject({ fileName: 'council-manual-2026-11-10T08-00-00-000Z.sqlite', reason: 'manual', takenAt: '2026-11-10T08:00:00.000Z' });
    expect(pruned).toEqual([]);
    expect(sessions(backup.path)).toEqual([66]);
    expect(fs.readdirSync(path.dirname(backup.path)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps the last N, newest first, and understands the pre-migration backups of openDatabase', async () => {
    const dir = path.join(t.dir, 'backups');
    for (let day = 1; day <= 5; day++) {
      await takeBackup({ sqlite: t.sqlite, databasePath: t.path, reason: 'daily', now: new Date(`2026-11-0${day}T08:00:00.000Z`) });
    }
    fs.writeFileSync(path.join(dir, backupFileName(t.path, 'before-0003_approval_and_seal', new Date('2026-10-01T00:00:00.000Z'))), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const listed = listBackupFiles(t.path);
    expect(listed.map((b) => b.reason)).toEqual(['daily', 'daily', 'daily', 'daily', 'daily', 'before-0003_approval_and_seal']);
    const { pruned } = await takeBackup({ sqlite: t.sqlite, databasePath: t.path, reason: 'session-closed', now: new Date('2026-11-06T08:00:00.000Z'), keep: 3 });
    expect(pruned).toHaveLength(4);
    expect(listBackupFiles(t.path).map((b) => b.takenAt)).toEqual([
      '2026-11-06T08:00:00.000Z',
      '2026-11-05T08:00:00.000Z',
      '2026-11-04T08:00:00.000Z',
    ]);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(pruneBackups(t.path, 0)).toHaveLength(2); // never below one
  });

  it('the service keeps settings.backupsToKeep', async () => {
    await updateOrganisationSettings(t.ctx, { backupsToKeep: 2 });
    const service = createBackupService(t, t.ctx);
    for (const iso of ['2026-11-01T08:00:00.000Z', '2026-11-02T08:00:00.000Z', '2026-11-03T08:00:00.000Z']) {
      t.setNow(iso);
      await service.backupNow();
    }
    expect(service.list().map((b) => b.takenAt)).toEqual(['2026-11-03T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });
});

describe('the schedule (fake clock)', () => {
  it('takes a daily backup, one after a session is closed, and keeps going after a failure', async () => {
    const timer = new FakeTimer();
    const service = createBackupService(t, t.ctx);
    const errors: unknown[] = [];
    const scheduler = service.startSchedule({ timer, onError: (e) => errors.push(e) });
    expect(timer.handlers.size).toBe(1);
    expect([...timer.handlers.values()][0]!.ms).toBe(60_000);

    t.setNow('2026-11-10T08:00:00.000Z');
    expect(await scheduler.tick()).toBe('daily'); // none yet
    t.setNow('2026-11-10T09:00:00.000Z');
    expect(await scheduler.tick()).toBeNull();

    const ids = insertSessionRecord(t.sqlite, 66);
    t.setNow('2026-11-10T17:00:00.000Z');
    t.sqlite.prepare(`update council_session set status = 'closed', updated_at = ? where id = ?`).run('2026-11-10T16:59:00.000Z', ids.sessionId);
    timer.fire();
    expect(await scheduler.tick()).toBe('session-closed'); // joins the check the timer started
    expect(await scheduler.tick()).toBeNull();
    expect(service.list().map((b) => b.reason)).toEqual(['session-closed', 'daily']);

    t.setNow('2026-11-11T08:00:00.000Z');
    expect(await scheduler.tick()).toBeNull(); // 15 h after the last one
    t.setNow('2026-11-11T17:00:00.000Z');
    expect(await scheduler.tick()).toBe('daily');

    fs.rmSync(service.dir, { recursive: true });
    fs.writeFileSync(service.dir, 'a file where the folder should be');
    t.setNow('2026-11-13T08:00:00.000Z');
    expect(await scheduler.tick()).toBeNull();
    expect(errors).toHaveLength(1);
    fs.rmSync(service.dir);
    // The folder (and every backup) is gone: the closed session is not in any backup any more.
    expect(await scheduler.tick()).toBe('session-closed');

    scheduler.stop();
    expect(timer.handlers.size).toBe(0);
  });

  it('never runs two checks at once', async () => {
    const timer = new FakeTimer();
    let backups = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = startBackupScheduler({
      timer,
      now: () => new Date('2026-11-10T08:00:00.000Z'),
      lastBackupAt: () => null,
      sessionClosedSince: async () => false,
      backup: async () => {
        backups++;
        await gate;
      },
    });
    const a = s.tick();
    const b = s.tick();
    timer.fire();
    release();
    expect(await a).toBe('daily');
    expect(await b).toBe('daily');
    expect(backups).toBe(1);
    s.stop();
  });
});

describe('restoreDatabase', () => {
  it('brings back a database whose live file was damaged, keeping the damaged one aside', async () => {
    insertSessionRecord(t.sqlite, 66);
    const { backup } = await takeBackup({ sqlite: t.sqlite, databasePath: t.path, reason: 'daily', now: new Date('2026-11-10T08:00:00.000Z') });
    insertSessionRecord(t.sqlite, 67); // after the backup: lost by the restore, kept in the file set aside
    t.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await t.close();
    const bytes = fs.readFileSync(t.path);
    for (let i = 4096 + 8; i < 4096 * 3; i++) bytes[i] = 0xa5;
    fs.writeFileSync(t.path, bytes);
    await expect(openDatabase({ path: t.path })).rejects.toBeInstanceOf(DatabaseDamagedError);

    const result = restoreDatabase({ databasePath: t.path, backupPath: backup.path, now: new Date('2026-11-12T10:00:00.000Z') });
    const aside = path.join(t.dir, 'council.replaced-2026-11-12T10-00-00-000Z.sqlite');
    expect(result.keptAside[0]).toBe(aside);
    expect(fs.readFileSync(aside).equals(bytes)).toBe(true);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('restoring'))).toEqual([]);

    const reopened = await openDatabase({ path: t.path });
    expect((reopened.sqlite.prepare('select number from council_session').all() as { number: number }[]).map((r) => r.number)).toEqual([66]);
    await reopened.close();
    t.close = async () => {}; // already closed; cleanup() removes the folder
  });

  it('refuses a damaged backup, a file that is not ours, and a missing one, touching nothing', async () => {
    const { backup } = await takeBackup({ sqlite: t.sqlite, databasePath: t.path, reason: 'daily', now: new Date('2026-11-10T08:00:00.000Z') });
    const damaged = fs.readFileSync(backup.path);
    for (let i = 4096 + 8; i < 4096 * 2; i++) damaged[i] = 0x5a;
    fs.writeFileSync(backup.path, damaged);
    const liveBefore = fs.readdirSync(t.dir).sort();
    const now = new Date('2026-11-12T10:00:00.000Z');
    expect(() => restoreDatabase({ databasePath: t.path, backupPath: backup.path, now })).toThrow(DatabaseDamagedError);

    const foreign = path.join(t.dir, 'backups', 'other.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('create table x (y)');
    other.close();
    const err = (() => {
      try {
        restoreDatabase({ databasePath: t.path, backupPath: foreign, now });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('backupPath');
    expect(() => restoreDatabase({ databasePath: t.path, backupPath: path.join(t.dir, 'nope.sqlite'), now })).toThrow(NotFoundError);
    expect(fs.readdirSync(t.dir).sort()).toEqual(liveBefore);
  });
});
