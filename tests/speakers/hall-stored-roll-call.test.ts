// The hall display reads a roll call in progress from the stored open roll call (migration 0009), not
// from memory: after the host restarts (the database closed and opened again, nothing in memory), the
// hall still shows the ballots already cast; an abandoned roll call leaves the screen.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { createDispatcher } from '../../src/api/dispatch';
import type { CoreContext } from '../../src/core/context';
import { openDatabase, type CouncilDatabase } from '../../src/database/open';
import { proposeMotion } from '../../src/motions/service';
import { hallDisplay } from '../../src/room/display';
import { onRoomSignal, type RoomSignal } from '../../src/room/events';
import { rollCallOrder } from '../../src/votes/service';
import { arriveAll, createSampleSession, sampleSittingStart } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb | null = null;
let reopened: CouncilDatabase | null = null;
afterEach(async () => {
  await reopened?.close();
  reopened = null;
  await t?.cleanup();
  t = null;
});

describe('the hall and a stored roll call', () => {
  it('shows the ballots already cast after a restart, and nothing once the roll call is abandoned', async () => {
    t = await openTempDb();
    const s = await createSampleSession(t.ctx, { members: 14 });
    await arriveAll(t.ctx, s.sittingIds[0]!, s.delegationIds, sampleSittingStart(1));
    const item = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الحسابات الختامية' } })).id;
    const motionId = (await proposeMotion(t.ctx, { agendaItemId: item, text: { ar: 'اعتماد الحسابات.' } })).id;
    const at = '2026-11-10T09:30:00.000Z';
    t.setNow(at);
    const signals: RoomSignal[] = [];
    const stop = onRoomSignal((x) => signals.push(x));
    const dispatch = createDispatcher(t.ctx);
    expect(await dispatch('votes.open', { motionId, sittingId: s.sittingIds[0], at })).toMatchObject({ ok: true });
    expect(signals.map((x) => x.reason)).toContain('votes.open'); // the hall shows it from the start
    stop();
    const roll = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0]!, at });
    for (const [i, choice] of (['no', 'yes'] as const).entries()) {
      expect((await dispatch('votes.keyBallot', { motionId, memberStateId: roll[i]!.memberStateId, choice, at })).ok).toBe(true);
    }

    // The host restarts: the file is closed and opened again; nothing of the roll call is in memory.
    await t.close();
    reopened = await openDatabase({ path: path.join(t.dir, 'council.sqlite') });
    const ctx: CoreContext = { db: reopened.db, now: () => new Date(at) };
    const hall = await hallDisplay(ctx, { sessionId: s.sessionId });
    expect(hall.rollCall?.motionId).toBe(motionId);
    expect(hall.rollCall?.motionText.ar).toBe('اعتماد الحسابات.');
    expect(hall.rollCall?.entries.map((e) => e.choice)).toEqual(['no', 'yes', ...Array(roll.length - 2).fill(null)]);

    expect((await createDispatcher(ctx)('votes.abandon', { motionId })).ok).toBe(true);
    expect((await hallDisplay(ctx, { sessionId: s.sessionId })).rollCall).toBeNull();
  });
});
