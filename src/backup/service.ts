// Backups for the app and the CLI, bound to an open database: take one now, list them, run the schedule.
// Restoring needs the database closed: see restore.ts (the host closes, restores, reopens).
import { sql } from 'kysely';
import type { CoreContext } from '../core/context';
import type { CouncilDatabase } from '../database/open';
import { readOrganisationSettings } from '../settings/service';
import { takeBackup, type TakenBackup } from './backup';
import { defaultBackupDir, listBackupFiles, type BackupFile } from './files';
import { startBackupScheduler, systemTimer, type BackupScheduler, type IntervalTimer } from './scheduler';

export interface BackupService {
  dir: string;
  backupNow(reason?: string): Promise<TakenBackup>;
  list(): BackupFile[];
  startSchedule(options?: { timer?: IntervalTimer; onError?: (err: unknown) => void; checkEveryMs?: number }): BackupScheduler;
}

export function createBackupService(database: CouncilDatabase, ctx: CoreContext, dir = defaultBackupDir(database.path)): BackupService {
  const keep = async () => (await ctx.db.transaction().execute((tx) => readOrganisationSettings(tx))).backupsToKeep;
  const backupNow = async (reason = 'manual') =>
    takeBackup({ sqlite: database.sqlite, databasePath: database.path, reason, now: ctx.now(), dir, keep: await keep() });
  const list = () => listBackupFiles(database.path, dir);
  return {
    dir,
    backupNow,
    list,
    startSchedule: (options = {}) =>
      startBackupScheduler({
        timer: options.timer ?? systemTimer,
        now: ctx.now,
        lastBackupAt: () => {
          const newest = list()[0];
          return newest ? new Date(newest.takenAt) : null;
        },
        sessionClosedSince: async (since) => {
          // Sessions record their closing by status 'closed' and updated_at (sessions/service.ts).
          const row = await sql<{ n: number }>`select count(*) as n from council_session
            where status = 'closed' and (${since?.toISOString() ?? null} is null or updated_at > ${since?.toISOString() ?? null})`.execute(ctx.db);
          return Number(row.rows[0]?.n ?? 0) > 0;
        },
        sittingOpenedSince: async (since) => {
          // A sitting opens when it is created (sittings/service.ts createSitting stamps created_at).
          const row = await sql<{ n: number }>`select count(*) as n from sitting
            where (${since?.toISOString() ?? null} is null or created_at > ${since?.toISOString() ?? null})`.execute(ctx.db);
          return Number(row.rows[0]?.n ?? 0) > 0;
        },
        backup: async (reason) => {
          await backupNow(reason);
        },
        ...(options.onError ? { onError: options.onError } : {}),
        ...(options.checkEveryMs ? { checkEveryMs: options.checkEveryMs } : {}),
      }),
  };
}
