// A corrigendum: the one way to correct a session whose minutes are approved. It is a new record linked to
// the locked session (never an edit of it), numbered 1, 2, ... per session, append-only (migration 0003),
// and shown in the next version of the minutes.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext } from '../core/context';
import { ConflictError, NotFoundError } from '../errors';
import { validate } from '../errors/validate';
import { requireSession } from '../sessions/guard';
import { addCorrigendumSchema, listCorrigendaSchema } from './schema';
import type { CorrigendumView } from './types';

export async function addCorrigendum(ctx: CoreContext, input: unknown): Promise<CorrigendumView> {
  const data = validate(addCorrigendumSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await requireSession(tx, data.sessionId);
    if (!session.lockedAt) {
      throw new ConflictError('sessionId', 'the minutes are not approved yet: correct the record itself', 'minutes_not_approved');
    }
    if (data.decisionId) {
      const decision = await tx
        .selectFrom('decision')
        .select(['id', 'sessionId'])
        .where('id', '=', data.decisionId)
        .executeTakeFirst();
      if (!decision || decision.sessionId !== data.sessionId) {
        throw new NotFoundError('decisionId', 'decision of this session', data.decisionId);
      }
    }
    const last = await tx
      .selectFrom('corrigendum')
      .select((eb) => eb.fn.max<number>('number').as('n'))
      .where('sessionId', '=', data.sessionId)
      .executeTakeFirst();
    const row: CorrigendumView = {
      id: newId(),
      sessionId: data.sessionId,
      number: Number(last?.n ?? 0) + 1,
      decisionId: data.decisionId,
      textAr: data.textAr,
      textEn: data.textEn,
      textFr: data.textFr,
      reason: data.reason,
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('corrigendum').values(row).execute();
    await recordAudit(ctx, tx, {
      action: 'corrigendum.add',
      entity: 'corrigendum',
      entityId: row.id,
      sessionId: row.sessionId,
      after: row,
    });
    return row;
  });
}

export async function listCorrigenda(ctx: CoreContext, input: unknown): Promise<CorrigendumView[]> {
  const data = validate(listCorrigendaSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    return tx.selectFrom('corrigendum').selectAll().where('sessionId', '=', data.sessionId).orderBy('number').execute();
  });
}
