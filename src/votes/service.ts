// Roll-call votes. Everything about one vote happens in ONE transaction (BEGIN IMMEDIATE): who is present
// and whether there is quorum at the instant of the vote, the ballots, the tallies under the motion's rule,
// the vote and ballot rows, and the motion's new status — so a concurrent arrival or departure cannot slip
// between the roll and the count.
import { CompiledQuery } from 'kysely';
import { actorName, inTransaction, newId, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedValidationError, NotFoundError, QuorumNotMetError } from '../errors';
import { validate } from '../errors/validate';
import { assertMotionDecidable, requireMotion } from '../motions/service';
import { presentAtTx } from '../attendance/service';
import { instantInSitting, quorumOf } from '../quorum/service';
import { decideMajority, isMajorityRule, isTie, requiredYes, type MajorityRuleName } from '../rules/majority';
import { minutesWording } from '../i18n/minutes';
import { formatNumber } from '../minutes/dates';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { requireSitting } from '../sittings/service';
import { getVoteSchema, listVotesSchema, recordRollCallVoteSchema, rollCallOrderSchema } from './schema';
import type { Ballot, RollCallEntry, RollCallVote } from './types';
import { closeOpenRollCall } from './open';

const VOTE_COLUMNS = [
  'id', 'sessionId', 'motionId', 'sittingId', 'heldAt', 'rule', 'yes', 'no', 'abstain', 'notParticipating',
  'presentCount', 'memberCount', 'quorumRequired', 'quorumMet', 'inquorate', 'castingVote', 'outcome',
] as const satisfies readonly (keyof Row<'vote'>)[];
const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const INSERT_VOTE = `insert into vote (${VOTE_COLUMNS.map(snake).join(', ')}) values (${VOTE_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_MOTION = 'update motion set status = ?, decided_by = ?, decided_at = ? where id = ?';
function insertBallots(n: number): string {
  const row = '(?, ?, ?, ?, ?, ?)';
  return `insert into vote_ballot (vote_id, session_id, member_state_id, delegation_id, choice, roll_order) values ${Array.from({ length: n }, () => row).join(', ')}`;
}

interface RollRow {
  delegationId: string;
  memberStateId: string;
  isoCode: string;
  nameAr: string;
  nameEn: string;
  nameFr: string;
}
// Prepared once per number of delegations present (the dialect caches statements by their text).
const rollSql = (n: number) =>
  `select delegation.id as delegation_id, member_state.id as member_state_id, member_state.iso_code, member_state.name_ar,
     member_state.name_en, member_state.name_fr
   from delegation inner join member_state on member_state.id = delegation.member_state_id
   where delegation.kind = 'member' and delegation.id in (${Array.from({ length: n }, () => '?').join(', ')})
   order by member_state.protocol_order, member_state.iso_code`;

/** The member delegations among `delegationIds`, in protocol order, with their states: the roll to call. */
async function rollOf(tx: Tx, delegationIds: string[]): Promise<RollCallEntry[]> {
  if (delegationIds.length === 0) return [];
  const { rows } = await tx.executeQuery<RollRow>(CompiledQuery.raw(rollSql(delegationIds.length), delegationIds));
  return rows.map((r, i) => ({
    rollOrder: i + 1,
    memberStateId: r.memberStateId,
    delegationId: r.delegationId,
    isoCode: r.isoCode,
    name: { ar: r.nameAr, en: r.nameEn, fr: r.nameFr },
  }));
}

/** Quorum and the roll at an instant of a sitting, from one read of attendance and one of the delegations. */
async function quorumAndRoll(tx: Tx, sitting: Row<'sitting'>, session: Row<'councilSession'>, atInput: string) {
  const at = instantInSitting(sitting, atInput);
  const roll = await rollOf(tx, await presentAtTx(tx, sitting.id, at));
  return { roll, quorum: quorumOf(session, sitting.id, at, roll.map((e) => e.memberStateId)) };
}

/** The roll for the UI: the member states present at that instant, in protocol order. */
export async function rollCallOrder(ctx: CoreContext, input: unknown): Promise<RollCallEntry[]> {
  const data = validate(rollCallOrderSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await requireSession(tx, data.sessionId);
    const sitting = await requireSitting(tx, data.sittingId);
    if (sitting.sessionId !== data.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
    return (await quorumAndRoll(tx, sitting, session, data.at)).roll;
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

    const { quorum, roll } = await quorumAndRoll(tx, sitting, session, data.at);
    const inquorate = !quorum.met;
    if (inquorate && !session.allowInquorateVotes) throw new QuorumNotMetError(quorum.present, quorum.required, 'sittingId');

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
    // The rows go in through constant prepared statements (the dialect caches them by their text): the
    // query builder's cost for 21 ballots was most of the vote's time besides the commit.
    await tx.executeQuery(CompiledQuery.raw(INSERT_VOTE, VOTE_COLUMNS.map((c) => vote[c])));
    await closeOpenRollCall(tx, motion.id);
    if (ballots.length > 0) {
      const params = ballots.flatMap((b) => [vote.id, vote.sessionId, b.memberStateId, b.delegationId, b.choice, b.rollOrder]);
      await tx.executeQuery(CompiledQuery.raw(insertBallots(ballots.length), params));
    }
    const motionAfter: Row<'motion'> = { ...motion, status: result.outcome, decidedBy: 'vote', decidedAt: data.at };
    await tx.executeQuery(CompiledQuery.raw(UPDATE_MOTION, [motionAfter.status, 'vote', data.at, motion.id]));
    const actor = await actorName(ctx, tx);
    await recordAudit(ctx, tx, {
      actor,
      action: 'vote.record',
      entity: 'vote',
      entityId: vote.id,
      sessionId: vote.sessionId,
      after: { vote, ballots: ballots.map((b) => [b.memberStateId, b.choice]) },
    });
    await recordAudit(ctx, tx, { actor, action: 'motion.vote', entity: 'motion', entityId: motion.id, sessionId: motion.sessionId, before: motion, after: motionAfter });
    return toVoteView(vote, ballots, (await readOrganisationSettings(tx)).digits, (await voteSubjects(tx, [vote.motionId])).get(vote.motionId));
  });
}

/** What the minutes need to word a vote's result: an amendment or a motion, and whether adopted as amended. */
interface VoteSubject {
  amendment: boolean;
  asAmended: boolean;
}

async function voteSubjects(tx: Tx, motionIds: string[]): Promise<Map<string, VoteSubject>> {
  const out = new Map<string, VoteSubject>();
  if (motionIds.length === 0) return out;
  const motions = await tx.selectFrom('motion').select(['id', 'parentMotionId']).where('id', 'in', motionIds).execute();
  const adoptedChildren = await tx.selectFrom('motion').select('parentMotionId').where('parentMotionId', 'in', motionIds).where('status', '=', 'adopted').execute();
  for (const m of motions) out.set(m.id, { amendment: m.parentMotionId !== null, asAmended: adoptedChildren.some((c) => c.parentMotionId === m.id) });
  return out;
}

// The screen states a vote's result in the very words of the minutes (src/minutes/votes.ts voteResultText):
// the same wording function, the same facts (as amended, the tie, the casting vote), so they cannot differ.
function resultPhrase(vote: Row<'vote'>, subject: VoteSubject | undefined, lang: 'ar' | 'en' | 'fr', digits: 'western' | 'arabic-indic'): string {
  const w = minutesWording(lang);
  const num = (n: number) => formatNumber(n, lang, digits);
  const tally = { yes: vote.yes, no: vote.no, abstain: vote.abstain, notParticipating: vote.notParticipating };
  const known = isMajorityRule(vote.rule);
  const result = w.voteResult({
    subject: subject?.amendment ? 'amendment' : 'motion',
    outcome: vote.outcome,
    yes: num(vote.yes),
    no: num(vote.no),
    abstain: num(vote.abstain),
    notParticipating: vote.notParticipating ? num(vote.notParticipating) : null,
    rule: w.majorityRule(vote.rule),
    required: known ? num(requiredYes(vote.rule as MajorityRuleName, tally, vote.memberCount)) : w.none,
    tie: known && isTie(vote.rule as MajorityRuleName, tally),
    castingVote: vote.castingVote,
    asAmended: vote.outcome === 'adopted' && !!subject?.asAmended,
  });
  // On its own (the screen, the hall display) the clause also says the vote was taken without quorum, which
  // the minutes say in the sentence around it (voteSentence).
  return vote.inquorate === 1 ? `${result}${inquorateClause[lang]}` : result;
}

const inquorateClause = {
  en: '; recorded without quorum, as the rules allow',
  fr: ' ; vote enregistré sans quorum, comme le permet le règlement',
  ar: '؛ وسُجّل التصويت دون اكتمال النصاب وفق ما تجيزه القواعد',
} as const;

function toVoteView(vote: Row<'vote'>, ballots: Ballot[], digits: 'western' | 'arabic-indic', subject: VoteSubject | undefined): RollCallVote {
  const rule = vote.rule as MajorityRuleName;
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
      ar: resultPhrase(vote, subject, 'ar', digits),
      en: resultPhrase(vote, subject, 'en', digits),
      fr: resultPhrase(vote, subject, 'fr', digits),
    },
  };
}

/** Stored votes with their ballots in roll order, as the minutes and the UI read them. */
async function loadVotes(tx: Tx, votes: Row<'vote'>[]): Promise<RollCallVote[]> {
  if (votes.length === 0) return [];
  const digits = (await readOrganisationSettings(tx)).digits;
  const subjects = await voteSubjects(tx, [...new Set(votes.map((v) => v.motionId))]);
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
      subjects.get(vote.motionId),
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
