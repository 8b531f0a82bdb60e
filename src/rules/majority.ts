// The majority rules, stated exactly, and the sentence the minutes use for a vote's result.
// Pure: no node:*, no database. The service (votes/service.ts) counts the ballots; this decides.
//
// Bases (every count is of member states; observers never vote):
//   yes, no, abstain, notParticipating — the ballots of the states present at the instant of the vote;
//   present  = yes + no + abstain + notParticipating (every present state has exactly one ballot);
//   cast     = yes + no ("votes cast": abstentions and not-participating are NOT votes cast, under every rule);
//   members  = the session's member count (the member states when the session was created).
//
// Rules:
//   simple_majority_of_votes_cast   yes > no.                          0-0 (all abstain) fails.
//   absolute_majority_of_members    yes > members / 2  (2*yes > members).
//   two_thirds_present_and_voting   3*yes >= 2*(yes+no) and cast >= 1. Abstainers are present but not voting.
//   two_thirds_of_members           3*yes >= 2*members and members >= 1.
//   unanimity_of_present            yes = present and present >= 1.    One abstention (or one state not
//                                   participating) defeats it.
// Ties: only simple_majority_of_votes_cast can tie (yes = no >= 1): every other rule compares yes with a
// fixed threshold, so equal yes and no decide nothing there. A tie fails unless the session gives the chair a
// casting vote AND the chair gives one ('yes' adopts, 'no' rejects). The casting vote is not a ballot and is
// not counted in the tallies.
import { ValidationError } from '../errors';

export const majorityRules = [
  'simple_majority_of_votes_cast',
  'absolute_majority_of_members',
  'two_thirds_present_and_voting',
  'two_thirds_of_members',
  'unanimity_of_present',
] as const;
export type MajorityRuleName = (typeof majorityRules)[number];

export function isMajorityRule(value: unknown): value is MajorityRuleName {
  return typeof value === 'string' && (majorityRules as readonly string[]).includes(value);
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  notParticipating: number;
}

export interface MajorityInput extends Tally {
  rule: MajorityRuleName;
  /** Member states of the session (the base of the "of members" rules). */
  members: number;
  /** Whether the session's rules give the chair a casting vote in a tie. */
  chairCastingVote: boolean;
  /** The chair's casting vote, given only to break a tie. */
  castingVote?: 'yes' | 'no' | null;
}

export interface MajorityResult {
  outcome: 'adopted' | 'rejected';
  present: number;
  /** yes + no. */
  votesCast: number;
  /** yes = no >= 1 under a rule that can tie. */
  tie: boolean;
  /** The casting vote that decided a tie, or null. */
  castingVote: 'yes' | 'no' | null;
}

function assertCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(field, `${field} must be a whole number >= 0`);
}

/** Whether the rule itself is met, ties aside. */
export function ruleMet(rule: MajorityRuleName, t: Tally, members: number): boolean {
  const present = t.yes + t.no + t.abstain + t.notParticipating;
  const cast = t.yes + t.no;
  switch (rule) {
    case 'simple_majority_of_votes_cast':
      return t.yes > t.no;
    case 'absolute_majority_of_members':
      return 2 * t.yes > members;
    case 'two_thirds_present_and_voting':
      return cast >= 1 && 3 * t.yes >= 2 * cast;
    case 'two_thirds_of_members':
      return members >= 1 && 3 * t.yes >= 2 * members;
    case 'unanimity_of_present':
      return present >= 1 && t.yes === present;
  }
}

/** Whether the result is a tie that a casting vote may break. */
export function isTie(rule: MajorityRuleName, t: Tally): boolean {
  return rule === 'simple_majority_of_votes_cast' && t.yes === t.no && t.yes >= 1;
}

/**
 * Decide a vote. Throws ValidationError('castingVote') for a casting vote the rules do not allow (the session
 * gives none, or there is no tie), and ValidationError naming the count for a negative or fractional count.
 */
export function decideMajority(input: MajorityInput): MajorityResult {
  for (const key of ['yes', 'no', 'abstain', 'notParticipating', 'members'] as const) assertCount(input[key], key);
  const present = input.yes + input.no + input.abstain + input.notParticipating;
  if (present > input.members) {
    throw new ValidationError('members', `more states present (${present}) than members (${input.members})`);
  }
  const tie = isTie(input.rule, input);
  const casting = input.castingVote ?? null;
  if (casting !== null) {
    if (!input.chairCastingVote) {
      throw new ValidationError('castingVote', "the session's rules give the chair no casting vote");
    }
    if (!tie) throw new ValidationError('castingVote', 'a casting vote breaks a tie only, and there is none');
  }
  const adopted = tie ? casting === 'yes' : ruleMet(input.rule, input, input.members);
  return {
    outcome: adopted ? 'adopted' : 'rejected',
    present,
    votesCast: input.yes + input.no,
    tie,
    castingVote: tie ? casting : null,
  };
}
