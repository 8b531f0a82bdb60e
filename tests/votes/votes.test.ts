import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { recordArrival, recordDeparture } from '../../src/attendance/service';
import { ConflictError, NotFoundError, QuorumNotMetError, ValidationError } from '../../src/errors';
import { getMotion, proposeMotion } from '../../src/motions/service';
import { updateSession } from '../../src/sessions/service';
import { getVote, listVotes, recordRollCallVote, rollCallOrder } from '../../src/votes/service';
import type { BallotChoice } from '../../src/votes/types';
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
const motion = async (extra: Record<string, unknown> = {}) =>
  (await proposeMotion(t.ctx, { agendaItemId: itemId, text: { ar: 'يقرر المجلس' }, ...extra })).id;
/** Ballots for the given states: the first `yes` vote yes, then `no`, then `abstain`, the rest not participating. */
function ballots(stateIds: string[], yes: number, no: number, abstain: number) {
  return stateIds.map((memberStateId, i) => ({
    memberStateId,
    choice: (i < yes ? 'yes' : i < yes + no ? 'no' : i < yes + no + abstain ? 'abstain' : 'not_participating') as BallotChoice,
  }));
}

describe('roll-call votes', () => {
  it('records a vote of 21 states in protocol order, with tallies, quorum and the sentence of the minutes', async () => {
    const motionId = await motion();
    // Ballots given in reverse: stored in protocol order all the same.
    const given = ballots(s.memberStateIds, 15, 4, 1).reverse();
    const vote = await recordRollCallVote(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT, ballots: given });
    expect(vote).toMatchObject({
      rule: 'simple_majority_of_votes_cast',
      yes: 15,
      no: 4,
      abstain: 1,
      notParticipating: 1,
      presentCount: 21,
      memberCount: 21,
      quorum: { required: 14, met: true },
      inquorate: false,
      castingVote: null,
      outcome: 'adopted',
      heldAt: AT,
    });
    expect(vote.ballots.map((b) => b.memberStateId)).toEqual(s.memberStateIds);
    expect(vote.ballots.map((b) => b.rollOrder)).toEqual(s.memberStateIds.map((_, i) => i + 1));
    // The minutes' own clause (src/i18n/minutes-votes-*.ts voteResult), so the screen and the minutes agree.
    expect(vote.phrase.en).toBe('adopted by 15 votes in favour to 4 against, with 1 abstention, 1 not participating, by simple majority of votes cast');
    expect(vote.phrase.ar).toContain('اعتُمد (موافق: 15، غير موافق: 4، ممتنع: 1، لم يشارك: 1)');
    expect(await getMotion(t.ctx, { id: motionId })).toMatchObject({ status: 'adopted', decidedBy: 'vote', decidedAt: AT });
    const stored = t.sqlite.prepare('select member_state_id, roll_order from vote_ballot order by roll_order').all() as { member_state_id: string }[];
    expect(stored.map((r) => r.member_state_id)).toEqual(s.memberStateIds);
    expect(await getVote(t.ctx, { motionId })).toEqual(vote);
    expect(await listVotes(t.ctx, { sessionId: s.sessionId })).toEqual([vote]);
    // Decided: no second vote.
    await expectRefused(
      recordRollCallVote(t.ctx, { motionId, sittingId: s.sittingIds[0], at: AT, ballots: given }),
      ConflictError,
      'motionId',
    );
  });

  it('calls the roll of the states present at that instant only', async () => {
    const gone = s.delegationIds[0]!;
    await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: gone, at: '2026-11-10T09:30:00Z' });
    const roll = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0], at: AT });
    expect(roll.map((r) => r.memberStateId)).toEqual(s.memberStateIds.slice(1));
    expect(roll[0]).toMatchObject({ rollOrder: 1, delegationId: s.delegationIds[1] });
    expect(roll[0]!.name.ar.length).toBeGreaterThan(0);
    // Before the departure, the first state was still there.
    const earlier = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0], at: '2026-11-10T09:00:00Z' });
    expect(earlier).toHaveLength(21);
  });

  it('refuses a ballot of an absent state, a missing ballot, a duplicate, an unknown state', async () => {
    const motionId = await motion();
    await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: s.delegationIds[2]!, at: '2026-11-10T09:30:00Z' });
    const all = ballots(s.memberStateIds, 12, 5, 4);
    const base = { motionId, sittingId: s.sittingIds[0], at: AT };
    await expectRefused(recordRollCallVote(t.ctx, { ...base, ballots: all }), ValidationError, 'ballots.2.memberStateId');
    const present = all.filter((_, i) => i !== 2);
    await expectRefused(recordRollCallVote(t.ctx, { ...base, ballots: present.slice(1) }), ValidationError, 'ballots');
    await expectRefused(recordRollCallVote(t.ctx, { ...base, ballots: [...present, present[4]] }), ValidationError, 'ballots.20.memberStateId');
    await expectRefused(
      recordRollCallVote(t.ctx, { ...base, ballots: [{ memberStateId: 'nope', choice: 'yes' }, ...present] }),
      NotFoundError,
      'ballots.0.memberStateId',
    );
    await expectRefused(
      recordRollCallVote(t.ctx, { ...base, ballots: [{ ...present[0], choice: 'maybe' }, ...present.slice(1)] }),
      ValidationError,
      'ballots.0.choice',
    );
    // The same ballots at an instant the state was present are accepted.
    const ok = await recordRollCallVote(t.ctx, { ...base, at: '2026-11-10T09:00:00Z', ballots: all });
    expect(ok.presentCount).toBe(21);
  });

  it('at the very instant of an arrival or a departure: arrived counts, left does not (roll and quorum)', async () => {
    const first = s.memberStateIds[0]!;
    const sittingId = s.sittingIds[0]!;
    // Eight leave at 09:30: 13 of 21 remain, one short of the quorum of 14.
    for (const d of s.delegationIds.slice(0, 8)) await recordDeparture(t.ctx, { sittingId, delegationId: d, at: '2026-11-10T09:30:00Z' });
    const motionId = await motion();
    const at0930 = { motionId, sittingId, at: '2026-11-10T09:30:00.000Z' };
    await expectRefused(recordRollCallVote(t.ctx, { ...at0930, ballots: ballots(s.memberStateIds.slice(8), 13, 0, 0) }), QuorumNotMetError, 'sittingId');
    // The first comes back at 09:40: at 09:40 exactly it is present, must vote, and makes the quorum.
    await recordArrival(t.ctx, { sittingId, delegationId: s.delegationIds[0]!, at: '2026-11-10T09:40:00Z' });
    const at0940 = { motionId, sittingId, at: '2026-11-10T09:40:00.000Z' };
    const present = [first, ...s.memberStateIds.slice(8)];
    await expectRefused(recordRollCallVote(t.ctx, { ...at0940, ballots: ballots(present.slice(1), 13, 0, 0) }), ValidationError, 'ballots');
    await expectRefused(
      recordRollCallVote(t.ctx, { ...at0940, ballots: ballots([s.memberStateIds[1]!, ...present], 14, 0, 0) }),
      ValidationError,
      'ballots.0.memberStateId',
    );
    const vote = await recordRollCallVote(t.ctx, { ...at0940, ballots: ballots(present, 14, 0, 0) });
    expect(vote).toMatchObject({ presentCount: 14, quorum: { required: 14, met: true }, inquorate: false, outcome: 'adopted' });
    expect(vote.ballots.map((b) => b.memberStateId)).toEqual(present);
  });

  it('refuses without quorum; records and flags it where the session allows', async () => {
    const motionId = await motion();
    for (const d of s.delegationIds.slice(0, 8)) {
      await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: d, at: '2026-11-10T09:30:00Z' });
    }
    const present = s.memberStateIds.slice(8); // 13 of 21: quorum is 14
    const input = { motionId, sittingId: s.sittingIds[0], at: AT, ballots: ballots(present, 10, 2, 1) };
    await expectRefused(recordRollCallVote(t.ctx, input), QuorumNotMetError, 'sittingId');
    await updateSession(t.ctx, { id: s.sessionId, allowInquorateVotes: true });
    const vote = await recordRollCallVote(t.ctx, input);
    expect(vote).toMatchObject({ inquorate: true, quorum: { required: 14, met: false }, presentCount: 13, outcome: 'adopted' });
    expect(vote.phrase.en).toContain('recorded without quorum');
    expect(t.sqlite.prepare('select inquorate, quorum_met from vote').get()).toEqual({ inquorate: 1, quorum_met: 0 });
  });

  it('applies the motion\'s own rule, else the session\'s default', async () => {
    const twoThirds = await motion({ majorityRule: 'two_thirds_present_and_voting' });
    const v = await recordRollCallVote(t.ctx, {
      motionId: twoThirds,
      sittingId: s.sittingIds[0],
      at: AT,
      ballots: ballots(s.memberStateIds, 11, 6, 4),
    });
    expect(v).toMatchObject({ rule: 'two_thirds_present_and_voting', outcome: 'rejected' }); // 33 < 34
    expect((await getMotion(t.ctx, { id: twoThirds })).status).toBe('rejected');
    await updateSession(t.ctx, { id: s.sessionId, defaultMajorityRule: 'absolute_majority_of_members' });
    const plain = await motion();
    const w = await recordRollCallVote(t.ctx, { motionId: plain, sittingId: s.sittingIds[0], at: AT, ballots: ballots(s.memberStateIds, 10, 1, 10) });
    expect(w).toMatchObject({ rule: 'absolute_majority_of_members', outcome: 'rejected' }); // 10 is not > 10.5
  });

  it('breaks a tie only with the chair\'s casting vote, where the session gives one', async () => {
    const tie = ballots(s.memberStateIds, 8, 8, 5);
    const m1 = await motion();
    const base = { sittingId: s.sittingIds[0], at: AT, ballots: tie };
    await expectRefused(recordRollCallVote(t.ctx, { ...base, motionId: m1, castingVote: 'yes' }), ValidationError, 'castingVote');
    expect((await recordRollCallVote(t.ctx, { ...base, motionId: m1 })).outcome).toBe('rejected');
    await updateSession(t.ctx, { id: s.sessionId, chairCastingVote: true });
    const m2 = await motion();
    const v = await recordRollCallVote(t.ctx, { ...base, motionId: m2, castingVote: 'yes' });
    expect(v).toMatchObject({ outcome: 'adopted', castingVote: 'yes', yes: 8, no: 8 });
    expect(v.phrase.fr).toContain('avec la voix prépondérante du Président');
  });

  it('states a motion adopted after an adopted amendment "as amended", as the minutes do (issue 11)', async () => {
    const m = await motion();
    const a = await motion({ parentMotionId: m });
    const base = { sittingId: s.sittingIds[0], at: AT };
    await recordRollCallVote(t.ctx, { ...base, motionId: a, ballots: ballots(s.memberStateIds, 15, 4, 2) });
    const v = await recordRollCallVote(t.ctx, { ...base, motionId: m, ballots: ballots(s.memberStateIds, 15, 4, 2) });
    expect(v.phrase.ar).toContain('اعتُمد بصيغته المعدَّلة');
    expect(v.phrase.en).toContain('adopted as amended');
    expect(v.phrase.fr).toContain('adoptée telle que modifiée');
    expect((await getVote(t.ctx, { motionId: m }))?.phrase).toEqual(v.phrase);
  });

  it('decides amendments first, and refuses a vote outside the sitting or in another session\'s sitting', async () => {
    const m = await motion();
    await motion({ parentMotionId: m });
    const all = ballots(s.memberStateIds, 21, 0, 0);
    await expectRefused(recordRollCallVote(t.ctx, { motionId: m, sittingId: s.sittingIds[0], at: AT, ballots: all }), ValidationError, 'motionId');
    const plain = await motion();
    await expectRefused(
      recordRollCallVote(t.ctx, { motionId: plain, sittingId: s.sittingIds[0], at: '2026-11-10T07:00:00Z', ballots: all }),
      ValidationError,
      'at',
    );
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    await expectRefused(
      recordRollCallVote(t.ctx, { motionId: plain, sittingId: other.sittingIds[0], at: AT, ballots: all }),
      ValidationError,
      'sittingId',
    );
    await expectRefused(recordRollCallVote(t.ctx, { motionId: 'nope', sittingId: s.sittingIds[0], at: AT, ballots: all }), NotFoundError, 'motionId');
  });

  it('with every state absent: refused for want of quorum, or recorded as rejected where allowed', async () => {
    for (const d of s.delegationIds) {
      await recordDeparture(t.ctx, { sittingId: s.sittingIds[0], delegationId: d, at: '2026-11-10T09:30:00Z' });
    }
    const m = await motion();
    const input = { motionId: m, sittingId: s.sittingIds[0], at: AT, ballots: [] };
    await expectRefused(recordRollCallVote(t.ctx, input), QuorumNotMetError, 'sittingId');
    await updateSession(t.ctx, { id: s.sessionId, allowInquorateVotes: true });
    const v = await recordRollCallVote(t.ctx, input);
    expect(v).toMatchObject({ presentCount: 0, outcome: 'rejected', ballots: [] });
    // A state arriving again is in the roll from that instant.
    await recordArrival(t.ctx, { sittingId: s.sittingIds[0], delegationId: s.delegationIds[3]!, at: '2026-11-10T10:30:00Z' });
    const roll = await rollCallOrder(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0], at: '2026-11-10T10:31:00Z' });
    expect(roll.map((r) => r.memberStateId)).toEqual([s.memberStateIds[3]]);
  });

  it('records one vote when two secretaries record the same motion at once', async () => {
    const m = await motion();
    const input = { motionId: m, sittingId: s.sittingIds[0], at: AT, ballots: ballots(s.memberStateIds, 12, 3, 6) };
    const results = await Promise.allSettled([recordRollCallVote(t.ctx, input), recordRollCallVote(t.ctx, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(t.sqlite.prepare('select count(*) as n from vote_ballot').get()).toEqual({ n: 21 });
  });
});
