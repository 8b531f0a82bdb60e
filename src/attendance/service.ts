// Attendance: arrivals and departures of delegations, time-stamped, per sitting. Who is present at any
// instant is derived from these events (presence.ts); every write keeps each delegation's timeline valid.
import { CompiledQuery } from 'kysely';
import { INSERT_AUDIT, actorFromOrganisation, auditParams, inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import { directTransaction, type Direct } from '../database/direct';
import type { Row } from '../database/schema';
import { ConflictError, LockedSessionError, NotFoundError, ValidationError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable } from '../sessions/guard';
import { requireSitting } from '../sittings/service';
import { presentAt, timelineProblem, type AttendanceKind } from './presence';
import { attendanceEventIdSchema, listAttendanceSchema, parseRecordAttendance, presentAtSchema, presentFromOpeningSchema } from './schema';
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

// What an arrival or a departure reads besides the timeline, in one statement: the sitting, its session's
// lock and the delegation's session (what requireSitting, assertSessionWritable and requireDelegation read,
// with their errors in plan()), and the organisation setting for the audit's actor. Scalar subqueries, not
// joins: on this schema SQLite runs the joined form about eight times slower (29 µs against 3.6 µs per call,
// measured inside a transaction). Then the delegation's timeline in that sitting, kind and instant only
// (index of migration 0016), judged in JavaScript: cheaper than asking SQLite whether the stored timeline is
// regular (a window over the same rows).
export const SELECT_REFERENCES = `select s.id, s.session_id, s.number, s.starts_at, s.ends_at, s.created_at,
  (select id from council_session where id = s.session_id) as found_session_id,
  (select locked_at from council_session where id = s.session_id) as session_locked_at,
  (select id from delegation where id = ?) as found_delegation_id,
  (select session_id from delegation where id = ?) as delegation_session_id,
  (select value_json from setting where key = 'organisation') as organisation_json
  from sitting s where s.id = ?`;
export const SELECT_TIMELINE_KINDS = 'select kind, at from attendance_event where sitting_id = ? and delegation_id = ? order by at';

interface References extends Row<'sitting'> {
  foundSessionId: string | null;
  sessionLockedAt: string | null;
  foundDelegationId: string | null;
  delegationSessionId: string | null;
  organisationJson: string | null;
}

async function timelineOf(tx: Tx, sittingId: string, delegationId: string): Promise<Row<'attendanceEvent'>[]> {
  return (await tx.executeQuery<Row<'attendanceEvent'>>(CompiledQuery.raw(SELECT_TIMELINE, [sittingId, delegationId]))).rows;
}

async function record(ctx: CoreContext, input: unknown, kind: AttendanceKind): Promise<AttendanceEvent> {
  const data = parseRecordAttendance(input);
  // On the app's connection the statements run directly (database/direct.ts); the same plan either way.
  const direct = await directTransaction(ctx.db, (q) => recordDirect(ctx, q, data, kind));
  return direct ? direct.value : inTransaction(ctx, (tx) => recordTx(ctx, tx, data, kind));
}

type RecordInput = { sittingId: string; delegationId: string; at: string };
type Plan = { row: Row<'attendanceEvent'>; view: AttendanceEvent; audit: unknown[] };
const referenceParams = (data: RecordInput) => [data.delegationId, data.delegationId, data.sittingId];
const timelineParams = (data: RecordInput) => [data.sittingId, data.delegationId];
type Timeline = readonly Pick<Row<'attendanceEvent'>, 'kind' | 'at'>[];

/**
 * Every check of an arrival or a departure, on what the two reads returned, in the order the reference
 * checks and the rule ran before; then the row and its audit entry. Pure: the two paths below run the
 * statements.
 */
function plan(
  ctx: CoreContext,
  refs: References | undefined,
  data: RecordInput,
  kind: AttendanceKind,
  timeline: Timeline,
  field: string,
  delegationField: string,
): Plan {
  if (!refs) throw new NotFoundError('sittingId', 'sitting', data.sittingId);
  if (refs.foundSessionId === null) throw new NotFoundError('sittingId', 'session', refs.sessionId);
  if (refs.sessionLockedAt) throw new LockedSessionError(refs.sessionId, 'sittingId');
  if (refs.foundDelegationId === null || refs.delegationSessionId === null) throw new NotFoundError(delegationField, 'delegation', data.delegationId);
  const sitting: Row<'sitting'> = { id: refs.id, sessionId: refs.sessionId, number: refs.number, startsAt: refs.startsAt, endsAt: refs.endsAt, createdAt: refs.createdAt };
  if (refs.delegationSessionId !== sitting.sessionId) {
    throw codedValidationError(delegationField, 'other_session', `${delegationField}: the delegation belongs to another session`);
  }
  assertWithinSitting(sitting, data.at, field);
  assertNotInFuture(ctx, data.at, field);

  const refusal = timelineRefusal(timeline, kind, data.at, field);
  if (refusal) throw refusal;

  const row: Row<'attendanceEvent'> = {
    id: newId(),
    sessionId: sitting.sessionId,
    sittingId: sitting.id,
    delegationId: data.delegationId,
    kind,
    at: data.at,
    recordedAt: nowIso(ctx),
  };
  const view = toEvent(row);
  const actor = actorFromOrganisation(ctx, refs.organisationJson);
  return { row, view, audit: auditParams(ctx, { action: `attendance.${kind}`, entity: 'attendanceEvent', entityId: row.id, sessionId: row.sessionId, after: view, actor }) };
}

const insertParams = (row: Row<'attendanceEvent'>) => [row.id, row.sessionId, row.sittingId, row.delegationId, row.kind, row.at, row.recordedAt];

/** The reference row as SQLite names its columns, in the names kysely's camel-case plugin gives them. */
function camelRow(r: Record<string, string | number | null> | undefined): References | undefined {
  if (!r) return undefined;
  return {
    id: r.id as string, sessionId: r.session_id as string, number: r.number as number, startsAt: r.starts_at as string, endsAt: r.ends_at as string | null,
    createdAt: r.created_at as string, foundSessionId: r.found_session_id as string | null, sessionLockedAt: r.session_locked_at as string | null,
    foundDelegationId: r.found_delegation_id as string | null, delegationSessionId: r.delegation_session_id as string | null,
    organisationJson: r.organisation_json as string | null,
  };
}

function recordDirect(ctx: CoreContext, q: Direct, data: RecordInput, kind: AttendanceKind): AttendanceEvent {
  const refs = camelRow(q.get(SELECT_REFERENCES, referenceParams(data)));
  const p = plan(ctx, refs, data, kind, q.all(SELECT_TIMELINE_KINDS, timelineParams(data)), 'at', 'delegationId');
  q.run(INSERT_EVENT, insertParams(p.row));
  q.run(INSERT_AUDIT, p.audit);
  return p.view;
}

/** What the whole timeline says of an event at `at` (the rule's errors), or null when it may be recorded. */
function timelineRefusal(existing: Timeline, kind: AttendanceKind, at: string, field: string): Error | null {
  if (existing.some((e) => e.at === at)) return new ConflictError(field, `${field}: an event is already recorded at ${at}`, 'attendance_same_time', { at });
  const before = existing.filter((e) => e.at < at);
  return presenceRefusal(before.length > 0 ? before[before.length - 1]!.kind : null, kind, at, field) ?? brokenTimeline([...existing, { kind, at }], kind, at, field);
}

function presenceRefusal(lastKind: AttendanceKind | null, kind: AttendanceKind, at: string, field: string): Error | null {
  const present = lastKind === 'arrival';
  if (kind === 'arrival' && present) return new ConflictError(field, `${field}: the delegation is already present at ${at}`, 'already_present', { at });
  if (kind === 'departure' && !present) return new ValidationError(field, `${field}: the delegation is not present at ${at}`, 'delegation_not_present', { at });
  return null;
}

// An event inserted in the past must not break what follows it (e.g. an arrival before a later arrival).
function brokenTimeline(events: readonly Pick<Row<'attendanceEvent'>, 'kind' | 'at'>[], kind: AttendanceKind, at: string, field: string): Error | null {
  const problem = timelineProblem(events);
  if (!problem) return null;
  const message = `${field}: an event at ${at} would break the recorded attendance (${problem.reason.replace(/_/g, ' ')})`;
  return kind === 'arrival' ? new ConflictError(field, message, 'attendance_timeline', { at }) : new ValidationError(field, message, 'attendance_timeline', { at });
}

async function recordTx(
  ctx: CoreContext,
  tx: Tx,
  data: RecordInput,
  kind: AttendanceKind,
  field = 'at',
  delegationField = 'delegationId',
): Promise<AttendanceEvent> {
  const refs = (await tx.executeQuery<References>(CompiledQuery.raw(SELECT_REFERENCES, referenceParams(data)))).rows[0];
  const timeline = (await tx.executeQuery<Timeline[number]>(CompiledQuery.raw(SELECT_TIMELINE_KINDS, timelineParams(data)))).rows;
  const p = plan(ctx, refs, data, kind, timeline, field, delegationField);
  await tx.executeQuery(CompiledQuery.raw(INSERT_EVENT, insertParams(p.row)));
  await tx.executeQuery(CompiledQuery.raw(INSERT_AUDIT, p.audit));
  return p.view;
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
