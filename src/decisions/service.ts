// Decisions: recorded from an adopted motion or directly when adopted by consensus, numbered on adoption
// from the organisation's pattern. The serial is the session's last_decision_serial + 1, bumped in the same
// transaction (BEGIN IMMEDIATE, so two secretaries recording at once queue rather than collide); deleting a
// decision leaves the counter alone, so a number is never given twice.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError, codedValidationError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { formatDecisionNumbers } from '../rules/decision-number';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { withinSessionDates } from '../rules/calendar';
import { decisionIdSchema, listDecisionsSchema, recordDecisionSchema, updateDecisionSchema } from './schema';
import type { Decision } from './types';

export function toDecision(row: Row<'decision'>): Decision {
  return {
    id: row.id,
    sessionId: row.sessionId,
    agendaItemId: row.agendaItemId,
    motionId: row.motionId,
    sittingId: row.sittingId,
    serial: row.serial,
    number: { ar: row.numberAr, en: row.numberEn, fr: row.numberFr },
    text: { ar: row.textAr, en: row.textEn, fr: row.textFr },
    adoptedAt: row.adoptedAt,
    adoptedBy: row.adoptedBy,
    createdAt: row.createdAt,
  };
}

export async function requireDecision(tx: Tx, id: string, field = 'decisionId'): Promise<Row<'decision'>> {
  const row = await tx.selectFrom('decision').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'decision', id);
  return row;
}

/** The motion a decision comes from: adopted, not an amendment, on the same item, without a decision yet. */
async function checkMotion(tx: Tx, motionId: string, agendaItemId: string): Promise<Row<'motion'>> {
  const motion = await tx.selectFrom('motion').selectAll().where('id', '=', motionId).executeTakeFirst();
  if (!motion) throw new NotFoundError('motionId', 'motion', motionId);
  if (motion.agendaItemId !== agendaItemId) {
    throw codedValidationError('motionId', 'motion_other_item', 'the motion belongs to another agenda item');
  }
  if (motion.parentMotionId !== null) {
    throw codedValidationError('motionId', 'decision_from_amendment', 'an amendment changes its motion; the decision is recorded from the motion itself');
  }
  if (motion.status !== 'adopted') {
    throw codedValidationError('motionId', 'motion_not_adopted', `the motion is ${motion.status}, not adopted`);
  }
  const existing = await tx.selectFrom('decision').select('id').where('motionId', '=', motionId).executeTakeFirst();
  if (existing) throw codedConflictError('motionId', 'decision_exists', `the motion already has a decision: ${existing.id}`);
  return motion;
}

/** A decision is adopted during its session: `adoptedAt` falls within the session's dates (as sittings do). */
function assertAdoptedInSession(session: Row<'councilSession'>, adoptedAt: string): void {
  if (!withinSessionDates(session, adoptedAt)) {
    throw codedValidationError('adoptedAt', 'outside_session_dates', `adoptedAt: outside the session's dates (${session.startDate} to ${session.endDate})`);
  }
}

