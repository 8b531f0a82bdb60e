// Which locked session a lock trigger refused. The triggers (migration 0005) abort with the constant
// message 'LOCKED_SESSION' — RAISE with an expression is unreadable to SQLite before 3.47, so the file
// would not open in other tools — and, just before, call council_locked_session(<session id>), which
// notes the id on the connection. The dialect turns the abort into a LockedSessionError with that id.
// A connection without the function (the sqlite3 shell, Python) still refuses the write ("no such
// function"), as it already must for the search triggers.
import type BetterSqlite3 from 'better-sqlite3';
import { LockedSessionError } from '../errors';

export const LOCKED_SESSION_FUNCTION = 'council_locked_session';

const lastHit = new WeakMap<BetterSqlite3.Database, string>();

export function registerLockFunction(sqlite: BetterSqlite3.Database): void {
  sqlite.function(LOCKED_SESSION_FUNCTION, { deterministic: false, varargs: false }, (sessionId: unknown) => {
    lastHit.set(sqlite, String(sessionId));
    return 1;
  });
}

/**
 * The typed error for a lock trigger's abort, or null. The message is 'LOCKED_SESSION' (0005 onwards,
 * the id noted by the function) or 'LOCKED_SESSION:<id>' (a file still at 0003/0004, while migrating).
 */
export function lockedSessionFrom(err: unknown, sqlite: BetterSqlite3.Database): LockedSessionError | null {
  if (err instanceof LockedSessionError || !(err instanceof Error)) return null;
  const withId = /LOCKED_SESSION:([0-9A-Za-z-]+)/.exec(err.message);
  if (withId) return new LockedSessionError(withId[1]!);
  if (!/\bLOCKED_SESSION\b/.test(err.message)) return null;
  const id = lastHit.get(sqlite);
  lastHit.delete(sqlite);
  return new LockedSessionError(id ?? 'unknown');
}
