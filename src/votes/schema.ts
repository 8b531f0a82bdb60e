// Inputs of the votes services: roll-call votes on a motion.
import { z } from 'zod';
import { instantSchema } from '../sittings/schema';

const id = z.string().min(1, 'required');

export const ballotChoiceSchema = z.enum(['yes', 'no', 'abstain', 'not_participating']);

export const recordRollCallVoteSchema = z
  .object({
    motionId: id,
    sittingId: id,
    /** The instant of the vote: presence and quorum are taken at it. */
    at: instantSchema,
    /** One ballot per member state present at `at`, no more, no less. */
    ballots: z.array(z.object({ memberStateId: id, choice: ballotChoiceSchema }).strict()).max(100),
    /** The chair's casting vote, only to break a tie, only where the session's rules give one. */
    castingVote: z.enum(['yes', 'no']).nullable().default(null),
  })
  .strict();

export const rollCallOrderSchema = z.object({ sessionId: id, sittingId: id, at: instantSchema }).strict();

export const getVoteSchema = z.object({ motionId: id }).strict();
export const listVotesSchema = z.object({ sessionId: id }).strict();

/** Open the roll call on a motion (or find the one already open): refused when the vote may not be taken now. */
export const openRollCallSchema = z.object({ motionId: id, sittingId: id, at: instantSchema }).strict();
/** One ballot keyed during a roll call in progress; null takes it back. */
export const keyBallotSchema = z
  .object({ motionId: id, memberStateId: id, choice: ballotChoiceSchema.nullable(), at: instantSchema })
  .strict();
export const openRollCallIdSchema = z.object({ motionId: id }).strict();
export const openRollCallsSchema = z.object({ sessionId: id }).strict();
