// Automatic backups while the app is open: a check every minute (by default) takes
//  - a 'session-closed' backup when a session was closed since the last backup, and otherwise
//  - a 'sitting-opened' backup when a sitting was opened since the last backup (the host also runs a
//    check the moment a sitting opens, so the day's first copy exists before the first vote), and otherwise
//  - a 'daily' backup when the last one is 24 hours old (or there is none).
// The timer is a parameter so tests drive it with a fake clock; checks never overlap, and a failure is
// reported (onError) without stopping the schedule.
export interface IntervalTimer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimer: IntervalTimer = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.(); // never keep the process alive for a backup
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface SchedulerOptions {
  timer: IntervalTimer;
  now: () => Date;
  /** The newest backup's instant (any reason), or null. */
  lastBackupAt: () => Date | null;
  /** Whether a session was closed after `since` (or ever, when null). */
  sessionClosedSince: (since: Date | null) => Promise<boolean>;
  /** Whether a sitting was opened after `since` (or ever, when null). */
  sittingOpenedSince?: (since: Date | null) => Promise<boolean>;
  backup: (reason: ScheduledReason) => Promise<void>;
  onError?: (err: unknown) => void;
  checkEveryMs?: number;
  dailyMs?: number;
}

export type ScheduledReason = 'daily' | 'session-closed' | 'sitting-opened';

export interface BackupScheduler {
  /** One check now (also what the timer calls). Resolves to the backup taken, if any. */
  tick(): Promise<ScheduledReason | null>;
  stop(): void;
  /** Resolves once no check is running: the host awaits it before closing the database. */
  idle(): Promise<void>;
}

export function startBackupScheduler(options: SchedulerOptions): BackupScheduler {
  const dailyMs = options.dailyMs ?? 24 * 60 * 60 * 1000;
  let running: Promise<ScheduledReason | null> | null = null;

  const check = async (): Promise<ScheduledReason | null> => {
    const last = options.lastBackupAt();
    if (await options.sessionClosedSince(last)) {
      await options.backup('session-closed');
      return 'session-closed';
    }
    if (await options.sittingOpenedSince?.(last)) {
      await options.backup('sitting-opened');
      return 'sitting-opened';
    }
    if (!last || options.now().getTime() - last.getTime() >= dailyMs) {
      await options.backup('daily');
      return 'daily';
    }
    return null;
  };

  const tick = (): Promise<ScheduledReason | null> => {
    if (running) return running;
    running = check()
      .catch((err: unknown) => {
        options.onError?.(err);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const handle = options.timer.setInterval(() => void tick(), options.checkEveryMs ?? 60_000);
  return {
    tick,
    stop: () => options.timer.clearInterval(handle),
    idle: async () => {
      await running;
    },
  };
}
