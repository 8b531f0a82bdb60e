// Roll-call votes. Everything about one vote happens in ONE transaction (BEGIN IMMEDIATE): who is present
// and whether there is quorum at the instant of the vote, the ballots, the tallies under the motion's rule,
// the vote and ballot rows, and the motion's new status — so a concurrent arrival or departure cannot slip
// between the roll and the count.
import { inTransaction, newId, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedValidationError, NotFoundError, QuorumNotMetError } from '../errors';
import { validate } from '../errors/validate';
import { assertMotionDecidable, requireMotion } from '../motions/service';
import { quorumAtTx } from '../quorum/service';
import { decideMajority, voteResultPhrase, type MajorityRuleName } from '../rules/majority';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { requireSitting } from '../sittings/service';
import { getVoteSchema, listVotesSchema, recordRollCallVoteSchema, rollCallOrderSchema } from './schema';
import type { Ballot, RollCallEntry, RollCallVote } from './types';
import { closeOpenRollCall } from './open';

/** The member states present at `at`, in protocol order, with their delegations: the roll to call. */
async function rollAt(tx: Tx, sessionId: string, presentStateIds: string[]): Promise<RollCallEntry[]> {
  if (presentStateIds.length === 0) return [];
  const rows = await tx
    .selectFrom('delegation')
    .innerJoin('memberState', 'memberState.id', 'delegation.memberStateId')
    .select([
      'delegation.id as delegationId',
      'memberState.id as memberStateId',
      'memberState.isoCode',
      'memberState.nameAr',
      'memberState.nameEn',
      'memberState.nameFr',
    ])
    .where('delegation.sessionId', '=', sessionId)
    .where('delegation.kind', '=', 'member')
    .where('memberState.id', 'in', presentStateIds)
    .orderBy('memberState.protocolOrder')
    .orderBy('memberState.isoCode')
    .execute();
  return rows.map((r, i) => ({
    rollOrder: i + 1,
    memberStateId: r.memberStateId,
    delegationId: r.delegationId,
    isoCode: r.isoCode,
    name: { ar: r.nameAr, en: r.nameEn, fr: r.nameFr },
  }));
}

/** The roll for the UI: the member states present at that instant, in protocol order. */
export async function rollCallOrder(ctx: CoreContext, input: unknown): Promise<RollCallEntry[]> {
  const data = validate(rollCallOrderSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    const sitting = await requireSitting(tx, data.sittingId);
    if (sitting.sessionId !== data.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
    const quorum = await quorumAtTx(tx, data.sittingId, data.at);
    return rollAt(tx, data.sessionId, quorum.presentStateIds);
  });
}

