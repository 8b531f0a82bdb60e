// Attendance: arrivals and departures of delegations, time-stamped, per sitting. Who is present at any
// instant is derived from these events (presence.ts); every write keeps each delegation's timeline valid.
import { CompiledQuery } from 'kysely';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { ConflictError, NotFoundError, ValidationError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireDelegation } from '../delegations/service';
import { assertSessionWritable } from '../sessions/guard';
import { requireSitting } from '../sittings/service';
import { presentAt, timelineProblem, type AttendanceKind } from './presence';
import { attendanceEventIdSchema, listAttendanceSchema, presentAtSchema, presentFromOpeningSchema, recordAttendanceSchema } from './schema';
import type { AttendanceEvent, Presence } from './types';

function toEvent(row: Row<'attendanceEvent'>): AttendanceEvent {
  return { ...row };
}

/**
 * How far ahead of the clock an event may be stated: none in substance, a minute for a "now" typed on one
 * laptop and recorded a moment later. An arrival "at 11:00" entered at 10:30 is a mistake, not a plan.
 */
export const FUTURE_TOLERANCE_MS = 60_000;

export function assertNotInFuture(ctx: CoreContext, at: string, field = 'at'): void {
  if (ctx.clockIsWallTime && Date.parse(at) > ctx.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationError(field, `${field}: in the future (${at}); record an arrival or a departure once it has happened`, 'attendance_in_future', { at });
  }
}

/** `at` must lie within the sitting: from its start, and up to its end once it has ended. */
export function assertWithinSitting(sitting: Row<'sitting'>, at: string, field = 'at'): void {
  if (at < sitting.startsAt) throw new ValidationError(field, `${field}: before the sitting started (${sitting.startsAt})`, 'before_sitting', { at: sitting.startsAt });
  if (sitting.endsAt !== null && at > sitting.endsAt) {
    throw new ValidationError(field, `${field}: after the sitting ended (${sitting.endsAt})`, 'after_sitting', { at: sitting.endsAt });
  }
}

// Constant prepared statements (the dialect caches them by their text) for what runs on every arrival and
// departure; the timeline read is one search of the index of migration 0016.
const SELECT_TIMELINE = 'select * from attendance_event where sitting_id = ? and delegation_id = ? order by at';
const INSERT_EVENT = 'insert into attendance_event (id, session_id, sitting_id, delegation_id, kind, at, recorded_at) values (?, ?, ?, ?, ?, ?, ?)';

async function timelineOf(tx: Tx, sittingId: string, delegationId: string): Promise<Row<'attendanceEvent'>[]> {
  return (await tx.executeQuery<Row<'attendanceEvent'>>(CompiledQuery.raw(SELECT_TIMELINE, [sittingId, delegationId]))).rows;
}

async function record(ctx: CoreContext, input: unknown, kind: AttendanceKind): Promise<AttendanceEvent> {
  const data = validate(recordAttendanceSchema, input);
  return inTransaction(ctx, (tx) => recordTx(ctx, tx, data, kind));
}

async function recordTx(
  ctx: CoreContext,
  tx: Tx,
  data: { sittingId: string; delegationId: string; at: string },
  kind: AttendanceKind,
  field = 'at',
  delegationField = 'delegationId',
): Promise<AttendanceEvent> {
  {
    const sitting = await requireSitting(tx, data.sittingId);
    await assertSessionWritable(tx, sitting.sessionId, 'sittingId');
    const delegation = await requireDelegation(tx, data.delegationId, delegationField);
    if (delegation.sessionId !== sitting.sessionId) {
      throw codedValidationError(delegationField, 'other_session', `${delegationField}: the delegation belongs to another session`);
    }
    assertWithinSitting(sitting, data.at, field);
    assertNotInFuture(ctx, data.at, field);

    const existing = await timelineOf(tx, sitting.id, delegation.id);
    if (existing.some((e) => e.at === data.at)) throw new ConflictError(field, `${field}: an event is already recorded at ${data.at}`, 'attendance_same_time', { at: data.at });
    const before = existing.filter((e) => e.at < data.at);
    const present = before.length > 0 && before[before.length - 1]!.kind === 'arrival';
    if (kind === 'arrival' && present) throw new ConflictError(field, `${field}: the delegation is already present at ${data.at}`, 'already_present', { at: data.at });
    if (kind === 'departure' && !present) throw new ValidationError(field, `${field}: the delegation is not present at ${data.at}`, 'delegation_not_present', { at: data.at });
    // An event inserted in the past must not break what follows it (e.g. an arrival before a later arrival).
    const problem = timelineProblem([...existing, { kind, at: data.at }]);
    if (problem) {
      const message = `${field}: an event at ${data.at} would break the recorded attendance (${problem.reason.replace(/_/g, ' ')})`;
      throw kind === 'arrival' ? new ConflictError(field, message, 'attendance_timeline', { at: data.at }) : new ValidationError(field, message, 'attendance_timeline', { at: data.at });
    }

    const row: Row<'attendanceEvent'> = {
      id: newId(),
      sessionId: sitting.sessionId,
      sittingId: sitting.id,
      delegationId: delegation.id,
      kind,
      at: data.at,
      recordedAt: nowIso(ctx),
    };
    await tx.executeQuery(CompiledQuery.raw(INSERT_EVENT, [row.id, row.sessionId, row.sittingId, row.delegationId, row.kind, row.at, row.recordedAt]));
    const view = toEvent(row);
    await recordAudit(ctx, tx, { action: `attendance.${kind}`, entity: 'attendanceEvent', entityId: row.id, sessionId: row.sessionId, after: view });
    return view;
  }
}

