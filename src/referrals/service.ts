// Referrals: a decision (or the matter behind it) raised to the General Assembly, a ministerial council
// or another named body.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { codedValidationError, NotFoundError } from '../errors';
import { referralBodyProblem } from '../rules/referral-body';
import { validate } from '../errors/validate';
import { requireDecision } from '../decisions/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { createReferralSchema, listReferralsSchema, referralIdSchema, updateReferralSchema } from './schema';
import type { Referral } from './types';

function toReferral(row: Row<'referral'>): Referral {
  return {
    id: row.id,
    sessionId: row.sessionId,
    decisionId: row.decisionId,
    body: row.body,
    bodyName: row.bodyName,
    note: row.note,
    createdAt: row.createdAt,
  };
}

async function requireReferral(tx: Tx, id: string): Promise<Row<'referral'>> {
  const row = await tx.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('id', 'referral', id);
  return row;
}

export async function createReferral(ctx: CoreContext, input: unknown): Promise<Referral> {
  const data = validate(createReferralSchema, input);
  return inTransaction(ctx, async (tx) => {
    const decision = await requireDecision(tx, data.decisionId);
    await assertSessionWritable(tx, decision.sessionId, 'decisionId');
    const row: Row<'referral'> = {
      id: newId(),
      sessionId: decision.sessionId,
      decisionId: decision.id,
      body: data.body,
      bodyName: data.bodyName,
      note: data.note,
      noteEn: '',
      noteFr: '',
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('referral').values(row).execute();
    const view = toReferral(row);
    await recordAudit(ctx, tx, { action: 'referral.create', entity: 'referral', entityId: row.id, sessionId: row.sessionId, after: view });
    return view;
  });
}

export async function updateReferral(ctx: CoreContext, input: unknown): Promise<Referral> {
  const data = validate(updateReferralSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireReferral(tx, data.id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const next = { ...row, body: data.body ?? row.body, bodyName: data.bodyName ?? row.bodyName, note: data.note ?? row.note };
    const problem = referralBodyProblem(next.body, next.bodyName);
    if (problem) throw codedValidationError('bodyName', 'required', problem);
    await tx.updateTable('referral').set({ body: next.body, bodyName: next.bodyName, note: next.note }).where('id', '=', row.id).execute();
    const before = toReferral(row);
    const after = toReferral(next);
    await recordAudit(ctx, tx, { action: 'referral.update', entity: 'referral', entityId: row.id, sessionId: row.sessionId, before, after });
    return after;
  });
}

export async function removeReferral(ctx: CoreContext, input: unknown): Promise<Referral> {
  const { id } = validate(referralIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireReferral(tx, id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    await tx.deleteFrom('referral').where('id', '=', id).execute();
    const before = toReferral(row);
    await recordAudit(ctx, tx, { action: 'referral.remove', entity: 'referral', entityId: id, sessionId: row.sessionId, before });
    return before;
  });
}

export async function listReferrals(ctx: CoreContext, input: unknown): Promise<Referral[]> {
  const data = validate(listReferralsSchema, input);
  return inTransaction(ctx, async (tx) => {
    if (data.decisionId) await requireDecision(tx, data.decisionId);
    else await requireSession(tx, data.sessionId!);
    let query = tx.selectFrom('referral as r').innerJoin('decision as d', 'd.id', 'r.decisionId').selectAll('r');
    query = data.decisionId ? query.where('r.decisionId', '=', data.decisionId) : query.where('r.sessionId', '=', data.sessionId!);
    const rows = await query.orderBy('d.serial').orderBy('r.createdAt').execute();
    return rows.map(toReferral);
  });
}
