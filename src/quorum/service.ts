// Quorum at an instant of a sitting: the member delegations present against the session's rule.
import { inTransaction, type CoreContext, type Tx } from '../core/context';
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { presentAtTx } from '../attendance/service';
import { quorumRequired } from '../rules/quorum';
import { requireSession } from '../sessions/guard';
import type { QuorumRule } from '../settings/schema';
import { requireSitting } from '../sittings/service';
import { quorumAtSchema } from './schema';
import type { QuorumStatus } from './types';

/**
 * For callers already in a transaction (votes). `at` must be a normalised ISO instant within the sitting;
 * outside it → ValidationError 'at'.
 */
export async function quorumAtTx(tx: Tx, sittingId: string, atInput: string): Promise<QuorumStatus> {
  const ms = Date.parse(atInput);
  if (Number.isNaN(ms)) throw new ValidationError('at', 'at: not an instant');
  const at = new Date(ms).toISOString();
  const sitting = await requireSitting(tx, sittingId);
  if (at < sitting.startsAt || (sitting.endsAt !== null && at > sitting.endsAt)) {
    throw new ValidationError('at', 'at: outside the sitting');
  }
  const session = await requireSession(tx, sitting.sessionId);
  const presentIds = await presentAtTx(tx, sittingId, at);
  const members = presentIds.length
    ? await tx
        .selectFrom('delegation')
        .innerJoin('memberState', 'memberState.id', 'delegation.memberStateId')
        .select(['memberState.id as stateId'])
        .where('delegation.kind', '=', 'member')
        .where('delegation.id', 'in', presentIds)
        .orderBy('memberState.protocolOrder')
        .execute()
    : [];
  const rule = session.quorumRule as QuorumRule;
  const required = quorumRequired(rule, session.memberCount);
  return {
    sittingId,
    at,
    present: members.length,
    required,
    met: members.length >= required,
    rule,
    memberCount: session.memberCount,
    presentStateIds: members.map((m) => m.stateId),
  };
}

export async function quorumAt(ctx: CoreContext, input: unknown): Promise<QuorumStatus> {
  const data = validate(quorumAtSchema, input);
  return inTransaction(ctx, (tx) => quorumAtTx(tx, data.sittingId, data.at));
}