export async function recordRollCallVote(ctx: CoreContext, input: unknown): Promise<RollCallVote> {
  const data = validate(recordRollCallVoteSchema, input);
  return inTransaction(ctx, async (tx) => {
    const motion = await requireMotion(tx, data.motionId, 'motionId');
    const session = await assertSessionWritable(tx, motion.sessionId, 'motionId');
    const sitting = await requireSitting(tx, data.sittingId);
    if (sitting.sessionId !== motion.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
    await assertMotionDecidable(tx, motion, 'motionId');

    const quorum = await quorumAtTx(tx, data.sittingId, data.at);
    const inquorate = !quorum.met;
    if (inquorate && !session.allowInquorateVotes) throw new QuorumNotMetError(quorum.present, quorum.required, 'sittingId');

    const roll = await rollAt(tx, motion.sessionId, quorum.presentStateIds);
    const byState = new Map(roll.map((e) => [e.memberStateId, e] as const));
    const choices = new Map<string, Row<'voteBallot'>['choice']>();
    for (const [i, ballot] of data.ballots.entries()) {
      const field = `ballots.${i}.memberStateId`;
      if (choices.has(ballot.memberStateId)) throw codedValidationError(field, 'second_ballot', 'a second ballot for the same member state');
      if (!byState.has(ballot.memberStateId)) {
        const state = await tx.selectFrom('memberState').select('id').where('id', '=', ballot.memberStateId).executeTakeFirst();
        if (!state) throw new NotFoundError(field, 'member state', ballot.memberStateId);
        throw codedValidationError(field, 'not_present', 'this member state is not present at the time of the vote and cannot vote');
      }
      choices.set(ballot.memberStateId, ballot.choice);
    }
    const missing = roll.filter((e) => !choices.has(e.memberStateId));
    if (missing.length > 0) {
      const names = missing.map((e) => e.name.ar).join('، ');
      throw codedValidationError('ballots', 'ballot_missing', `every member state present votes (yes, no, abstain or not participating); missing: ${names}`, { names });
    }

    const ballots: Ballot[] = roll.map((e) => ({ ...e, choice: choices.get(e.memberStateId)! }));
    const count = (c: Ballot['choice']) => ballots.filter((b) => b.choice === c).length;
    const tally = { yes: count('yes'), no: count('no'), abstain: count('abstain'), notParticipating: count('not_participating') };
    const rule = (motion.majorityRule ?? session.defaultMajorityRule) as MajorityRuleName;
    const result = decideMajority({
      ...tally,
      rule,
      members: session.memberCount,
      chairCastingVote: session.chairCastingVote === 1,
      castingVote: data.castingVote,
    });

    const vote: Row<'vote'> = {
      id: newId(),
      sessionId: motion.sessionId,
      motionId: motion.id,
      sittingId: sitting.id,
      heldAt: data.at,
      rule,
      ...tally,
      presentCount: result.present,
      memberCount: session.memberCount,
      quorumRequired: quorum.required,
      quorumMet: quorum.met ? 1 : 0,
      inquorate: inquorate ? 1 : 0,
      castingVote: result.castingVote,
      outcome: result.outcome,
    };
    await tx.insertInto('vote').values(vote).execute();
    await closeOpenRollCall(tx, motion.id);
    if (ballots.length > 0) {
      await tx
        .insertInto('voteBallot')
        .values(
          ballots.map((b) => ({
            voteId: vote.id,
            sessionId: vote.sessionId,
            memberStateId: b.memberStateId,
            delegationId: b.delegationId,
            choice: b.choice,
            rollOrder: b.rollOrder,
          })),
        )
        .execute();
    }
    const motionAfter: Row<'motion'> = { ...motion, status: result.outcome, decidedBy: 'vote', decidedAt: data.at };
    await tx
      .updateTable('motion')
      .set({ status: motionAfter.status, decidedBy: 'vote', decidedAt: data.at })
      .where('id', '=', motion.id)
      .execute();
    await recordAudit(ctx, tx, {
      action: 'vote.record',
      entity: 'vote',
      entityId: vote.id,
      sessionId: vote.sessionId,
      after: { vote, ballots: ballots.map((b) => [b.memberStateId, b.choice]) },
    });
    await recordAudit(ctx, tx, { action: 'motion.vote', entity: 'motion', entityId: motion.id, sessionId: motion.sessionId, before: motion, after: motionAfter });
    return toVoteView(vote, ballots, (await readOrganisationSettings(tx)).digits);
  });
}

function toVoteView(vote: Row<'vote'>, ballots: Ballot[], digits: 'western' | 'arabic-indic'): RollCallVote {
  const rule = vote.rule as MajorityRuleName;
  const phraseInput = { ...vote, rule, inquorate: vote.inquorate === 1 };
  return {
    id: vote.id,
    sessionId: vote.sessionId,
    motionId: vote.motionId,
    sittingId: vote.sittingId,
    heldAt: vote.heldAt,
    rule,
    yes: vote.yes,
    no: vote.no,
    abstain: vote.abstain,
    notParticipating: vote.notParticipating,
    presentCount: vote.presentCount,
    memberCount: vote.memberCount,
    quorum: { required: vote.quorumRequired, met: vote.quorumMet === 1 },
    inquorate: vote.inquorate === 1,
    castingVote: vote.castingVote,
    outcome: vote.outcome,
    ballots,
    phrase: {
      ar: voteResultPhrase(phraseInput, 'ar', { digits }),
      en: voteResultPhrase(phraseInput, 'en'),
      fr: voteResultPhrase(phraseInput, 'fr'),
    },
  };
}

/** Stored votes with their ballots in roll order, as the minutes and the UI read them. */
async function loadVotes(tx: Tx, votes: Row<'vote'>[]): Promise<RollCallVote[]> {
  if (votes.length === 0) return [];
  const digits = (await readOrganisationSettings(tx)).digits;
  const rows = await tx
    .selectFrom('voteBallot')
    .innerJoin('memberState', 'memberState.id', 'voteBallot.memberStateId')
    .select([
      'voteBallot.voteId',
      'voteBallot.memberStateId',
      'voteBallot.delegationId',
      'voteBallot.choice',
      'voteBallot.rollOrder',
      'memberState.isoCode',
      'memberState.nameAr',
      'memberState.nameEn',
      'memberState.nameFr',
    ])
    .where('voteBallot.voteId', 'in', votes.map((v) => v.id))
    .orderBy('voteBallot.rollOrder')
    .execute();
  return votes.map((vote) =>
    toVoteView(
      vote,
      rows
        .filter((r) => r.voteId === vote.id)
        .map((r) => ({
          rollOrder: r.rollOrder,
          memberStateId: r.memberStateId,
          delegationId: r.delegationId,
          isoCode: r.isoCode,
          name: { ar: r.nameAr, en: r.nameEn, fr: r.nameFr },
          choice: r.choice,
        })),
      digits,
    ),
  );
}

/** The vote on a motion, or null when it was not put to a vote. */
export async function getVote(ctx: CoreContext, input: unknown): Promise<RollCallVote | null> {
  const { motionId } = validate(getVoteSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireMotion(tx, motionId, 'motionId');
    const vote = await tx.selectFrom('vote').selectAll().where('motionId', '=', motionId).executeTakeFirst();
    return vote ? ((await loadVotes(tx, [vote]))[0] ?? null) : null;
  });
}

/** Every vote of a session, in the order they were held. */
export async function listVotes(ctx: CoreContext, input: unknown): Promise<RollCallVote[]> {
  const { sessionId } = validate(listVotesSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const votes = await tx.selectFrom('vote').selectAll().where('sessionId', '=', sessionId).orderBy('heldAt').orderBy('id').execute();
    return loadVotes(tx, votes);
  });
}