export function recordArrival(ctx: CoreContext, input: unknown): Promise<AttendanceEvent> {
  return record(ctx, input, 'arrival');
}

export function recordDeparture(ctx: CoreContext, input: unknown): Promise<AttendanceEvent> {
  return record(ctx, input, 'departure');
}

/**
 * The roll call at the opening: each delegation named was present from the sitting's opening, i.e. an
 * arrival at the sitting's start (presence.ts: arrived at t → present at t). All or nothing. Correcting the
 * opening time later moves these arrivals with it (sittings/service.ts), so "present from the opening"
 * stays true.
 */
export async function recordPresentFromOpening(ctx: CoreContext, input: unknown): Promise<AttendanceEvent[]> {
  const data = validate(presentFromOpeningSchema, input);
  return inTransaction(ctx, async (tx) => {
    const sitting = await requireSitting(tx, data.sittingId);
    const out: AttendanceEvent[] = [];
    for (const [i, delegationId] of data.delegationIds.entries()) {
      out.push(await recordTx(ctx, tx, { sittingId: sitting.id, delegationId, at: sitting.startsAt }, 'arrival', `delegationIds.${i}`, `delegationIds.${i}`));
    }
    return out;
  });
}

/** Remove an event entered by mistake, if the delegation's timeline stays valid without it. */
export async function removeAttendanceEvent(ctx: CoreContext, input: unknown): Promise<void> {
  const { id } = validate(attendanceEventIdSchema, input);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.selectFrom('attendanceEvent').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('id', 'attendance event', id);
    await assertSessionWritable(tx, row.sessionId, 'id');
    const rest = (await timelineOf(tx, row.sittingId, row.delegationId)).filter((e) => e.id !== id);
    const problem = timelineProblem(rest);
    if (problem) throw new ConflictError('id', `id: removing it would break the recorded attendance (${problem.reason.replace(/_/g, ' ')})`, 'attendance_timeline');
    await tx.deleteFrom('attendanceEvent').where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'attendance.remove', entity: 'attendanceEvent', entityId: id, sessionId: row.sessionId, before: toEvent(row) });
  });
}

export async function listAttendance(ctx: CoreContext, input: unknown): Promise<AttendanceEvent[]> {
  const data = validate(listAttendanceSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSitting(tx, data.sittingId);
    let q = tx.selectFrom('attendanceEvent').selectAll().where('sittingId', '=', data.sittingId);
    if (data.delegationId) q = q.where('delegationId', '=', data.delegationId);
    return (await q.orderBy('at').orderBy('delegationId').execute()).map(toEvent);
  });
}

/** Delegations present in a sitting at an instant, inside the caller's transaction. */
export async function presentAtTx(tx: Tx, sittingId: string, at: string): Promise<string[]> {
  const events = await tx
    .selectFrom('attendanceEvent')
    .select(['delegationId', 'kind', 'at'])
    .where('sittingId', '=', sittingId)
    .where('at', '<=', at)
    .execute();
  return presentAt(events, at);
}

export async function presentAtSitting(ctx: CoreContext, input: unknown): Promise<Presence> {
  const data = validate(presentAtSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSitting(tx, data.sittingId);
    return { sittingId: data.sittingId, at: data.at, delegationIds: await presentAtTx(tx, data.sittingId, data.at) };
  });
}
