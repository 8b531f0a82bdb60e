// Notes and interventions: per agenda item, each saved at once in its own transaction.
import { sql } from 'kysely';
import { inTransaction, newId, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, ValidationError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { requireAgendaItem } from '../agenda/service';
import { speakerProblem } from '../rules/invariants/speakers';
import { assertSessionWritable } from '../sessions/guard';
import { addNoteSchema, editNoteSchema, listNotesSchema, noteIdSchema } from './schema';
import type { Note, SpeakerKind } from './types';

async function checkSpeaker(tx: Tx, sessionId: string, kind: SpeakerKind, delegationId: string | null): Promise<void> {
  // The same rule the record invariants apply to imported notes (rules/invariants/speakers.ts).
  if (delegationId === null) {
    const problem = speakerProblem(kind, null);
    if (problem) throw new ValidationError('speakerDelegationId', problem, 'speaker_needs_delegation');
    return;
  }
  const delegation = await tx.selectFrom('delegation').selectAll().where('id', '=', delegationId).executeTakeFirst();
  if (!delegation) throw new NotFoundError('speakerDelegationId', 'delegation', delegationId);
  if (delegation.sessionId !== sessionId) {
    throw codedValidationError('speakerDelegationId', 'other_session', 'the delegation belongs to another session');
  }
  const problem = speakerProblem(kind, delegation.kind);
  if (problem) throw new ValidationError('speakerDelegationId', problem, 'speaker_wrong_kind');
}

function toView(row: Row<'note'>): Note {
  return { ...row };
}

async function requireNote(tx: Tx, id: string): Promise<Row<'note'>> {
  const row = await tx.selectFrom('note').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('id', 'note', id);
  return row;
}

export async function addNote(ctx: CoreContext, input: unknown): Promise<Note> {
  const data = validate(addNoteSchema, input);
  return inTransaction(ctx, async (tx) => {
    const item = await requireAgendaItem(tx, data.agendaItemId, 'agendaItemId');
    await assertSessionWritable(tx, item.sessionId);
    await checkSpeaker(tx, item.sessionId, data.speakerKind, data.speakerDelegationId);
    const row: Row<'note'> = {
      id: newId(),
      sessionId: item.sessionId,
      agendaItemId: item.id,
      at: data.at ?? nowIso(ctx),
      speakerKind: data.speakerKind,
      speakerDelegationId: data.speakerDelegationId,
      speakerName: data.speakerName,
      text: data.text,
      textEn: '',
      textFr: '',
      language: data.language,
    };
    await tx.insertInto('note').values(row).execute();
    await recordAudit(ctx, tx, { action: 'note.add', entity: 'note', entityId: row.id, sessionId: row.sessionId, after: row });
    return toView(row);
  });
}

export async function editNote(ctx: CoreContext, input: unknown): Promise<Note> {
  const data = validate(editNoteSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await requireNote(tx, data.id);
    await assertSessionWritable(tx, before.sessionId);
    const after: Row<'note'> = {
      ...before,
      ...(data.at !== undefined && { at: data.at }),
      ...(data.speakerKind !== undefined && { speakerKind: data.speakerKind }),
      ...(data.speakerDelegationId !== undefined && { speakerDelegationId: data.speakerDelegationId }),
      ...(data.speakerName !== undefined && { speakerName: data.speakerName }),
      ...(data.text !== undefined && { text: data.text }),
      ...(data.language !== undefined && { language: data.language }),
    };
    // The speaker is checked as a whole: changing the kind may need (or forbid) another delegation.
    await checkSpeaker(tx, after.sessionId, after.speakerKind, after.speakerDelegationId);
    const { id, ...fields } = after;
    await tx.updateTable('note').set(fields).where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'note.edit', entity: 'note', entityId: id, sessionId: after.sessionId, before, after });
    return toView(after);
  });
}

export async function deleteNote(ctx: CoreContext, input: unknown): Promise<void> {
  const { id } = validate(noteIdSchema, input);
  await inTransaction(ctx, async (tx) => {
    const before = await requireNote(tx, id);
    await assertSessionWritable(tx, before.sessionId);
    await tx.deleteFrom('note').where('id', '=', id).execute();
    await recordAudit(ctx, tx, { action: 'note.delete', entity: 'note', entityId: id, sessionId: before.sessionId, before });
  });
}

/** The item's notes in time order; notes at the same instant in the order they were entered (rowid). */
export async function listNotes(ctx: CoreContext, input: unknown): Promise<Note[]> {
  const { agendaItemId } = validate(listNotesSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireAgendaItem(tx, agendaItemId, 'agendaItemId');
    const rows = await tx
      .selectFrom('note')
      .selectAll()
      .where('agendaItemId', '=', agendaItemId)
      .orderBy('at')
      .orderBy(sql`rowid`)
      .execute();
    return rows.map(toView);
  });
}
