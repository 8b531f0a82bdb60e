// Quorum at an instant of a sitting: the member delegations present against the session's rule.
import { inTransaction, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
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
  const sitting = await requireSitting(tx, sittingId);
  const at = instantInSitting(sitting, atInput);
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
  return quorumOf(session, sittingId, at, members.map((m) => m.stateId));
}

/** `at` normalised, if it is an instant within the sitting; else ValidationError 'at'. */
export function instantInSitting(sitting: Row<'sitting'>, atInput: string): string {
  const ms = Date.parse(atInput);
  if (Number.isNaN(ms)) throw new ValidationError('at', 'at: not an instant', 'invalid_instant');
  const at = new Date(ms).toISOString();
  if (at < sitting.startsAt || (sitting.endsAt !== null && at > sitting.endsAt)) {
    throw new ValidationError('at', 'at: outside the sitting', 'outside_sitting');
  }
  return at;
}

/** The quorum figures from the member states present (a vote reads them with its roll, in one query). */
export function quorumOf(session: Row<'councilSession'>, sittingId: string, at: string, presentStateIds: string[]): QuorumStatus {
  const rule = session.quorumRule as QuorumRule;
  const required = quorumRequired(rule, session.memberCount);
  return {
    sittingId,
    at,
    present: presentStateIds.length,
    required,
    met: presentStateIds.length >= required,
    rule,
    memberCount: session.memberCount,
    presentStateIds,
  };
}

export async function quorumAt(ctx: CoreContext, input: unknown): Promise<QuorumStatus> {
  const data = validate(quorumAtSchema, input);
  return inTransaction(ctx, (tx) => quorumAtTx(tx, data.sittingId, data.at));
}
