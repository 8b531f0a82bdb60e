// Adoption of the agenda: at which sitting, when, and whether as proposed or as amended. One per session;
// recording it again replaces it (a correction), with the audit trail keeping the earlier value.
import { inTransaction, recordAudit, type CoreContext } from '../core/context';
import type { Row } from '../database/schema';
import { NotFoundError, codedValidationError } from '../errors';
import { validate } from '../errors/validate';
import { assertSessionWritable, requireSession } from '../sessions/guard';
import { recordAgendaAdoptionSchema, sessionAgendaSchema } from './schema';
import type { AgendaAdoption } from './types';

function toView(row: Row<'agendaAdoption'>): AgendaAdoption {
  return { sessionId: row.sessionId, sittingId: row.sittingId, adoptedAt: row.adoptedAt, asAmended: row.asAmended === 1, note: row.note };
}

export async function recordAgendaAdoption(ctx: CoreContext, input: unknown): Promise<AgendaAdoption> {
  const data = validate(recordAgendaAdoptionSchema, input);
  return inTransaction(ctx, async (tx) => {
    await assertSessionWritable(tx, data.sessionId);
    const sitting = await tx.selectFrom('sitting').selectAll().where('id', '=', data.sittingId).executeTakeFirst();
    if (!sitting) throw new NotFoundError('sittingId', 'sitting', data.sittingId);
    if (sitting.sessionId !== data.sessionId) throw codedValidationError('sittingId', 'other_session', 'the sitting belongs to another session');
    if (data.adoptedAt < sitting.startsAt || (sitting.endsAt !== null && data.adoptedAt > sitting.endsAt)) {
      throw codedValidationError('adoptedAt', 'adoption_outside_sitting', 'the time of adoption is outside the sitting');
    }
    const before = await tx.selectFrom('agendaAdoption').selectAll().where('sessionId', '=', data.sessionId).executeTakeFirst();
    const row: Row<'agendaAdoption'> = {
      sessionId: data.sessionId,
      sittingId: data.sittingId,
      adoptedAt: data.adoptedAt,
      asAmended: data.asAmended ? 1 : 0,
      note: data.note,
      // Translations (migration 0018) stay while the note stays; the upsert below never writes them.
      noteEn: before?.note === data.note ? before.noteEn : '',
      noteFr: before?.note === data.note ? before.noteFr : '',
    };
    await tx
      .insertInto('agendaAdoption')
      .values(row)
      .onConflict((oc) => oc.column('sessionId').doUpdateSet({ sittingId: row.sittingId, adoptedAt: row.adoptedAt, asAmended: row.asAmended, note: row.note, noteEn: row.noteEn, noteFr: row.noteFr }))
      .execute();
    await recordAudit(ctx, tx, {
      action: 'agenda.adopt',
      entity: 'agendaAdoption',
      entityId: data.sessionId,
      sessionId: data.sessionId,
      before: before ?? undefined,
      after: row,
    });
    return toView(row);
  });
}

export async function getAgendaAdoption(ctx: CoreContext, input: unknown): Promise<AgendaAdoption | null> {
  const { sessionId } = validate(sessionAgendaSchema, input);
  return inTransaction(ctx, async (tx) => {
    await requireSession(tx, sessionId);
    const row = await tx.selectFrom('agendaAdoption').selectAll().where('sessionId', '=', sessionId).executeTakeFirst();
    return row ? toView(row) : null;
  });
}