async function checkSitting(tx: Tx, sittingId: string, sessionId: string): Promise<void> {
  const sitting = await tx.selectFrom('sitting').select('sessionId').where('id', '=', sittingId).executeTakeFirst();
  if (!sitting) throw new NotFoundError('sittingId', 'sitting', sittingId);
  if (sitting.sessionId !== sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
}

export async function recordDecision(ctx: CoreContext, input: unknown): Promise<Decision> {
  const data = validate(recordDecisionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const item = await tx.selectFrom('agendaItem').selectAll().where('id', '=', data.agendaItemId).executeTakeFirst();
    if (!item) throw new NotFoundError('agendaItemId', 'agenda item', data.agendaItemId);
    const session = await assertSessionWritable(tx, item.sessionId, 'agendaItemId');
    assertAdoptedInSession(session, data.adoptedAt);

    let adoptedBy: Decision['adoptedBy'] = 'consensus';
    let sittingId = data.sittingId ?? null;
    if (data.motionId) {
      const motion = await checkMotion(tx, data.motionId, item.id);
      if (motion.decidedBy === 'vote') {
        adoptedBy = 'vote';
        const vote = await tx.selectFrom('vote').select('sittingId').where('motionId', '=', motion.id).executeTakeFirst();
        sittingId ??= vote?.sittingId ?? null;
      }
    }
    if (sittingId) await checkSitting(tx, sittingId, session.id);

    const settings = await readOrganisationSettings(tx);
    // The counter moves first and only forward: the number is this transaction's alone.
    const { lastDecisionSerial: serial } = await tx
      .updateTable('councilSession')
      .set((eb) => ({ lastDecisionSerial: eb('lastDecisionSerial', '+', 1) }))
      .where('id', '=', session.id)
      .returning('lastDecisionSerial')
      .executeTakeFirstOrThrow();
    const number = formatDecisionNumbers(
      settings.decisionNumberPattern,
      {
        council: settings.councilAbbreviation,
        sessionNumber: session.number,
        sessionKind: session.kind,
        year: Number(session.startDate.slice(0, 4)),
        serial,
      },
      { digits: settings.digits },
    );

    const row: Row<'decision'> = {
      id: newId(),
      sessionId: session.id,
      agendaItemId: item.id,
      motionId: data.motionId ?? null,
      serial,
      numberAr: number.ar,
      numberEn: number.en,
      numberFr: number.fr,
      textAr: data.text.ar,
      textEn: data.text.en,
      textFr: data.text.fr,
      adoptedAt: data.adoptedAt,
      adoptedBy,
      sittingId,
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('decision').values(row).execute();
    const view = toDecision(row);
    await recordAudit(ctx, tx, { action: 'decision.record', entity: 'decision', entityId: row.id, sessionId: session.id, after: view });
    return view;
  });
}

/** Texts and time of adoption may be corrected; the number, serial and origin never change. */
export async function updateDecision(ctx: CoreContext, input: unknown): Promise<Decision> {
  const data = validate(updateDecisionSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireDecision(tx, data.id, 'id');
    const session = await assertSessionWritable(tx, row.sessionId, 'id');
    if (data.adoptedAt) assertAdoptedInSession(session, data.adoptedAt);
    const before = toDecision(row);
    const patch = {
      textAr: data.text?.ar ?? row.textAr,
      textEn: data.text?.en ?? row.textEn,
      textFr: data.text?.fr ?? row.textFr,
      adoptedAt: data.adoptedAt ?? row.adoptedAt,
    };
    await tx.updateTable('decision').set(patch).where('id', '=', row.id).execute();
    const after = toDecision({ ...row, ...patch });
    await recordAudit(ctx, tx, { action: 'decision.update', entity: 'decision', entityId: row.id, sessionId: row.sessionId, before, after });
    return after;
  });
}

/**
 * Remove a decision recorded by mistake, while the session is unlocked and nothing hangs on it. Its serial
 * stays used (the counter is not lowered): the next decision takes a new number.
 */
export async function deleteDecision(ctx: CoreContext, input: unknown): Promise<Decision> {
  const { id } = validate(decisionIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireDecision(tx, id, 'id');
    await assertSessionWritable(tx, row.sessionId, 'id');
    const [reservations, referrals, actions] = await Promise.all(
      (['reservation', 'referral', 'actionItem'] as const).map((table) =>
        tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('decisionId', '=', id).executeTakeFirstOrThrow(),
      ),
    );
    const hanging = [
      reservations!.n > 0 ? `${reservations!.n} reservation(s)` : '',
      referrals!.n > 0 ? `${referrals!.n} referral(s)` : '',
      actions!.n > 0 ? `${actions!.n} follow-up action(s)` : '',
    ].filter(Boolean);
    if (hanging.length > 0) {
      throw new ValidationError('id', `the decision has ${hanging.join(', ')}; remove them first`, 'decision_has_dependents');
    }
    await tx.deleteFrom('decision').where('id', '=', id).execute();
    const before = toDecision(row);
    await recordAudit(ctx, tx, { action: 'decision.delete', entity: 'decision', entityId: id, sessionId: row.sessionId, before });
    return before;
  });
}

export async function getDecision(ctx: CoreContext, input: unknown): Promise<Decision> {
  const { id } = validate(decisionIdSchema, input);
  return inTransaction(ctx, async (tx) => toDecision(await requireDecision(tx, id, 'id')));
}

/** A session's decisions in the order of their numbers. */
export async function listDecisions(ctx: CoreContext, input: unknown): Promise<Decision[]> {
  const data = validate(listDecisionsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, data.sessionId);
    let query = tx.selectFrom('decision').selectAll().where('sessionId', '=', data.sessionId);
    if (data.agendaItemId) query = query.where('agendaItemId', '=', data.agendaItemId);
    const rows = await query.orderBy('serial').execute();
    return rows.map(toDecision);
  });
}
