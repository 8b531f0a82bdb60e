// A roll call in progress, stored ballot by ballot (migration 0009) so nothing keyed is lost to a tab
// switch, a reload or a crash. It opens only when the vote may be taken (the motion is decidable, no
// amendment of it undecided, quorum met or the session's rules allow recording without it), so the
// secretary is refused before calling the roll, not after. It ends by recordRollCallVote (same
// transaction) or abandonRollCall.
import { CompiledQuery } from 'kysely';
import { inTransaction, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import { codedValidationError, QuorumNotMetError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { assertMotionDecidable, requireMotion } from '../motions/service';
import { quorumAtTx } from '../quorum/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { requireSitting } from '../sittings/service';
import { keyBallotSchema, openRollCallIdSchema, openRollCallSchema, openRollCallsSchema } from './schema';
import type { OpenRollCall } from './types';

async function load(tx: Tx, motionId: string): Promise<OpenRollCall | null> {
  const row = await tx.selectFrom('openRollCall').selectAll().where('motionId', '=', motionId).executeTakeFirst();
  if (!row) return null;
  const ballots = await tx.selectFrom('openRollCallBallot').select(['memberStateId', 'choice']).where('motionId', '=', motionId).execute();
  return { ...row, ballots: Object.fromEntries(ballots.map((b) => [b.memberStateId, b.choice])) };
}

async function requireOpen(tx: Tx, motionId: string): Promise<OpenRollCall> {
  const open = await load(tx, motionId);
  if (!open) throw codedValidationError('motionId', 'no_open_roll_call', 'no roll call is in progress on this motion');
  return open;
}

/** The checks that decide whether the vote may be taken at `at`; shared by opening and recording. */
export async function assertVoteMayBeTaken(tx: Tx, motionId: string, sittingId: string, at: string) {
  const motion = await requireMotion(tx, motionId, 'motionId');
  const session = await assertSessionWritable(tx, motion.sessionId, 'motionId');
  const sitting = await requireSitting(tx, sittingId);
  if (sitting.sessionId !== motion.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
  await assertMotionDecidable(tx, motion, 'motionId');
  const quorum = await quorumAtTx(tx, sittingId, at);
  if (!quorum.met && !session.allowInquorateVotes) throw new QuorumNotMetError(quorum.present, quorum.required, 'sittingId');
  return { motion, session, sitting, quorum };
}

export async function openRollCall(ctx: CoreContext, input: unknown): Promise<OpenRollCall> {
  const data = validate(openRollCallSchema, input);
  return inTransaction(ctx, async (tx) => {
    const existing = await load(tx, data.motionId);
    if (existing) return existing;
    const { motion } = await assertVoteMayBeTaken(tx, data.motionId, data.sittingId, data.at);
    const other = await tx.selectFrom('openRollCall').select('motionId').where('sessionId', '=', motion.sessionId).executeTakeFirst();
    if (other) throw codedConflictError('motionId', 'roll_call_already_open', 'another roll call is in progress in this session: record or abandon it first');
    const row = { motionId: motion.id, sessionId: motion.sessionId, sittingId: data.sittingId, openedAt: nowIso(ctx) };
    await tx.insertInto('openRollCall').values(row).execute();
    await recordAudit(ctx, tx, { action: 'vote.open', entity: 'motion', entityId: motion.id, sessionId: motion.sessionId, after: row });
    return { ...row, ballots: {} };
  });
}

/** Store one keyed ballot (or take it back with null). The state must be present at `at`. */
export async function keyBallot(ctx: CoreContext, input: unknown): Promise<OpenRollCall> {
  const data = validate(keyBallotSchema, input);
  return inTransaction(ctx, async (tx) => {
    const open = await requireOpen(tx, data.motionId);
    await assertSessionWritable(tx, open.sessionId, 'motionId');
    if (data.choice === null) {
      await tx.deleteFrom('openRollCallBallot').where('motionId', '=', data.motionId).where('memberStateId', '=', data.memberStateId).execute();
    } else {
      const quorum = await quorumAtTx(tx, open.sittingId, data.at);
      if (!quorum.presentStateIds.includes(data.memberStateId)) {
        throw codedValidationError('memberStateId', 'not_present', 'this member state is not present and cannot vote');
      }
      await tx
        .insertInto('openRollCallBallot')
        .values({ motionId: data.motionId, sessionId: open.sessionId, memberStateId: data.memberStateId, choice: data.choice, keyedAt: nowIso(ctx) })
        .onConflict((oc) => oc.columns(['motionId', 'memberStateId']).doUpdateSet({ choice: data.choice!, keyedAt: nowIso(ctx) }))
        .execute();
    }
    return requireOpen(tx, data.motionId);
  });
}

/** Give up a roll call in progress: its ballots go, the motion stays before the council. */
export async function abandonRollCall(ctx: CoreContext, input: unknown): Promise<void> {
  const { motionId } = validate(openRollCallIdSchema, input);
  await inTransaction(ctx, async (tx) => {
    const open = await requireOpen(tx, motionId);
    await assertSessionWritable(tx, open.sessionId, 'motionId');
    await tx.deleteFrom('openRollCall').where('motionId', '=', motionId).execute();
    await recordAudit(ctx, tx, { action: 'vote.abandon', entity: 'motion', entityId: motionId, sessionId: open.sessionId, before: open });
  });
}

/** The session's roll call in progress, if any (there is at most one). */
export async function openRollCalls(ctx: CoreContext, input: unknown): Promise<OpenRollCall[]> {
  const { sessionId } = validate(openRollCallsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const rows = await tx.selectFrom('openRollCall').select('motionId').where('sessionId', '=', sessionId).execute();
    const out: OpenRollCall[] = [];
    for (const r of rows) {
      const o = await load(tx, r.motionId);
      if (o) out.push(o);
    }
    return out;
  });
}

/** Called inside recordRollCallVote: the roll call in progress becomes the recorded vote. */
export async function closeOpenRollCall(tx: Tx, motionId: string): Promise<void> {
  await tx.executeQuery(CompiledQuery.raw('delete from open_roll_call where motion_id = ?', [motionId]));
}
