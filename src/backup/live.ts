// The open council as the hosts hold it (Electron's main, the browser host): the database can be swapped
// under the running app by a restore, so the hosts hand out the *current* context through a getter, and
// backups, the daily schedule and the restore go through here. A restore:
//   1. finds the backup by its name among the listed backups (never a path from the UI);
//   2. checks it (integrity_check, a council database) while the live database is still open, so a bad
//      backup leaves the app exactly as it was;
//   3. takes a 'before-restore' backup, listed like the others, so the restore itself can be undone;
//   4. stops the schedule, closes the database, restores (the live file is moved aside, never deleted),
//      reopens (migrating an older backup) and restarts the schedule;
//   5. if the restored file will not open (e.g. written by a newer app), puts the previous file back.
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context';
import type { Council } from '../core/council';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { integrityProblems, takeBackup } from './backup';
import { backupFileName, defaultBackupDir, stampOf, type BackupFile } from './files';
import { restoreDatabase } from './restore';
import type { BackupScheduler, IntervalTimer } from './scheduler';
import { createBackupService, type BackupService } from './service';

export interface RestoreOutcome {
  restoredFrom: string;
  /** The backup of the database as it was just before, to undo the restore. */
  beforeRestore: string;
  /** File names of the replaced database (and its -wal/-shm), kept beside it. */
  keptAside: string[];
}

export interface LiveCouncil {
  /** The context of the database open now; refused while a restore runs. */
  ctx(): CoreContext;
  current(): Council;
  databasePath: string;
  backupDir: string;
  backups: {
    list(): BackupFile[];
    backupNow(reason?: string): Promise<{ backup: BackupFile }>;
    restore(fileName: string): Promise<RestoreOutcome>;
    /** Run the schedule's check now (when it runs): a sitting just opened gets its backup at once. */
    afterSittingOpened(): Promise<void>;
  };
  /** Daily and on-closing backups while the host runs; stopped by close(). */
  startSchedule(): void;
  stopSchedule(): void;
  scheduled(): boolean;
  close(): Promise<void>;
}

export interface LiveCouncilOptions {
  /** Opens the council's file (always the same path). */
  open(): Promise<Council>;
  timer?: IntervalTimer;
  checkEveryMs?: number;
  onScheduleError?: (err: unknown) => void;
}

export async function openLiveCouncil(options: LiveCouncilOptions): Promise<LiveCouncil> {
  let council = await options.open();
  const databasePath = council.database.path;
  const backupDir = defaultBackupDir(databasePath);
  let service: BackupService = createBackupService(council.database, council.ctx, backupDir);
  let schedule: BackupScheduler | null = null;
  let restoring = false;
  // Set from the first line of a restore (before any await): a second press of Restore must not start
  // another one while the first is still taking its before-restore backup.
  let restoreBusy = false;

  const ctx = () => {
    if (restoring) throw new ConflictError('call', 'the database is being restored from a backup; try again in a moment', 'restore_running');
    return council.ctx;
  };
  const startSchedule = () => {
    if (schedule) return;
    schedule = service.startSchedule({
      ...(options.timer ? { timer: options.timer } : {}),
      ...(options.checkEveryMs ? { checkEveryMs: options.checkEveryMs } : {}),
      onError: options.onScheduleError ?? ((err) => console.error('scheduled backup failed:', err)),
    });
  };
  const stopSchedule = () => {
    schedule?.stop();
    schedule = null;
  };
  /** Stop the schedule and wait for a check already running, so the database is never closed under it. */
  const stopScheduleAndWait = async () => {
    const stopping = schedule;
    stopSchedule();
    await stopping?.idle();
  };

  async function restore(fileName: string): Promise<RestoreOutcome> {
    if (restoreBusy) throw new ConflictError('fileName', 'a restore is already running', 'restore_running');
    restoreBusy = true;
    try {
      return await restoreOnce(fileName);
    } finally {
      restoreBusy = false;
    }
  }

  async function restoreOnce(fileName: string): Promise<RestoreOutcome> {
    const backup = service.list().find((b) => b.fileName === fileName);
    if (!backup) throw new NotFoundError('fileName', 'backup', fileName);
    const problems = integrityProblems(backup.path);
    if (problems.length > 0) throw new ValidationError('fileName', `the backup is damaged: ${problems.slice(0, 3).join('; ')}`, 'backup_damaged');

    // Not pruned: pruning now could delete the very backup being restored. A name is an instant to the
    // millisecond: never reuse one (a frozen or coarse clock would overwrite an earlier before-restore).
    let at = council.ctx.now();
    while (fs.existsSync(path.join(backupDir, backupFileName(databasePath, 'before-restore', at)))) at = new Date(at.getTime() + 1);
    const before = await takeBackup({ sqlite: council.database.sqlite, databasePath, reason: 'before-restore', now: at, dir: backupDir });
    const now = council.ctx.now();
    const wasScheduled = schedule !== null;
    await stopScheduleAndWait();
    restoring = true;
    try {
      await council.close();
      let outcome: ReturnType<typeof restoreDatabase> | null = null;
      let failure: unknown = null;
      try {
        outcome = restoreDatabase({ databasePath, backupPath: backup.path, now });
      } catch (err) {
        failure = err;
      }
      try {
        council = await options.open();
      } catch (err) {
        if (!outcome) throw err;
        // The restored file does not open here: put the previous file back and say why.
        putBack(databasePath, outcome.keptAside, stampOf(now));
        council = await options.open();
        failure = new ValidationError('fileName', `the backup cannot be opened by this app: ${(err as Error).message}`, 'backup_unreadable');
      }
      service = createBackupService(council.database, council.ctx, backupDir);
      if (failure instanceof ValidationError && failure.field === 'backupPath') throw new ValidationError('fileName', failure.message, failure.issues[0]?.code ?? 'backup_unreadable');
      if (failure) throw failure;
      return { restoredFrom: backup.fileName, beforeRestore: before.backup.fileName, keptAside: outcome!.keptAside.map((p) => path.basename(p)) };
    } finally {
      restoring = false;
      if (wasScheduled) startSchedule();
    }
  }

  return {
    ctx,
    current: () => council,
    databasePath,
    backupDir,
    backups: {
      list: () => service.list(),
      backupNow: (reason) => service.backupNow(reason),
      restore,
      // The tick reports its own failure (onScheduleError) and never rejects: the sitting stays opened.
      afterSittingOpened: async () => {
        await schedule?.tick();
      },
    },
    startSchedule,
    stopSchedule,
    scheduled: () => schedule !== null,
    close: async () => {
      await stopScheduleAndWait();
      await council.close();
    },
  };
}

/** Undo restoreDatabase's swap: the restored file goes aside as '.unopenable-', the kept files come back. */
function putBack(databasePath: string, keptAside: string[], stamp: string): void {
  const main = keptAside.find((p) => p.endsWith('.sqlite'));
  if (!main) return;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, `${databasePath}.unopenable-${stamp}${suffix}`);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(main + suffix)) fs.renameSync(main + suffix, databasePath + suffix);
  }
}
