// Sittings (جلسات): the meetings of a session. Numbered 1..n in order of creation; a sitting starts
// within the session's dates and, once ended, every attendance event lies between its start and end.
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { createSittingSchema, endSittingSchema, listSittingsSchema, sittingIdSchema, updateSittingSchema } from './schema';
import type { Sitting } from './types';
import { withinSessionDates } from '../rules/calendar';

export function toSitting(row: Row<'sitting'>): Sitting {
  return { id: row.id, sessionId: row.sessionId, number: row.number, startsAt: row.startsAt, endsAt: row.endsAt };
}

export async function requireSitting(tx: Tx, id: string, field = 'sittingId'): Promise<Row<'sitting'>> {
  const row = await tx.selectFrom('sitting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(field, 'sitting', id);
  return row;
}

function assertStartsWithinSession(session: Row<'councilSession'>, startsAt: string): void {
  if (!withinSessionDates(session, startsAt)) {
    throw codedValidationError('startsAt', 'outside_session_dates', `startsAt: outside the session's dates (${session.startDate} to ${session.endDate})`, { from: session.startDate, to: session.endDate });
  }
}

function assertEndsAfterStart(startsAt: string, endsAt: string | null | undefined): void {
  if (endsAt != null && endsAt <= startsAt) throw codedValidationError('endsAt', 'not_after_start', 'endsAt: not after the start');
}

/** The sitting's recorded attendance must stay inside its bounds. */
async function assertEventsWithin(tx: Tx, sittingId: string, startsAt: string, endsAt: string | null, field: string): Promise<void> {
  const range = await tx
    .selectFrom('attendanceEvent')
    .select((eb) => [eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
    .where('sittingId', '=', sittingId)
    .executeTakeFirst();
  if (range?.first != null && range.first < startsAt) {
    throw new ValidationError(field, `${field}: attendance is recorded at ${range.first}, before the sitting's start`, 'attendance_before_start', { at: range.first });
  }
  if (range?.last != null && endsAt != null && range.last > endsAt) {
    throw new ValidationError(field, `${field}: attendance is recorded at ${range.last}, after the sitting's end`, 'attendance_after_end', { at: range.last });
  }
}

/**
 * Move the arrivals recorded at the sitting's old opening to the new one. Refused (on startsAt) when the
 * new opening would put a delegation's later events before its arrival, or on top of one.
 */
async function moveOpeningArrivals(tx: Tx, sitting: Row<'sitting'>, startsAt: string): Promise<{ id: string }[]> {
  const atOpening = await tx
    .selectFrom('attendanceEvent')
    .select(['id', 'delegationId'])
    .where('sittingId', '=', sitting.id)
    .where('kind', '=', 'arrival')
    .where('at', '=', sitting.startsAt)
    .execute();
  if (atOpening.length === 0) return [];
  if (startsAt > sitting.startsAt) {
    const clash = await tx
      .selectFrom('attendanceEvent')
      .select(['at'])
      .where('sittingId', '=', sitting.id)
      .where('delegationId', 'in', atOpening.map((e) => e.delegationId))
      .where('at', '>', sitting.startsAt)
      .where('at', '<=', startsAt)
      .orderBy('at')
      .executeTakeFirst();
    if (clash) {
      throw new ValidationError('startsAt', `startsAt: a delegation present from the opening has attendance recorded at ${clash.at}, before the new opening`, 'attendance_before_start', { at: clash.at });
    }
  }
  await tx.updateTable('attendanceEvent').set({ at: startsAt }).where('id', 'in', atOpening.map((e) => e.id)).execute();
  return atOpening;
}

export async function createSitting(ctx: CoreContext, input: unknown): Promise<Sitting> {
  const data = validate(createSittingSchema, input);
  return inTransaction(ctx, async (tx) => {
    const session = await assertSessionWritable(tx, data.sessionId);
    assertStartsWithinSession(session, data.startsAt);
    assertEndsAfterStart(data.startsAt, data.endsAt);
    const last = await tx
      .selectFrom('sitting')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('sessionId', '=', session.id)
      .executeTakeFirst();
    const row: Row<'sitting'> = {
      id: newId(),
      sessionId: session.id,
      number: Number(last?.n ?? 0) + 1,
      startsAt: data.startsAt,
      endsAt: data.endsAt ?? null,
      createdAt: nowIso(ctx),
    };
    await tx.insertInto('sitting').values(row).execute();
    const view = toSitting(row);
    await recordAudit(ctx, tx, { action: 'sitting.create', entity: 'sitting', entityId: row.id, sessionId: session.id, after: view });
    return view;
  });
}

export async function updateSitting(ctx: CoreContext, input: unknown): Promise<Sitting> {
  const data = validate(updateSittingSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await requireSitting(tx, data.id, 'id');
    const session = await assertSessionWritable(tx, current.sessionId);
    const startsAt = data.startsAt ?? current.startsAt;
    const endsAt = data.endsAt === undefined ? current.endsAt : data.endsAt;
    if (data.startsAt) assertStartsWithinSession(session, startsAt);
    assertEndsAfterStart(startsAt, endsAt);
    // Delegations present from the opening arrived at the opening: correcting the opening time moves
    // their arrivals with it (they were in the room when it opened, whatever the clock said). A later
    // arrival or any departure stays where it was, and must still lie within the sitting.
    const moved = startsAt !== current.startsAt ? await moveOpeningArrivals(tx, current, startsAt) : [];
    await assertEventsWithin(tx, current.id, startsAt, endsAt, data.startsAt ? 'startsAt' : 'endsAt');
    await tx.updateTable('sitting').set({ startsAt, endsAt }).where('id', '=', current.id).execute();
    const before = toSitting(current);
    const after = { ...before, startsAt, endsAt };
    await recordAudit(ctx, tx, { action: 'sitting.update', entity: 'sitting', entityId: current.id, sessionId: session.id, before, after });
    for (const m of moved) {
      await recordAudit(ctx, tx, { action: 'attendance.move_with_opening', entity: 'attendanceEvent', entityId: m.id, sessionId: session.id, before: { at: current.startsAt }, after: { at: startsAt } });
    }
    return after;
  });
}

export async function endSitting(ctx: CoreContext, input: unknown): Promise<Sitting> {
  const data = validate(endSittingSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await requireSitting(tx, data.id, 'id');
    const session = await assertSessionWritable(tx, current.sessionId);
    assertEndsAfterStart(current.startsAt, data.endsAt);
    await assertEventsWithin(tx, current.id, current.startsAt, data.endsAt, 'endsAt');
    await tx.updateTable('sitting').set({ endsAt: data.endsAt }).where('id', '=', current.id).execute();
    const before = toSitting(current);
    const after = { ...before, endsAt: data.endsAt };
    await recordAudit(ctx, tx, { action: 'sitting.end', entity: 'sitting', entityId: current.id, sessionId: session.id, before, after });
    return after;
  });
}

export async function getSitting(ctx: CoreContext, input: unknown): Promise<Sitting> {
  const { id } = validate(sittingIdSchema, input);
  return inTransaction(ctx, async (tx) => toSitting(await requireSitting(tx, id, 'id')));
}

export async function listSittings(ctx: CoreContext, input: unknown): Promise<Sitting[]> {
  const { sessionId } = validate(listSittingsSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const rows = await tx.selectFrom('sitting').selectAll().where('sessionId', '=', sessionId).orderBy('number').execute();
    return rows.map(toSitting);
  });
}
