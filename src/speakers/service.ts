// The speakers' list of an agenda item: requests for the floor kept in order, moved, removed or put first
// (the chair gives the floor out of order, a point of order jumps the queue), the floor given (with the
// speaking time the settings give that kind of speaker) and taken back. Each action is its own
// transaction with its audit entry, refused on a locked session; the hall display is signalled after
// the commit (src/room/events.ts).
import { sql } from 'kysely';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError, codedValidationError, codedConflictError } from '../errors';
import { validate } from '../errors/validate';
import { requireAgendaItem } from '../agenda/service';
import { signalRoom } from '../room/events';
import { assertSessionWritable } from '../sessions/guard';
import { readOrganisationSettings } from '../settings/service';
import { addSpeakerSchema, giveFloorSchema, listSpeakersSchema, moveSpeakerSchema, speakerIdSchema, type SpeakerListKind } from './schema';
import type { SpeakerEntry, SpeakersList } from './types';

type SpeakerRow = Row<'speaker'>;

/** Which delegation kind each kind of speaker must (or must not) name. */
const delegationKind: Record<SpeakerListKind, Row<'delegation'>['kind'] | null> = {
  delegation: 'member',
  observer: 'observer',
  secretariat: null,
  director_general: null,
};

async function requireSpeaker(tx: Tx, id: string): Promise<SpeakerRow> {
  const row = await tx.selectFrom('speaker').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('id', 'speaker', id);
  return row;
}

async function itemRows(tx: Tx, agendaItemId: string): Promise<SpeakerRow[]> {
  return tx.selectFrom('speaker').selectAll().where('agendaItemId', '=', agendaItemId).orderBy(sql`rowid`).execute();
}

/** The item's list as views, names from its delegations. */
export async function speakersListTx(tx: Tx, agendaItemId: string): Promise<SpeakersList> {
  const rows = await itemRows(tx, agendaItemId);
  const ids = [...new Set(rows.map((r) => r.delegationId).filter((x): x is string => x !== null))];
  const delegations = ids.length ? await tx.selectFrom('delegation').select(['id', 'nameAr', 'nameEn', 'nameFr']).where('id', 'in', ids).execute() : [];
  const names = new Map(delegations.map((d) => [d.id, { ar: d.nameAr, en: d.nameEn, fr: d.nameFr }]));
  const view = (r: SpeakerRow): SpeakerEntry => ({
    id: r.id,
    sessionId: r.sessionId,
    agendaItemId: r.agendaItemId,
    kind: r.kind,
    delegationId: r.delegationId,
    label: (r.delegationId && names.get(r.delegationId)) || { ar: '', en: '', fr: '' },
    name: r.name,
    position: r.status === 'waiting' ? r.position : 0,
    round: r.round,
    pointOfOrder: r.pointOfOrder === 1,
    status: r.status,
    requestedAt: r.requestedAt,
    sittingId: r.sittingId,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    limitSeconds: r.limitSeconds,
  });
  const spoken = rows.filter((r) => r.status === 'spoken').sort(byFloorGiven).map(view);
  const speaking = rows.find((r) => r.status === 'speaking');
  const waiting = rows.filter((r) => r.status === 'waiting').sort((a, b) => a.position - b.position).map(view);
  return { agendaItemId, spoken, speaking: speaking ? view(speaking) : null, waiting };
}

/** The order the floor was given: its instant, then the order the rows were written (same instant). */
export function byFloorGiven(a: { startedAt: string | null }, b: { startedAt: string | null }): number {
  return (a.startedAt ?? '').localeCompare(b.startedAt ?? '');
}

/** Rewrite the waiting queue's places 1..n in the given order (only rows whose place changed). */
async function writeQueue(tx: Tx, order: SpeakerRow[]): Promise<void> {
  for (const [i, r] of order.entries()) {
    if (r.position !== i + 1) await tx.updateTable('speaker').set({ position: i + 1 }).where('id', '=', r.id).execute();
  }
}

async function waitingOf(tx: Tx, agendaItemId: string): Promise<SpeakerRow[]> {
  return (await itemRows(tx, agendaItemId)).filter((r) => r.status === 'waiting').sort((a, b) => a.position - b.position);
}

const sameSpeaker = (a: { kind: string; delegationId: string | null }, b: { kind: string; delegationId: string | null }) =>
  a.kind === b.kind && a.delegationId === b.delegationId;

/** Run one action on the list: its own transaction, then the room is told. */
async function act<T>(ctx: CoreContext, reason: string, fn: (tx: Tx) => Promise<{ sessionId: string; result: T }>): Promise<T> {
  const { sessionId, result } = await inTransaction(ctx, fn);
  signalRoom({ sessionId, reason });
  return result;
}

