// The head of a delegation per sitting: a delegation's usual head is its delegate with role 'head'; when
// someone else leads it at a sitting (a minister on the first day, an ambassador on the second), that is
// recorded here and the minutes print each sitting's head.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext } from '../core/context';
import type { Row } from '../database/schema';
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { requireSitting } from '../sittings/service';
import { listSittingHeadsSchema, setSittingHeadSchema } from './schema';
import { requireDelegation } from './service';
import type { SittingHead } from './types';

const toView = (r: Row<'sittingHead'>): SittingHead => ({
  id: r.id,
  sittingId: r.sittingId,
  delegationId: r.delegationId,
  fullName: r.fullName,
  title: r.title,
});

/** Set (or, with fullName null, clear) who headed a member delegation at a sitting. Returns the row, or null once cleared. */
export async function setSittingHead(ctx: CoreContext, input: unknown): Promise<SittingHead | null> {
  const data = validate(setSittingHeadSchema, input);
  return inTransaction(ctx, async (tx) => {
    const sitting = await requireSitting(tx, data.sittingId);
    await assertSessionWritable(tx, sitting.sessionId, 'sittingId');
    const delegation = await requireDelegation(tx, data.delegationId);
    if (delegation.sessionId !== sitting.sessionId) {
      throw new ValidationError('delegationId', 'delegationId: the delegation belongs to another session', 'other_session');
    }
    if (delegation.kind !== 'member') throw new ValidationError('delegationId', 'delegationId: only a member delegation has a head of delegation', 'not_member_delegation');
    const current = await tx
      .selectFrom('sittingHead')
      .selectAll()
      .where('sittingId', '=', sitting.id)
      .where('delegationId', '=', delegation.id)
      .executeTakeFirst();
    const before = current ? toView(current) : undefined;
    if (current) await tx.deleteFrom('sittingHead').where('id', '=', current.id).execute();
    if (data.fullName === null) {
      if (before) await recordAudit(ctx, tx, { action: 'sittingHead.clear', entity: 'sittingHead', entityId: before.id, sessionId: sitting.sessionId, before });
      return null;
    }
    const row: Row<'sittingHead'> = {
      id: current?.id ?? newId(),
      sessionId: sitting.sessionId,
      sittingId: sitting.id,
      delegationId: delegation.id,
      fullName: data.fullName,
      title: data.title,
      // Translations (migration 0018) stay while the text they translate stays.
      fullNameEn: current?.fullName === data.fullName ? current.fullNameEn : '',
      fullNameFr: current?.fullName === data.fullName ? current.fullNameFr : '',
      titleEn: current?.title === data.title ? current.titleEn : '',
      titleFr: current?.title === data.title ? current.titleFr : '',
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('sittingHead').values(row).execute();
    const after = toView(row);
    await recordAudit(ctx, tx, { action: 'sittingHead.set', entity: 'sittingHead', entityId: row.id, sessionId: sitting.sessionId, before, after });
    return after;
  });
}

export async function listSittingHeads(ctx: CoreContext, input: unknown): Promise<SittingHead[]> {
  const { sessionId } = validate(listSittingHeadsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const rows = await tx.selectFrom('sittingHead').selectAll().where('sessionId', '=', sessionId).orderBy('sittingId').orderBy('delegationId').execute();
    return rows.map(toView);
  });
}
