// Roll-call votes in a whole record: each ballot cast by a member delegation present at the instant of the
// vote, inside the vote's sitting; every state present has one ballot; the tallies are the ballots counted;
// quorum and the outcome follow from them by the same functions the votes service decides with.
import { presentAt } from '../../attendance/presence';
import type { SessionRecordRows } from '../../bundle/schema';
import { ValidationError } from '../../errors';
import { decideMajority, isMajorityRule } from '../majority';
import { majorityRuleNames } from '../rule-names';
import { utc } from './attendance';
import type { RecordContext } from './record';
import type { Report } from './types';

type Choice = 'yes' | 'no' | 'abstain' | 'not_participating';

export function checkVotes(rows: SessionRecordRows, ctx: RecordContext, report: Report): void {
  const session = rows.session;
  const sittings = new Map(rows.sittings.map((s) => [s.id, s]));
  const motions = new Map(rows.motions.map((m, i) => [m.id, { m, i }]));
  const eventsBySitting = new Map<string, { delegationId: string; kind: 'arrival' | 'departure'; at: string }[]>();
  for (const e of rows.attendanceEvents) {
    const list = eventsBySitting.get(e.sittingId) ?? [];
    list.push({ delegationId: e.delegationId, kind: e.kind, at: utc(e.at) });
    eventsBySitting.set(e.sittingId, list);
  }
  const ballotsByVote = new Map<string, { b: SessionRecordRows['voteBallots'][number]; i: number }[]>();
  rows.voteBallots.forEach((b, i) => {
    const list = ballotsByVote.get(b.voteId) ?? [];
    list.push({ b, i });
    ballotsByVote.set(b.voteId, list);
  });
  const votedMotions = new Set<string>();

  rows.votes.forEach((v, vi) => {
    const at = `votes.${vi}`;
    if (votedMotions.has(v.motionId)) report(`${at}.motionId`, 'duplicate_key', 'the motion was put to the vote twice');
    votedMotions.add(v.motionId);
    if (!isMajorityRule(v.rule)) report(`${at}.rule`, 'unknown_rule', `unknown majority rule "${v.rule.slice(0, 60)}" (one of ${majorityRuleNames.join(', ')})`);
    if (v.memberCount !== session.memberCount) report(`${at}.memberCount`, 'tally', `${v.memberCount}, but the session has ${session.memberCount} member states`);
    const sitting = sittings.get(v.sittingId);
    const heldAt = utc(v.heldAt);
    let present: Set<string> | null = null;
    if (sitting) {
      if (heldAt < utc(sitting.startsAt) || (sitting.endsAt !== null && heldAt > utc(sitting.endsAt))) {
        report(`${at}.heldAt`, 'outside_sitting', `${v.heldAt} is outside sitting ${sitting.number}`, { sitting: sitting.number });
      } else {
        present = new Set(presentAt(eventsBySitting.get(sitting.id) ?? [], heldAt));
      }
    }

    // The ballots: each by a member delegation of the state named, present at the instant, once per state.
    const ballots = ballotsByVote.get(v.id) ?? [];
    const counted: Record<Choice, number> = { yes: 0, no: 0, abstain: 0, not_participating: 0 };
    const states = new Set<string>();
    const voted = new Set<string>();
    for (const { b, i } of ballots) {
      counted[b.choice] += 1;
      const d = ctx.delegation(b.delegationId);
      if (!d) continue; // reported by the reference check
      const name = ctx.delegationName(b.delegationId);
      if (d.kind !== 'member') {
        report(`voteBallots.${i}.delegationId`, 'ballot_delegation', `${name}'s delegation is ${d.kind === 'observer' ? 'an observer' : 'the secretariat'} and cannot vote`, { delegation: name, kind: d.kind });
        continue;
      }
      if (d.memberStateId !== b.memberStateId) {
        report(`voteBallots.${i}.memberStateId`, 'ballot_delegation', `the ballot names ${ctx.stateName(b.memberStateId)} but its delegation is ${name}'s`, { delegation: name, state: ctx.stateName(b.memberStateId) });
        continue;
      }
      if (states.has(b.memberStateId)) report(`voteBallots.${i}.memberStateId`, 'duplicate_key', `${name} has two ballots in this vote`, { delegation: name });
      states.add(b.memberStateId);
      voted.add(d.id);
      if (present && !present.has(d.id)) {
        report(`voteBallots.${i}.delegationId`, 'ballot_absent', `${name} is not present at the time of the vote (${v.heldAt}) and cannot vote`, { delegation: name, at: v.heldAt });
      }
    }
    if (present) {
      const missing = [...present].filter((id) => ctx.delegation(id)?.kind === 'member' && !voted.has(id));
      if (missing.length) {
        const names = missing.map((id) => ctx.delegationName(id)).join(', ');
        report(`${at}.presentCount`, 'ballot_missing', `present and without a ballot: ${names}`, { delegations: names });
      }
    }

    // The tallies are the ballots counted; quorum and the outcome follow from them.
    const tally = { yes: counted.yes, no: counted.no, abstain: counted.abstain, notParticipating: counted.not_participating };
    for (const key of ['yes', 'no', 'abstain', 'notParticipating'] as const) {
      if (v[key] !== tally[key]) report(`${at}.${key}`, 'tally', `${v[key]}, but the ballots count ${tally[key]}`, { recorded: v[key], counted: tally[key] });
    }
    if (v.presentCount !== ballots.length) report(`${at}.presentCount`, 'tally', `${v.presentCount}, but there are ${ballots.length} ballots`, { recorded: v.presentCount, counted: ballots.length });
    if (v.quorumRequired > v.memberCount) report(`${at}.quorumRequired`, 'quorum', `${v.quorumRequired} of ${v.memberCount} member states`);
    const met = v.presentCount >= v.quorumRequired;
    if ((v.quorumMet === 1) !== met) report(`${at}.quorumMet`, 'quorum', `${v.presentCount} present, ${v.quorumRequired} required: quorum ${met ? 'is' : 'is not'} met`);
    if ((v.inquorate === 1) === (v.quorumMet === 1)) report(`${at}.inquorate`, 'quorum', 'says the opposite of quorumMet');
    if (v.inquorate === 1 && session.allowInquorateVotes !== 1) report(`${at}.inquorate`, 'quorum', "recorded without quorum, which the session's rules do not allow");
    if (isMajorityRule(v.rule)) {
      try {
        const result = decideMajority({ ...tally, rule: v.rule, members: v.memberCount, chairCastingVote: session.chairCastingVote === 1, castingVote: v.castingVote });
        if (result.outcome !== v.outcome) report(`${at}.outcome`, 'outcome', `${v.outcome}, but the ballots under ${v.rule} give ${result.outcome}`, { recorded: v.outcome, counted: result.outcome });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const field = err.field === 'castingVote' ? 'castingVote' : 'presentCount';
        report(`${at}.${field}`, field === 'castingVote' ? 'casting_vote' : 'tally', err.message.replace(/^\w+: /, ''));
      }
    }
    const motion = motions.get(v.motionId);
    if (motion && (motion.m.decidedBy !== 'vote' || motion.m.status !== v.outcome)) {
      report(`motions.${motion.i}.status`, 'outcome', `${motion.m.status}${motion.m.decidedBy ? ` by ${motion.m.decidedBy}` : ''}, but its vote (votes.${vi}) ${v.outcome === 'adopted' ? 'adopted' : 'rejected'} it`);
    }
  });
  const voteIds = new Set(rows.votes.map((v) => v.motionId));
  rows.motions.forEach((m, i) => {
    if (m.decidedBy === 'vote' && !voteIds.has(m.id)) report(`motions.${i}.decidedBy`, 'motion', 'decided by a vote that is not in the record');
  });
}
