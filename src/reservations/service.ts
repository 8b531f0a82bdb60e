// Reservations (تحفظ): a member state that does not accept a decision says so, and the minutes record it.
// Only a state with a member delegation at the session may enter one, once per decision.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, codedValidationError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { requireDecision } from '../decisions/service';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { createReservationSchema, listReservationsSchema, reservationIdSchema, updateReservationSchema } from './schema';
import type { Reservation } from './types';

type StateNames = Pick<Row<'memberState'>, 'isoCode' | 'nameAr' | 'nameEn' | 'nameFr'>;

function toReservation(row: Row<'reservation'>, state: StateNames): Reservation {
  return {
    id: row.id,
    sessionId: row.sessionId,
    decisionId: row.decisionId,
    memberStateId: row.memberStateId,
    state: { isoCode: state.isoCode, ar: state.nameAr, en: state.nameEn, fr: state.nameFr },
    text: row.text,
    recordedAt: row.recordedAt,
  };
}

async function stateNames(tx: Tx, memberStateId: string, field = 'memberStateId'): Promise<StateNames> {
  const state = await tx
    .selectFrom('memberState')
    .select(['isoCode', 'nameAr', 'nameEn', 'nameFr'])
    .where('id', '=', memberStateId)
    .executeTakeFirst();
  if (!state) throw new NotFoundError(field, 'member state', memberStateId);
  return state;
}

async function requireReservation(tx: Tx, id: string): Promise<Row<'reservation'>> {
  const row = await tx.selectFrom('reservation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('id', 'reservation', id);
  return row;
}

export async function createReservation(ctx: CoreContext, input: unknown): Promise<Reservation> {
  const data = validate(createReservationSchema, input);
  return inTransaction(ctx, async (tx) => {
    const decision = await requireDecision(tx, data.decisionId);
    await assertSessionWritable(tx, decision.sessionId, 'decisionId');
    const state = await stateNames(tx, data.memberStateId);
    const delegation = await tx
      .selectFrom('delegation')
      .select('id')
      .where('sessionId', '=', decision.sessionId)
      .where('kind', '=', 'member')
      .where('memberStateId', '=', data.memberStateId)
      .executeTakeFirst();
    if (!delegation) throw codedValidationError('memberStateId', 'no_delegation_for_state', 'the state had no delegation at this session');
    const existing = await tx
      .selectFrom('reservation')
      .select('id')
      .where('decisionId', '=', decision.id)
      .where('memberStateId', '=', data.memberStateId)
      .executeTakeFirst();
    if (existing) throw codedConflictError('memberStateId', 'reservation_exists', 'the state already has a reservation on this decision; edit it');
    const row: Row<'reservation'> = {
      id: newId(),
      sessionId: decision.sessionId,
      decisionId: decision.id,
      memberStateId: data.memberStateId,
      text: data.text,
      textEn: '',
      textFr: '',
      recordedAt: nowIso(ctx),
    };
    await tx.insertInto('reservation').values(row).execute();
    const view = toReservation(row, state);
    await recordAudit(ctx, tx, { action: 'reservation.create', entity: 'reservation', entityId: row.id, sessionId: row.sessionId, after: view });
    return view;
  });
}

export async function updateReservation(ctx: CoreContext, input: unknown): Promise<Reservation> {
  const data = validate(updateReservationSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireReservation(tx, data.id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const state = await stateNames(tx, row.memberStateId);
    await tx.updateTable('reservation').set({ text: data.text }).where('id', '=', row.id).execute();
    const before = toReservation(row, state);
    const after = toReservation({ ...row, text: data.text }, state);
    await recordAudit(ctx, tx, { action: 'reservation.update', entity: 'reservation', entityId: row.id, sessionId: row.sessionId, before, after });
    return after;
  });
}

export async function removeReservation(ctx: CoreContext, input: unknown): Promise<Reservation> {
  const { id } = validate(reservationIdSchema, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requireReservation(tx, id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const before = toReservation(row, await stateNames(tx, row.memberStateId));
    await tx.deleteFrom('reservation').where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'reservation.remove', entity: 'reservation', entityId: id, sessionId: row.sessionId, before });
    return before;
  });
}

/** In the roll-call (protocol) order of the states, decision by decision. */
export async function listReservations(ctx: CoreContext, input: unknown): Promise<Reservation[]> {
  const data = validate(listReservationsSchema, input);
  return inTransaction(ctx, async (tx) => {
    if (data.decisionId) await requireDecision(tx, data.decisionId);
    else await requireSession(tx, data.sessionId!);
    let query = tx
      .selectFrom('reservation as r')
      .innerJoin('memberState as s', 's.id', 'r.memberStateId')
      .innerJoin('decision as d', 'd.id', 'r.decisionId')
      .selectAll('r')
      .select(['s.isoCode', 's.nameAr', 's.nameEn', 's.nameFr']);
    query = data.decisionId ? query.where('r.decisionId', '=', data.decisionId) : query.where('r.sessionId', '=', data.sessionId!);
    const rows = await query.orderBy('d.serial').orderBy('s.protocolOrder').execute();
    return rows.map((r) => toReservation(r, r));
  });
}
