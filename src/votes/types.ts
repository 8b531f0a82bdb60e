// Views returned by the votes services.
import type { MajorityRule } from '../settings/schema';

export type BallotChoice = 'yes' | 'no' | 'abstain' | 'not_participating';

export interface RollCallEntry {
  /** 1-based place in the roll (protocol order of the states present). */
  rollOrder: number;
  memberStateId: string;
  delegationId: string;
  isoCode: string;
  name: { ar: string; en: string; fr: string };
}

export interface Ballot extends RollCallEntry {
  choice: BallotChoice;
}

export interface RollCallVote {
  id: string;
  sessionId: string;
  motionId: string;
  sittingId: string;
  heldAt: string;
  rule: MajorityRule;
  yes: number;
  no: number;
  abstain: number;
  notParticipating: number;
  presentCount: number;
  memberCount: number;
  quorum: { required: number; met: boolean };
  /** Recorded without quorum because the session's rules allow it. */
  inquorate: boolean;
  castingVote: 'yes' | 'no' | null;
  outcome: 'adopted' | 'rejected';
  ballots: Ballot[];
  /** The result as the minutes say it. */
  phrase: { ar: string; en: string; fr: string };
}

/** A roll call in progress, as stored: the ballots keyed so far, by member state. */
export interface OpenRollCall {
  motionId: string;
  sessionId: string;
  sittingId: string;
  openedAt: string;
  ballots: Record<string, BallotChoice>;
}
