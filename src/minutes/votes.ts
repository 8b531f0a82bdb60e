// A roll-call vote as the minutes state it, from its stored row: the result (one phrase, the same in the
// item, the register of decisions and the votes annex) and the instant it was taken with the quorum then.
// Pure.
import type { MotionRow, VoteRow } from '../bundle/schema';
import type { MotionKind } from '../i18n/minutes-votes';
import { isMajorityRule, isTie, requiredYes } from '../rules/majority';
import type { BuildContext } from './build-model';

export function motionKind(m: MotionRow | undefined): MotionKind {
  return m?.parentMotionId ? 'amendment' : 'motion';
}

/** A motion adopted after one of its amendments was adopted reads "as amended". */
export function adoptedAsAmended(c: BuildContext, m: MotionRow): boolean {
  return (c.index.motionsByParent.get(m.id) ?? []).some((a) => a.status === 'adopted');
}

export function voteResultText(c: BuildContext, vote: VoteRow): string {
  const motion = c.index.motionById.get(vote.motionId);
  const tally = { yes: vote.yes, no: vote.no, abstain: vote.abstain, notParticipating: vote.notParticipating };
  const rule = vote.rule;
  const known = isMajorityRule(rule);
  return c.w.voteResult({
    subject: motionKind(motion),
    outcome: vote.outcome,
    yes: c.num(vote.yes),
    no: c.num(vote.no),
    abstain: c.num(vote.abstain),
    notParticipating: vote.notParticipating ? c.num(vote.notParticipating) : null,
    rule: c.w.majorityRule(vote.rule),
    required: known ? c.num(requiredYes(rule, tally, vote.memberCount)) : c.w.none,
    tie: known && isTie(rule, tally),
    castingVote: vote.castingVote,
    asAmended: vote.outcome === 'adopted' && !!motion && adoptedAsAmended(c, motion),
  });
}

export function voteSentence(c: BuildContext, vote: VoteRow): string {
  const motion = c.index.motionById.get(vote.motionId);
  return c.w.voteSentence(
    {
      subject: motionKind(motion),
      sitting: c.sittingName(vote.sittingId),
      time: c.time(vote.heldAt),
      present: c.num(vote.presentCount),
      members: c.num(vote.memberCount),
      quorum: c.num(vote.quorumRequired),
      inquorate: vote.inquorate === 1,
    },
    voteResultText(c, vote),
  );
}

export function voteQuorumText(c: BuildContext, vote: VoteRow): string {
  return c.w.voteQuorum({
    present: c.num(vote.presentCount),
    members: c.num(vote.memberCount),
    quorum: c.num(vote.quorumRequired),
    inquorate: vote.inquorate === 1,
  });
}

/** Votes in the order they were taken (ties on the instant broken by id, so the order is stable). */
export function byHeldAt(a: VoteRow, b: VoteRow): number {
  return a.heldAt.localeCompare(b.heldAt) || a.id.localeCompare(b.id);
}
