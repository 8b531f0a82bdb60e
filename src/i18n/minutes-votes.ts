// The minutes' wording of motions, amendments, votes, decisions' reservations and referrals, and the
// rapporteur: one implementation per language (minutes-votes-ar/en/fr.ts), spread into MinutesWording.
// Every place that states a vote's result (the item, the register of decisions, the votes annex) calls
// voteResult, so they cannot disagree. Pure.

/** What is put to the council: French agrees with it (la proposition, l’amendement). */
export type MotionKind = 'motion' | 'amendment';

export interface VoteResultFacts {
  subject: MotionKind;
  outcome: 'adopted' | 'rejected';
  yes: string;
  no: string;
  abstain: string;
  /** null when every state present took part. */
  notParticipating: string | null;
  /** The majority rule, worded by majorityRule(). */
  rule: string;
  /** The yes votes the rule required (rules/majority.ts requiredYes). */
  required: string;
  /** yes = no under a rule that can tie. */
  tie: boolean;
  castingVote: 'yes' | 'no' | null;
  /** A motion adopted after one of its amendments was adopted. */
  asAmended: boolean;
}

/** The instant of a vote: when, and the quorum at that instant (stored on the vote when it was taken). */
export interface VoteTakenFacts {
  subject: MotionKind;
  sitting: string;
  time: string;
  present: string;
  members: string;
  quorum: string;
  /** Recorded without quorum, as the session's rules allowed. */
  inquorate: boolean;
}

export interface VoteWording {
  /** "Proposal (submitted by the delegation of Morocco)" — proposer already "the delegation of ..." or null. */
  motionLabel(kind: MotionKind, proposer: string | null): string;
  /** The result clause: "adopted by 10 votes in favour to 1 against, ..." / "not adopted: ..., short of ...". */
  voteResult(p: VoteResultFacts): string;
  /** The whole sentence of the item: how and when it was put to the vote, with the quorum, then the result. */
  voteSentence(taken: VoteTakenFacts, result: string): string;
  /** "12 of 21 (quorum: 11)" / "10 of 21, without quorum (quorum: 12)": the register and the votes annex. */
  voteQuorum(p: { present: string; members: string; quorum: string; inquorate: boolean }): string;
  /** A decision without a vote, in agreement with what was decided. */
  consensusOf(kind: MotionKind, asAmended: boolean): string;
  /** A motion or amendment not decided. */
  motionStatusOf(kind: MotionKind, status: 'proposed' | 'withdrawn' | 'deferred' | 'referred'): string;
  /** A motion or amendment referred to a named body (migration 0019): "The proposal was referred to " + body. */
  motionReferredTo(kind: MotionKind, body: string): string;
  /** A decision without a vote record, but adopted or rejected (imported history). */
  outcomeOf(kind: MotionKind, outcome: 'adopted' | 'rejected', asAmended: boolean): string;
  /** Before the consolidated text of a motion adopted as amended (the motion's own text as amended, migration 0013). */
  textAsAmended(kind: MotionKind): string;
  /** Before the list of amendments adopted, when no consolidated text was recorded. */
  amendmentsApplied: string;
  /** "The delegation of Algeria entered a reservation on this decision: " + text (HOLE). */
  reservationBy(state: string, text: string): string;
  /** The same, when the delegation's text is itself a sentence of reservation ("يتحفظ الوفد على..."): quoted, not repeated. */
  reservationQuoted(state: string, text: string): string;
  /** A whole sentence: the body, and the note (HOLE) inside it, or none. */
  referralSentence(body: string, note: string | null): string;
  /** The rapporteur of the session (the delegation's "of" form, and the head's name if known). */
  rapporteur(state: string, name: string | null): string;
  /** The votes annex's columns: each ballot is counted, none dropped. */
  votesColumns: {
    number: string;
    item: string;
    when: string;
    present: string;
    yes: string;
    no: string;
    abstain: string;
    notParticipating: string;
    result: string;
  };
  /** The register's cell for a decision adopted by vote: "by vote" + the result. */
  adoptedByVote(result: string): string;
}