export async function addSpeaker(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const data = validate(addSpeakerSchema, input);
  return act(ctx, 'speakers.add', async (tx) => {
    const item = await requireAgendaItem(tx, data.agendaItemId, 'agendaItemId');
    await assertSessionWritable(tx, item.sessionId);
    const wanted = delegationKind[data.kind];
    if (wanted && data.delegationId === null) throw new ValidationError('delegationId', `a speaker of kind ${data.kind} needs a delegation`, 'speaker_needs_delegation');
    if (!wanted && data.delegationId !== null) throw new ValidationError('delegationId', `a speaker of kind ${data.kind} speaks for no delegation`, 'speaker_without_delegation');
    if (data.delegationId !== null) {
      const d = await tx.selectFrom('delegation').selectAll().where('id', '=', data.delegationId).executeTakeFirst();
      if (!d) throw new NotFoundError('delegationId', 'delegation', data.delegationId);
      if (d.sessionId !== item.sessionId) throw codedValidationError('delegationId', 'other_session', 'the delegation belongs to another session');
      if (d.kind !== wanted) throw new ValidationError('delegationId', `a ${d.kind} delegation cannot ask for the floor as ${data.kind}`, 'speaker_wrong_kind');
    }
    const rows = await itemRows(tx, item.id);
    const me = { kind: data.kind, delegationId: data.delegationId };
    if (rows.some((r) => r.status === 'waiting' && sameSpeaker(r, me))) {
      throw codedConflictError('delegationId', 'speaker_already_waiting', 'this speaker is already waiting for the floor on this item');
    }
    // A speaker who has already had the floor on this item asks again: the next round.
    const round = Math.min(9, 1 + rows.filter((r) => r.status !== 'waiting' && sameSpeaker(r, me)).length);
    const waiting = rows.filter((r) => r.status === 'waiting').sort((a, b) => a.position - b.position);
    const row: SpeakerRow = {
      id: newId(),
      sessionId: item.sessionId,
      agendaItemId: item.id,
      kind: data.kind,
      delegationId: data.delegationId,
      name: data.name,
      position: data.pointOfOrder ? 1 : waiting.length + 1,
      round,
      pointOfOrder: data.pointOfOrder ? 1 : 0,
      status: 'waiting',
      requestedAt: nowIso(ctx),
      sittingId: null,
      startedAt: null,
      endedAt: null,
      limitSeconds: null,
    };
    // A point of order goes to the head of the queue; the others move down one place.
    if (data.pointOfOrder) for (const [i, r] of waiting.entries()) await tx.updateTable('speaker').set({ position: i + 2 }).where('id', '=', r.id).execute();
    await tx.insertInto('speaker').values(row).execute();
    await recordAudit(ctx, tx, { action: 'speaker.add', entity: 'speaker', entityId: row.id, sessionId: row.sessionId, after: row });
    return { sessionId: item.sessionId, result: await speakersListTx(tx, item.id) };
  });
}

