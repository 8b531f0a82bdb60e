// The live actions' write path (issue 13): a roll-call vote and an attendance event go in through constant
// prepared statements, in one transaction, reading the organisation's settings once for the audit; the rows,
// the audit trail, the lock triggers and the record's rules are as before. The reads they need are each one
// search of an index (migration 0016), never a scan of the council's history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { recordArrival, recordDeparture } from '../../src/attendance/service';
import { recordAudit } from '../../src/core/context';
import { proposeMotion } from '../../src/motions/service';
import { updateOrganisationSettings } from '../../src/settings/service';
import { recordRollCallVote, rollCallOrder } from '../../src/votes/service';
import { recordViolations } from '../../src/rules/invariants/record';
import { loadSessionRows } from '../../src/minutes/load-record';
import { arriveAll, createSampleSession, tableSnapshot, type SampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let itemId: string;
const ARRIVE = '2026-11-10T08:05:00.000Z';
const AT = '2026-11-10T10:00:00.000Z';

beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 21 });
  await arriveAll(t.ctx, s.sittingIds[0]!, s.delegationIds, ARRIVE);
  itemId = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'الميزانية' } })).id;
});
afterEach(async () => t.cleanup());

const plan = (sql: string, ...params: unknown[]) =>
  (t.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('the live write path', () => {
  it('stores the vote, its 21 ballots in roll order, the motion and two audit entries by the secretary named in settings', async () => {
    await updateOrganisationSettings(t.ctx, { secretaryName: 'أمين المجلس' });
    const motionId = (await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' } })).id;
    const sittingId = s.sittingIds[0]!;
    const roll = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId, at: AT });
    expect(roll.map((e) => e.memberStateId)).toEqual(s.memberStateIds);
    const ballots = roll.map((e, i) => ({ memberStateId: e.memberStateId, choice: i < 15 ? 'yes' : i < 18 ? 'no' : 'abstain' }));
    const view = await recordRollCallVote(t.ctx, { motionId, sittingId, at: AT, ballots });

    const vote = t.sqlite.prepare('select * from vote where id = ?').get(view.id) as Record<string, unknown>;
    expect(vote).toMatchObject({ motion_id: motionId, sitting_id: sittingId, held_at: AT, yes: 15, no: 3, abstain: 3, not_participating: 0, present_count: 21, outcome: 'adopted' });
    const stored = t.sqlite.prepare('select member_state_id, delegation_id, choice, roll_order from vote_ballot where vote_id = ? order by roll_order').all(view.id);
    expect(stored).toEqual(roll.map((e, i) => ({ member_state_id: e.memberStateId, delegation_id: e.delegationId, choice: ballots[i]!.choice, roll_order: i + 1 })));
    expect(view.ballots.map((b) => [b.memberStateId, b.delegationId, b.name.ar])).toEqual(roll.map((e) => [e.memberStateId, e.delegationId, e.name.ar]));
    expect(t.sqlite.prepare('select status, decided_by, decided_at from motion where id = ?').get(motionId)).toEqual({ status: 'adopted', decided_by: 'vote', decided_at: AT });

    const audit = t.sqlite.prepare(`select action, actor, entity_id, before_json, after_json from audit_entry where action in ('vote.record', 'motion.vote') order by id`).all() as Record<string, string>[];
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['vote.record', 'أمين المجلس'], ['motion.vote', 'أمين المجلس']]);
    expect(JSON.parse(audit[0]!.after_json!).ballots).toHaveLength(21);
    expect(JSON.parse(audit[1]!.before_json!).status).toBe('proposed');
    expect(JSON.parse(audit[1]!.after_json!).status).toBe('adopted');
    expect(recordViolations(await loadSessionRows(t.ctx.db, s.sessionId))).toEqual([]);
  });

  it('a vote in a locked session is refused by the lock and leaves nothing', async () => {
    const motionId = (await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' } })).id;
    t.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    const before = tableSnapshot(t.sqlite);
    const ballots = s.memberStateIds.map((memberStateId) => ({ memberStateId, choice: 'yes' }));
    await expect(recordRollCallVote(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT, ballots })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
    expect(tableSnapshot(t.sqlite)).toEqual(before);
  });

  it('the lock trigger refuses the prepared ballot insert even when the service check is passed by', async () => {
    // Locked between the service's check and its insert: the trigger, not the service, refuses.
    const motionId = (await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' } })).id;
    t.sqlite.exec(`create temp trigger lock_on_vote after insert on vote begin update council_session set locked_at = '2026-12-01T00:00:00Z'; end`);
    const before = tableSnapshot(t.sqlite);
    const ballots = s.memberStateIds.map((memberStateId) => ({ memberStateId, choice: 'yes' }));
    await expect(recordRollCallVote(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT, ballots })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
    expect(tableSnapshot(t.sqlite)).toEqual(before);
  });

  it('an attendance event is stored with its audit entry; the timeline rules still refuse', async () => {
    const sittingId = s.sittingIds[0]!;
    const d = s.delegationIds[0]!;
    const left = await recordDeparture(t.ctx, { sittingId, delegationId: d, at: '2026-11-10T09:00:00.000Z' });
    expect(t.sqlite.prepare('select session_id, sitting_id, delegation_id, kind, at from attendance_event where id = ?').get(left.id)).toEqual({
      session_id: s.sessionId, sitting_id: sittingId, delegation_id: d, kind: 'departure', at: '2026-11-10T09:00:00.000Z',
    });
    expect(left).toMatchObject({ sessionId: s.sessionId, sittingId, delegationId: d, kind: 'departure' });
    const audit = t.sqlite.prepare(`select action, after_json from audit_entry where entity_id = ?`).get(left.id) as { action: string; after_json: string };
    expect(audit.action).toBe('attendance.departure');
    expect(JSON.parse(audit.after_json)).toEqual(left);
    const before = tableSnapshot(t.sqlite);
    await expect(recordDeparture(t.ctx, { sittingId, delegationId: d, at: '2026-11-10T09:30:00.000Z' })).rejects.toMatchObject({ field: 'at' });
    await expect(recordArrival(t.ctx, { sittingId, delegationId: d, at: '2026-11-10T08:30:00.000Z' })).rejects.toMatchObject({ field: 'at' });
    await expect(recordArrival(t.ctx, { sittingId, delegationId: d, at: '2026-11-10T09:00:00.000Z' })).rejects.toMatchObject({ field: 'at' });
    expect(tableSnapshot(t.sqlite)).toEqual(before);
  });

  it('an audit entry takes the actor given, or reads it from settings', async () => {
    await updateOrganisationSettings(t.ctx, { secretaryName: 'الأمين' });
    await t.ctx.db.transaction().execute(async (tx) => {
      await recordAudit(t.ctx, tx, { action: 'test.given', entity: 'x', entityId: '1', actor: 'someone' });
      await recordAudit(t.ctx, tx, { action: 'test.read', entity: 'x', entityId: '2', after: { a: 1 } });
    });
    expect(t.sqlite.prepare(`select action, actor, after_json from audit_entry where action like 'test.%' order by id`).all()).toEqual([
      { action: 'test.given', actor: 'someone', after_json: null },
      { action: 'test.read', actor: 'الأمين', after_json: '{"a":1}' },
    ]);
  });

  it("each read a live action needs is one search of an index, not a scan of the council's history", () => {
    expect(plan('select * from attendance_event where sitting_id = ? and delegation_id = ? order by at', 'x', 'y')).toMatch(
      /^SEARCH attendance_event USING INDEX attendance_event_timeline \(sitting_id=\? AND delegation_id=\?\)$/,
    );
    expect(plan(`select id from motion where parent_motion_id = ? and status = 'proposed'`, 'x')).toMatch(/^SEARCH motion USING (COVERING )?INDEX motion_parent_status/);
    expect(plan('select delegation_id, kind, at from attendance_event where sitting_id = ? and at <= ?', 'x', 'y')).toMatch(/^SEARCH attendance_event USING INDEX/);
  });
});
