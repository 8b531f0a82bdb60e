// withLockOverride (src/approval/lock.ts), the lock's one escape hatch: inside fn the named locked session
// may be written, and only that session; afterwards the override row is gone and the lock is back, also
// when fn fails (the caller's transaction rolls back). For the mutation run (docs/mutation.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLockOverride } from '../../src/approval/lock';
import { inTransaction } from '../../src/core/context';
import { LockedSessionError } from '../../src/errors';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, lockSession, type RecordIds } from './fixture';

let t: TempDb;
let ids: RecordIds;
let other: RecordIds;
beforeEach(async () => {
  t = await openTempDb();
  ids = insertSessionRecord(t.sqlite, 66);
  other = insertSessionRecord(t.sqlite, 67);
  lockSession(t.sqlite, ids.sessionId);
  lockSession(t.sqlite, other.sessionId);
});
afterEach(async () => t.cleanup());

const overrides = () => t.sqlite.prepare('select session_id as sessionId, reason from session_lock_override').all();
const noteText = (sessionId: string) => (t.sqlite.prepare('select text from note where session_id = ? order by id limit 1').get(sessionId) as { text: string }).text;
const editNote = (tx: Parameters<Parameters<typeof inTransaction>[1]>[0], sessionId: string, text: string) =>
  tx.updateTable('note').set({ text }).where('sessionId', '=', sessionId).execute();

describe('withLockOverride', () => {
  it("opens the named session only, for fn's duration, with its reason; returns fn's result; leaves no row behind", async () => {
    const seen: unknown[] = [];
    const result = await inTransaction(t.ctx, (tx) =>
      withLockOverride(tx, ids.sessionId, 'a wrong figure', async () => {
        seen.push(await tx.selectFrom('sessionLockOverride').selectAll().execute());
        await editNote(tx, ids.sessionId, 'corrected');
        // The other locked session stays locked inside the same transaction.
        seen.push(await editNote(tx, other.sessionId, 'not allowed').catch((e: unknown) => e));
        return 'done';
      }),
    );
    expect(result).toBe('done');
    expect(seen[0]).toEqual([{ sessionId: ids.sessionId, reason: 'a wrong figure' }]);
    expect(seen[1]).toBeInstanceOf(LockedSessionError);
    expect(noteText(ids.sessionId)).toBe('corrected');
    expect(overrides()).toEqual([]);
    // The lock is back.
    const after = await inTransaction(t.ctx, (tx) => editNote(tx, ids.sessionId, 'again')).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(LockedSessionError);
    expect(noteText(ids.sessionId)).toBe('corrected');
  });

  it('the row goes before the transaction ends: a later write in the same transaction is refused', async () => {
    const err = await inTransaction(t.ctx, async (tx) => {
      await withLockOverride(tx, ids.sessionId, 'one change', () => editNote(tx, ids.sessionId, 'inside'));
      return editNote(tx, ids.sessionId, 'outside');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedSessionError);
    expect(overrides()).toEqual([]);
  });

  it('when fn fails, nothing of it stays and no override row is left', async () => {
    const before = noteText(ids.sessionId);
    const err = await inTransaction(t.ctx, (tx) =>
      withLockOverride(tx, ids.sessionId, 'fails', async () => {
        await editNote(tx, ids.sessionId, 'half done');
        throw new Error('boom');
      }),
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('boom');
    expect(noteText(ids.sessionId)).toBe(before);
    expect(overrides()).toEqual([]);
  });
});
