import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem, removeAgendaItem } from '../../src/agenda/service';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { onRoomSignal, type RoomSignal } from '../../src/room/events';
import { updateOrganisationSettings } from '../../src/settings/service';
import { addSpeaker, endTurn, giveFloor, listSpeakers, moveSpeaker, putSpeakerFirst, removeSpeaker } from '../../src/speakers/service';
import type { SpeakersList } from '../../src/speakers/types';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let itemId: string;
let signals: RoomSignal[];
let stop: () => void;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 4 });
  itemId = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'تقرير المدير العام' } })).id;
  signals = [];
  stop = onRoomSignal((x) => signals.push(x));
});
afterEach(async () => {
  stop();
  await t.cleanup();
});

const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);
const d = (i: number) => s.delegationIds[i]!;
const ask = (i: number, extra: object = {}) => addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'delegation', delegationId: d(i), ...extra });
const waitingIds = (l: SpeakersList) => l.waiting.map((w) => w.delegationId);

describe("the speakers' list", () => {
  it('keeps requests in order; a point of order goes first; move, put first and remove renumber the queue', async () => {
    await ask(0);
    await ask(1);
    let list = await ask(2);
    expect(waitingIds(list)).toEqual([d(0), d(1), d(2)]);
    expect(list.waiting.map((w) => w.position)).toEqual([1, 2, 3]);
    list = await ask(3, { pointOfOrder: true });
    expect(waitingIds(list)).toEqual([d(3), d(0), d(1), d(2)]);
    expect(list.waiting[0]).toMatchObject({ pointOfOrder: true, position: 1 });
    list = await moveSpeaker(t.ctx, { id: list.waiting[0]!.id, position: 3 });
    expect(waitingIds(list)).toEqual([d(0), d(1), d(3), d(2)]);
    list = await putSpeakerFirst(t.ctx, { id: list.waiting[3]!.id });
    expect(waitingIds(list)).toEqual([d(2), d(0), d(1), d(3)]);
    list = await moveSpeaker(t.ctx, { id: list.waiting[0]!.id, position: 99 });
    expect(waitingIds(list)).toEqual([d(0), d(1), d(3), d(2)]);
    list = await removeSpeaker(t.ctx, { id: list.waiting[1]!.id });
    expect(waitingIds(list)).toEqual([d(0), d(3), d(2)]);
    expect(list.waiting.map((w) => w.position)).toEqual([1, 2, 3]);
    expect((await listSpeakers(t.ctx, { agendaItemId: itemId })).waiting).toEqual(list.waiting);
  });

  it('observers, the secretariat and the Director-General ask for the floor too, with their names', async () => {
    await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'observer', delegationId: s.observerDelegationId });
    await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'secretariat' });
    const list = await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'director_general', name: 'المدير العام' });
    expect(list.waiting.map((w) => w.kind)).toEqual(['observer', 'secretariat', 'director_general']);
    expect(list.waiting[0]!.label.ar).not.toBe('');
    expect(list.waiting[2]).toMatchObject({ name: 'المدير العام', delegationId: null });
  });

  it('gives the floor to the next speaker with the limit the settings give that kind, ends the turn, and counts rounds', async () => {
    await updateOrganisationSettings(t.ctx, { speakingTimeSeconds: { delegation: 240, observer: 120, secretariat: 0, director_general: 600 } });
    await ask(0);
    await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'observer', delegationId: s.observerDelegationId });
    t.setNow('2026-11-10T09:00:00.000Z');
    let list = await giveFloor(t.ctx, { agendaItemId: itemId });
    expect(list.speaking).toMatchObject({ delegationId: d(0), status: 'speaking', startedAt: '2026-11-10T09:00:00.000Z', limitSeconds: 240, sittingId: s.sittingIds[0] });
    expect(list.waiting.map((w) => w.position)).toEqual([1]);
    // Giving the floor to the next ends the current turn in the same action.
    t.setNow('2026-11-10T09:04:00.000Z');
    list = await giveFloor(t.ctx, { agendaItemId: itemId });
    expect(list.speaking).toMatchObject({ kind: 'observer', limitSeconds: 120 });
    expect(list.spoken).toMatchObject([{ delegationId: d(0), endedAt: '2026-11-10T09:04:00.000Z' }]);
    t.setNow('2026-11-10T09:06:00.000Z');
    const ended = await endTurn(t.ctx, { id: list.speaking!.id });
    expect(ended).toMatchObject({ kind: 'observer', status: 'spoken', startedAt: '2026-11-10T09:04:00.000Z', endedAt: '2026-11-10T09:06:00.000Z' });
    // Asking again after speaking: the second round.
    list = await ask(0);
    expect(list.waiting[0]).toMatchObject({ delegationId: d(0), round: 2 });
    list = await giveFloor(t.ctx, { id: list.waiting[0]!.id });
    await endTurn(t.ctx, { id: list.speaking!.id });
    list = await listSpeakers(t.ctx, { agendaItemId: itemId });
    expect(list.spoken.map((x) => [x.kind, x.round])).toEqual([['delegation', 1], ['observer', 1], ['delegation', 2]]);
    expect(list.speaking).toBeNull();
  });

  it('writes an audit entry per action and signals the room after each commit, never after a refusal', async () => {
    const list = await ask(0);
    await giveFloor(t.ctx, { id: list.waiting[0]!.id });
    const actions = t.sqlite.prepare("select action from audit_entry where entity = 'speaker' order by rowid").all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['speaker.add', 'speaker.giveFloor']);
    expect(signals).toEqual([
      { sessionId: s.sessionId, reason: 'speakers.add' },
      { sessionId: s.sessionId, reason: 'speakers.giveFloor' },
    ]);
    await ask(1);
    await expect(ask(1)).rejects.toBeInstanceOf(ConflictError);
    await expect(giveFloor(t.ctx, { id: list.waiting[0]!.id })).rejects.toBeInstanceOf(ValidationError);
    expect(signals.map((x) => x.reason)).toEqual(['speakers.add', 'speakers.giveFloor', 'speakers.add']);
  });

  it('refuses bad requests naming the field, leaving everything as it was', async () => {
    await ask(0);
    await expectRefused(ask(0), ConflictError, 'delegationId');
    await expectRefused(addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'delegation' }), ValidationError, 'delegationId');
    await expectRefused(addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'delegation', delegationId: s.observerDelegationId }), ValidationError, 'delegationId');
    await expectRefused(addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'secretariat', delegationId: d(1) }), ValidationError, 'delegationId');
    await expectRefused(addSpeaker(t.ctx, { agendaItemId: 'nope', kind: 'secretariat' }), NotFoundError, 'agendaItemId');
    await expectRefused(addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'minister' }), ValidationError, 'kind');
    await expectRefused(moveSpeaker(t.ctx, { id: 'nope', position: 1 }), NotFoundError, 'id');
    await expectRefused(moveSpeaker(t.ctx, { id: 'x', position: 0 }), ValidationError, 'position');
    await expectRefused(giveFloor(t.ctx, {}), ValidationError, 'id');
    // An item with a speakers' list is not removed from under it.
    await expectRefused(removeAgendaItem(t.ctx, { id: itemId }), ConflictError, 'id');
    await expectRefused(endTurn(t.ctx, { id: (await listSpeakers(t.ctx, { agendaItemId: itemId })).waiting[0]!.id }), ValidationError, 'id');
  });

  it('refuses every action on a locked session, through the services and through raw SQL', async () => {
    const list = await ask(0);
    await ask(1);
    t.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2026-11-20T10:00:00.000Z', s.sessionId);
    await expectRefused(ask(2), LockedSessionError, 'sessionId');
    await expectRefused(giveFloor(t.ctx, { agendaItemId: itemId }), LockedSessionError, 'sessionId');
    await expectRefused(moveSpeaker(t.ctx, { id: list.waiting[0]!.id, position: 2 }), LockedSessionError, 'sessionId');
    await expectRefused(removeSpeaker(t.ctx, { id: list.waiting[0]!.id }), LockedSessionError, 'sessionId');
    // The triggers, for any way in that forgets the guard; their message is a constant.
    expect(() => t.sqlite.prepare("update speaker set position = 5 where session_id = ?").run(s.sessionId)).toThrow(/^LOCKED_SESSION$/);
    expect(() => t.sqlite.prepare('delete from speaker where session_id = ?').run(s.sessionId)).toThrow(/^LOCKED_SESSION$/);
    expect(() =>
      t.sqlite
        .prepare(
          `insert into speaker (id, session_id, agenda_item_id, kind, position, status, requested_at) values ('x', ?, ?, 'secretariat', 9, 'waiting', '2026-11-20T10:00:00Z')`,
        )
        .run(s.sessionId, itemId),
    ).toThrow(/^LOCKED_SESSION$/);
    const sqlText = (t.sqlite.prepare("select group_concat(sql, ' ') as s from sqlite_master where type = 'trigger' and tbl_name = 'speaker'").get() as { s: string }).s;
    expect(sqlText).not.toContain('||');
  });
});
