// The hall display's state, read from the core: the item on screen, the speaker and the next ones, the
// quorum; a roll call as it is entered, then the recorded vote's sentence and the decision number; the
// dispatcher's signal after a write call and none after a read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { createDispatcher } from '../../src/api/dispatch';
import { addNote } from '../../src/notes/service';
import { proposeMotion } from '../../src/motions/service';
import { hallDisplay } from '../../src/room/display';
import { onRoomSignal, type RoomSignal } from '../../src/room/events';
import type { HallState } from '../../src/room/types';
import { addSpeaker, giveFloor } from '../../src/speakers/service';
import { rollCallOrder } from '../../src/votes/service';
import { arriveAll, createSampleSession, sampleSittingStart, type SampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let signals: RoomSignal[];
let stop: () => void;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 14 });
  await arriveAll(t.ctx, s.sittingIds[0]!, s.delegationIds, sampleSittingStart(1));
  signals = [];
  stop = onRoomSignal((x) => signals.push(x));
});
afterEach(async () => {
  stop();
  await t.cleanup();
});

describe('the hall display state', () => {
  it('shows the item, the speaker with the time limit, the next speakers and the quorum, and never a note', async () => {
    const first = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'البند الأول' } })).id;
    const item = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الميزانية' } })).id;
    const dispatch = createDispatcher(t.ctx);
    let state = (await dispatch('room.display', { sessionId: s.sessionId })) as { ok: true; value: HallState };
    expect(state.value).toMatchObject({ item: null, speaking: null, next: [], rollCall: null, result: null });
    for (const id of s.delegationIds.slice(0, 3)) await addSpeaker(t.ctx, { agendaItemId: item, kind: 'delegation', delegationId: id });
    t.setNow('2026-11-10T09:00:00.000Z');
    await giveFloor(t.ctx, { agendaItemId: item });
    await addNote(t.ctx, { agendaItemId: item, speakerKind: 'secretariat', text: 'مسودة لا تُعرض في القاعة' });
    const hall = await hallDisplay(t.ctx, { sessionId: s.sessionId });
    expect(hall.item).toMatchObject({ id: item, number: '2', title: { ar: 'الميزانية' } });
    expect(hall.sitting).toMatchObject({ id: s.sittingIds[0], number: 1 });
    expect(hall.speaking).toMatchObject({ delegationId: s.delegationIds[0], limitSeconds: 300, startedAt: '2026-11-10T09:00:00.000Z' });
    expect(hall.next.map((n) => n.delegationId)).toEqual(s.delegationIds.slice(1, 3));
    expect(hall.quorum).toMatchObject({ present: 14, met: true });
    expect(JSON.stringify(hall)).not.toContain('مسودة');
    // The secretary opens another item in the room tab: the hall shows it.
    expect((await dispatch('room.show', { sessionId: s.sessionId, agendaItemId: first })).ok).toBe(true);
    state = (await dispatch('room.display', { sessionId: s.sessionId })) as { ok: true; value: HallState };
    expect(state.value.item?.id).toBe(first);
    expect(state.value.speaking).toBeNull();
    expect(signals.at(-1)).toEqual({ sessionId: s.sessionId, reason: 'room.show' });
  });

  it('follows a roll call as it is entered, then shows the sentence of the minutes and the decision number', async () => {
    const item = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الحسابات الختامية' } })).id;
    const motionId = (await proposeMotion(t.ctx, { agendaItemId: item, text: { ar: 'اعتماد الحسابات.' } })).id;
    const dispatch = createDispatcher(t.ctx);
    await dispatch('room.show', { sessionId: s.sessionId, agendaItemId: item });
    const at = '2026-11-10T09:30:00.000Z';
    const roll = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0]!, at });
    const ballots = roll.map((e, i) => ({ memberStateId: e.memberStateId, choice: (i === 0 ? 'no' : 'yes') as 'no' | 'yes' }));
    await dispatch('room.rollCall', { sessionId: s.sessionId, motionId, sittingId: s.sittingIds[0], at, ballots: ballots.slice(0, 2) });
    let hall = await hallDisplay(t.ctx, { sessionId: s.sessionId });
    expect(hall.rollCall?.entries.map((e) => e.choice)).toEqual(['no', 'yes', ...Array(roll.length - 2).fill(null)]);
    expect(hall.rollCall?.motionText.ar).toBe('اعتماد الحسابات.');
    const before = signals.length;
    await dispatch('votes.list', { sessionId: s.sessionId });
    expect(signals).toHaveLength(before); // a read signals nothing
    const vote = await dispatch('votes.record', { motionId, sittingId: s.sittingIds[0], at, ballots });
    expect(vote.ok).toBe(true);
    expect(signals.at(-1)).toEqual({ sessionId: null, reason: 'votes.record' });
    hall = await hallDisplay(t.ctx, { sessionId: s.sessionId });
    expect(hall.rollCall).toBeNull();
    expect(hall.result?.phrase).toEqual((vote as { ok: true; value: { phrase: object } }).value.phrase);
    expect(hall.result?.decisionNumber).toBeNull();
    const decision = await dispatch('decisions.record', { agendaItemId: item, motionId, adoptedAt: at, text: { ar: 'يعتمد المجلس الحسابات.' } });
    expect(decision.ok).toBe(true);
    hall = await hallDisplay(t.ctx, { sessionId: s.sessionId });
    expect(hall.result?.decisionNumber).toEqual((decision as { ok: true; value: { number: object } }).value.number);
  });

  it('refuses a roll call on a motion of another session, naming the field', async () => {
    const r = await createDispatcher(t.ctx)('room.rollCall', { sessionId: s.sessionId, motionId: 'nope', sittingId: s.sittingIds[0], at: '2026-11-10T09:30:00.000Z' });
    expect(r).toMatchObject({ ok: false, error: { field: 'motionId' } });
  });
});
