import { afterEach, describe, expect, it } from 'vitest';
import { recordArrival } from '../../src/attendance/service';
import { LockedSessionError } from '../../src/errors';
import { createSitting, endSitting, getSitting, listSittings, updateSitting } from '../../src/sittings/service';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let db: TempDb;
afterEach(async () => db?.cleanup());

describe('sittings', () => {
  it('are numbered 1..n and normalise instants to UTC', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { sittings: 0 });
    const one = await createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-10T09:30:00+01:00' });
    const two = await createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-11T08:00:00Z', endsAt: '2026-11-11T12:00:00Z' });
    expect(one).toMatchObject({ number: 1, startsAt: '2026-11-10T08:30:00.000Z', endsAt: null });
    expect(two).toMatchObject({ number: 2, endsAt: '2026-11-11T12:00:00.000Z' });
    expect((await listSittings(db.ctx, { sessionId: s.sessionId })).map((x) => x.number)).toEqual([1, 2]);
    const ended = await endSitting(db.ctx, { id: one.id, endsAt: '2026-11-10T13:00:00Z' });
    expect(ended.endsAt).toBe('2026-11-10T13:00:00.000Z');
    expect(await getSitting(db.ctx, { id: one.id })).toEqual(ended);
    const moved = await updateSitting(db.ctx, { id: one.id, startsAt: '2026-11-10T08:00:00Z', endsAt: null });
    expect(moved).toMatchObject({ startsAt: '2026-11-10T08:00:00.000Z', endsAt: null });
  });

  it('refuse bad input naming the field, changing nothing', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx, { sittings: 1 });
    const sittingId = s.sittingIds[0]!;
    await recordArrival(db.ctx, { sittingId, delegationId: s.delegationIds[0]!, at: '2026-11-10T09:00:00Z' });
    const before = tableSnapshot(db.sqlite);
    const cases: [Promise<unknown>, string, string][] = [
      [createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-13T08:00:00Z' }), 'VALIDATION', 'startsAt'],
      [createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-08T08:00:00Z' }), 'VALIDATION', 'startsAt'],
      [createSitting(db.ctx, { sessionId: s.sessionId, startsAt: 'tomorrow' }), 'VALIDATION', 'startsAt'],
      [createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-10T10:00:00' }), 'VALIDATION', 'startsAt'],
      [createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-10T10:00:00Z', endsAt: '2026-11-10T10:00:00Z' }), 'VALIDATION', 'endsAt'],
      [createSitting(db.ctx, { sessionId: 'nope', startsAt: '2026-11-10T10:00:00Z' }), 'NOT_FOUND', 'sessionId'],
      [endSitting(db.ctx, { id: sittingId, endsAt: '2026-11-10T07:00:00Z' }), 'VALIDATION', 'endsAt'],
      // attendance at 09:00 must stay inside the sitting
      [endSitting(db.ctx, { id: sittingId, endsAt: '2026-11-10T08:30:00Z' }), 'VALIDATION', 'endsAt'],
      [updateSitting(db.ctx, { id: sittingId, startsAt: '2026-11-10T09:30:00Z' }), 'VALIDATION', 'startsAt'],
      [endSitting(db.ctx, { id: 'nope', endsAt: '2026-11-10T12:00:00Z' }), 'NOT_FOUND', 'id'],
    ];
    for (const [promise, code, field] of cases) {
      await expect(promise).rejects.toMatchObject({ code, field });
    }
    expect(tableSnapshot(db.sqlite)).toEqual(before);
  });

  it('of a locked session cannot be added or changed', async () => {
    db = await openTempDb();
    const s = await createSampleSession(db.ctx);
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await expect(createSitting(db.ctx, { sessionId: s.sessionId, startsAt: '2026-11-11T08:00:00Z' })).rejects.toBeInstanceOf(LockedSessionError);
    await expect(endSitting(db.ctx, { id: s.sittingIds[0]!, endsAt: '2026-11-10T12:00:00Z' })).rejects.toBeInstanceOf(LockedSessionError);
  });
});
