// The lock's one escape hatch (see migration 0003): a session_lock_override row present only for the
// duration of fn, inside the caller's transaction, so a crash can never leave it behind.
import type { Tx } from '../core/context';

export async function withLockOverride<T>(tx: Tx, sessionId: string, reason: string, fn: () => Promise<T>): Promise<T> {
  await tx.insertInto('sessionLockOverride').values({ sessionId, reason }).execute();
  const result = await fn();
  await tx.deleteFrom('sessionLockOverride').where('sessionId', '=', sessionId).execute();
  return result;
}