/** Move a waiting speaker to a place in the queue (past the end = last). */
export async function moveSpeaker(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const data = validate(moveSpeakerSchema, input);
  return act(ctx, 'speakers.move', async (tx) => {
    const before = await requireSpeaker(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    if (before.status !== 'waiting') throw new ValidationError('id', 'only a speaker still waiting can be moved', 'speaker_not_waiting');
    const others = (await waitingOf(tx, before.agendaItemId)).filter((r) => r.id !== before.id);
    const at = Math.min(data.position, others.length + 1) - 1;
    await writeQueue(tx, [...others.slice(0, at), before, ...others.slice(at)]);
    await recordAudit(ctx, tx, {
      action: 'speaker.move', entity: 'speaker', entityId: before.id, sessionId: before.sessionId,
      before: { position: before.position }, after: { position: at + 1 },
    });
    return { sessionId: before.sessionId, result: await speakersListTx(tx, before.agendaItemId) };
  });
}

/** The chair gives the floor out of order: this speaker goes first. */
export async function putSpeakerFirst(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const { id } = validate(speakerIdSchema, input);
  return moveSpeaker(ctx, { id, position: 1 });
}

/** Remove a request (a delegation withdraws it, or it was entered by mistake). */
export async function removeSpeaker(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const { id } = validate(speakerIdSchema, input);
  return act(ctx, 'speakers.remove', async (tx) => {
    const before = await requireSpeaker(tx, id);
    await assertSessionWritable(tx, before.sessionId);
    if (before.status === 'speaking') throw codedValidationError('id', 'speaker_holds_floor', 'end the turn before removing the speaker');
    await tx.deleteFrom('speaker').where('id', '=', id).execute();
    await writeQueue(tx, await waitingOf(tx, before.agendaItemId));
    await recordAudit(ctx, tx, { action: 'speaker.remove', entity: 'speaker', entityId: id, sessionId: before.sessionId, before });
    return { sessionId: before.sessionId, result: await speakersListTx(tx, before.agendaItemId) };
  });
}

/** End whoever holds the floor in the session (inside the caller's transaction); returns them. */
async function endCurrent(ctx: CoreContext, tx: Tx, sessionId: string): Promise<SpeakerRow | null> {
  const current = await tx.selectFrom('speaker').selectAll().where('sessionId', '=', sessionId).where('status', '=', 'speaking').executeTakeFirst();
  if (!current) return null;
  const after: SpeakerRow = { ...current, status: 'spoken', endedAt: nowIso(ctx) };
  await tx.updateTable('speaker').set({ status: 'spoken', endedAt: after.endedAt }).where('id', '=', current.id).execute();
  await recordAudit(ctx, tx, { action: 'speaker.endTurn', entity: 'speaker', entityId: current.id, sessionId, before: current, after });
  return after;
}

/** Give the floor (the named speaker, or the next one waiting on the item); starts the timer. */
export async function giveFloor(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const data = validate(giveFloorSchema, input);
  return act(ctx, 'speakers.giveFloor', async (tx) => {
    let row: SpeakerRow;
    if (data.id !== undefined) row = await requireSpeaker(tx, data.id);
    else {
      const item = await requireAgendaItem(tx, data.agendaItemId!, 'agendaItemId');
      const next = (await waitingOf(tx, item.id))[0];
      if (!next) throw codedValidationError('agendaItemId', 'nobody_waiting', 'nobody is waiting for the floor on this item');
      row = next;
    }
    await assertSessionWritable(tx, row.sessionId);
    if (row.status !== 'waiting') throw new ValidationError('id', 'this speaker is not waiting for the floor', 'speaker_not_waiting');
    let sittingId = data.sittingId;
    if (sittingId !== null) {
      const sitting = await tx.selectFrom('sitting').select(['id', 'sessionId']).where('id', '=', sittingId).executeTakeFirst();
      if (!sitting) throw new NotFoundError('sittingId', 'sitting', sittingId);
      if (sitting.sessionId !== row.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
    } else {
      // The sitting under way: the latest one not ended (none when every sitting has ended).
      const open = await tx.selectFrom('sitting').select('id').where('sessionId', '=', row.sessionId).where('endsAt', 'is', null).orderBy('number', 'desc').executeTakeFirst();
      sittingId = open?.id ?? null;
    }
    await endCurrent(ctx, tx, row.sessionId);
    const settings = await readOrganisationSettings(tx);
    const after: SpeakerRow = { ...row, status: 'speaking', startedAt: nowIso(ctx), sittingId, limitSeconds: settings.speakingTimeSeconds[row.kind] };
    await tx
      .updateTable('speaker')
      .set({ status: 'speaking', startedAt: after.startedAt, sittingId, limitSeconds: after.limitSeconds })
      .where('id', '=', row.id)
      .execute();
    await writeQueue(tx, await waitingOf(tx, row.agendaItemId));
    await recordAudit(ctx, tx, { action: 'speaker.giveFloor', entity: 'speaker', entityId: row.id, sessionId: row.sessionId, before: row, after });
    return { sessionId: row.sessionId, result: await speakersListTx(tx, row.agendaItemId) };
  });
}

/** The turn ends: the speaker has spoken. Returns them, so the UI opens the note of the intervention. */
export async function endTurn(ctx: CoreContext, input: unknown): Promise<SpeakerEntry> {
  const { id } = validate(speakerIdSchema, input);
  return act(ctx, 'speakers.endTurn', async (tx) => {
    const row = await requireSpeaker(tx, id);
    await assertSessionWritable(tx, row.sessionId);
    if (row.status !== 'speaking') throw new ValidationError('id', 'this speaker does not hold the floor', 'speaker_not_speaking');
    await endCurrent(ctx, tx, row.sessionId);
    const list = await speakersListTx(tx, row.agendaItemId);
    return { sessionId: row.sessionId, result: list.spoken.find((s) => s.id === id)! };
  });
}

export async function listSpeakers(ctx: CoreContext, input: unknown): Promise<SpeakersList> {
  const { agendaItemId } = validate(listSpeakersSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireAgendaItem(tx, agendaItemId, 'agendaItemId');
    return speakersListTx(tx, agendaItemId);
  });
}
