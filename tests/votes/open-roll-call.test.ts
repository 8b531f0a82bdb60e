// A roll call in progress is stored ballot by ballot: it survives a reload (a new database handle on
// the same file), opens only when the vote may be taken, refuses the ballot of a state that has left,
// and ends by being recorded (in the same transaction as the vote) or abandoned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { recordDeparture } from '../../src/attendance/service';
import { ConflictError, QuorumNotMetError, ValidationError, toErrorPayload } from '../../src/errors';
import { proposeMotion } from '../../src/motions/service';
import { updateSession } from '../../src/sessions/service';
import { abandonRollCall, keyBallot, openRollCall, openRollCalls } from '../../src/votes/open';
import { recordRollCallVote } from '../../src/votes/service';
import { openDatabase } from '../../src/database/open';
import { arriveAll, createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
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

const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);
const motion = async (extra: Record<string, unknown> = {}) => (await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' }, ...extra })).id;

describe('a roll call in progress', () => {
  it('keeps each keyed ballot on disk, across a new handle on the same file, until it is recorded', async () => {
    const motionId = await motion();
    const sittingId = s.sittingIds[0]!;
    await openRollCall(t.ctx, { motionId, sittingId, at: AT });
    for (const [i, st] of s.memberStateIds.slice(0, 5).entries()) {
      await keyBallot(t.ctx, { motionId, memberStateId: st, choice: i < 3 ? 'yes' : 'no', at: AT });
    }
    // A second key on the same state replaces its ballot; null takes one back.
    await keyBallot(t.ctx, { motionId, memberStateId: s.memberStateIds[4]!, choice: 'abstain', at: AT });
    await keyBallot(t.ctx, { motionId, memberStateId: s.memberStateIds[3]!, choice: null, at: AT });

    // "Reload": another connection to the same file sees the same roll call.
    const other = await openDatabase({ path: t.path });
    try {
      const [open] = await openRollCalls({ ...t.ctx, db: other.db }, { sessionId: s.sessionId });
      expect(open?.motionId).toBe(motionId);
      expect(open?.ballots).toEqual({
        [s.memberStateIds[0]!]: 'yes',
        [s.memberStateIds[1]!]: 'yes',
        [s.memberStateIds[2]!]: 'yes',
        [s.memberStateIds[4]!]: 'abstain',
      });
    } finally {
      await other.close();
    }
    // Opening again finds the same roll call, ballots and all.
    expect(Object.keys((await openRollCall(t.ctx, { motionId, sittingId, at: AT })).ballots)).toHaveLength(4);

    await recordRollCallVote(t.ctx, {
      motionId,
      sittingId,
      at: AT,
      ballots: s.memberStateIds.map((memberStateId) => ({ memberStateId, choice: 'yes' })),
    });
    expect(await openRollCalls(t.ctx, { sessionId: s.sessionId })).toEqual([]);
    expect(t.sqlite.prepare('select count(*) as n from open_roll_call_ballot').get()).toEqual({ n: 0 });
  });

  it('does not open without quorum, unless the rules allow recording without it', async () => {
    const motionId = await motion();
    for (const d of s.delegationIds.slice(0, 8)) await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: d, at: '2026-11-10T09:30:00Z' });
    await expectRefused(openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT }), QuorumNotMetError, 'sittingId');
    await updateSession(t.ctx, { id: s.sessionId, allowInquorateVotes: true });
    await expect(openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT })).resolves.toMatchObject({ motionId });
  });

  it('does not open while an amendment of the motion is undecided, and says so with a code', async () => {
    const motionId = await motion();
    await motion({ parentMotionId: motionId });
    const p = openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT });
    await expectRefused(p, ValidationError, 'motionId');
    const payload = toErrorPayload(await p.catch((e: unknown) => e));
    expect(payload.issues?.[0]).toMatchObject({ code: 'amendments_undecided', params: { n: 1 } });
  });

  it('refuses the ballot of a state that has left, and a second roll call in the same session', async () => {
    const motionId = await motion();
    await openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT });
    await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: s.delegationIds[2]!, at: '2026-11-10T09:30:00Z' });
    await expectRefused(keyBallot(t.ctx, { motionId, memberStateId: s.memberStateIds[2], choice: 'yes', at: AT }), ValidationError, 'memberStateId');
    const second = await motion();
    await expectRefused(openRollCall(t.ctx, { motionId: second, sittingId: s.sittingIds[0], at: AT }), ConflictError, 'motionId');
  });

  it('is abandoned explicitly: ballots go, the motion stays proposed and can be put to the vote again', async () => {
    const motionId = await motion();
    await openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT });
    await keyBallot(t.ctx, { motionId, memberStateId: s.memberStateIds[0], choice: 'yes', at: AT });
    await abandonRollCall(t.ctx, { motionId });
    expect(await openRollCalls(t.ctx, { sessionId: s.sessionId })).toEqual([]);
    await expectRefused(keyBallot(t.ctx, { motionId, memberStateId: s.memberStateIds[0], choice: 'yes', at: AT }), ValidationError, 'motionId');
    expect((await openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT })).ballots).toEqual({});
  });

  it('takes no ballot once the session is locked (trigger, whatever the way in)', async () => {
    const motionId = await motion();
    await openRollCall(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT });
    t.sqlite.prepare('update council_session set locked_at = ? where id = ?').run(AT, s.sessionId);
    expect(() =>
      t.sqlite.prepare(`insert into open_roll_call_ballot values (?, ?, ?, 'yes', ?)`).run(motionId, s.sessionId, s.memberStateIds[0], AT),
    ).toThrow(/LOCKED_SESSION/);
  });
});
