import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { addNote, deleteNote, editNote, listNotes } from '../../src/notes/service';
import { LockedSessionError, NotFoundError, ValidationError } from '../../src/errors';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let itemId: string;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3 });
  itemId = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'تقرير المدير العام' } })).id;
});
afterEach(async () => t.cleanup());

const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);

describe('notes and interventions', () => {
  it('adds time-stamped interventions and lists them by item in time order', async () => {
    t.setNow('2026-11-10T09:05:00.000Z');
    const late = await addNote(t.ctx, {
      agendaItemId: itemId,
      speakerKind: 'delegation',
      speakerDelegationId: s.delegationIds[0],
      speakerName: 'رئيس الوفد',
      text: 'أشاد الوفد بالتقرير.',
    });
    expect(late).toMatchObject({ at: '2026-11-10T09:05:00.000Z', language: 'ar', sessionId: s.sessionId });
    await addNote(t.ctx, { agendaItemId: itemId, at: '2026-11-10T08:30:00Z', speakerKind: 'secretariat', text: 'Presented the report.', language: 'en' });
    await addNote(t.ctx, {
      agendaItemId: itemId,
      at: '2026-11-10T08:45:00Z',
      speakerKind: 'observer',
      speakerDelegationId: s.observerDelegationId,
      text: 'Observation de la Ligue.',
      language: 'fr',
    });
    await addNote(t.ctx, { agendaItemId: itemId, at: '2026-11-10T08:40:00Z', speakerKind: 'chair', speakerDelegationId: s.delegationIds[1], text: 'الكلمة للمراقب.' });
    const list = await listNotes(t.ctx, { agendaItemId: itemId });
    expect(list.map((n) => n.speakerKind)).toEqual(['secretariat', 'chair', 'observer', 'delegation']);
  });

  it('edits and deletes, with audit entries', async () => {
    const n = await addNote(t.ctx, { agendaItemId: itemId, speakerKind: 'chair', text: 'نص' });
    const e = await editNote(t.ctx, { id: n.id, text: 'نص مصحح', at: '2026-11-10T08:10:00Z' });
    expect(e).toMatchObject({ text: 'نص مصحح', at: '2026-11-10T08:10:00.000Z' });
    // Changing the kind to 'delegation' needs a delegation: checked on the whole, edited note.
    await expectRefused(editNote(t.ctx, { id: n.id, speakerKind: 'delegation' }), ValidationError, 'speakerDelegationId');
    await deleteNote(t.ctx, { id: n.id });
    expect(await listNotes(t.ctx, { agendaItemId: itemId })).toEqual([]);
    const actions = t.sqlite.prepare(`select action from audit_entry where entity = 'note' order by id`).all();
    expect(actions).toEqual([{ action: 'note.add' }, { action: 'note.edit' }, { action: 'note.delete' }]);
  });

  it('refuses a speaker without the delegation their kind needs, of the wrong kind, or of another session', async () => {
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    const base = { agendaItemId: itemId, text: 'نص' };
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'delegation' }), ValidationError, 'speakerDelegationId');
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'observer' }), ValidationError, 'speakerDelegationId');
    await expectRefused(
      addNote(t.ctx, { ...base, speakerKind: 'delegation', speakerDelegationId: s.observerDelegationId }),
      ValidationError,
      'speakerDelegationId',
    );
    await expectRefused(
      addNote(t.ctx, { ...base, speakerKind: 'delegation', speakerDelegationId: other.delegationIds[0] }),
      ValidationError,
      'speakerDelegationId',
    );
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'delegation', speakerDelegationId: 'nope' }), NotFoundError, 'speakerDelegationId');
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'chair', text: '  ' }), ValidationError, 'text');
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'orator' }), ValidationError, 'speakerKind');
    await expectRefused(addNote(t.ctx, { ...base, speakerKind: 'chair', language: 'de' }), ValidationError, 'language');
    await expectRefused(addNote(t.ctx, { ...base, agendaItemId: 'nope', speakerKind: 'chair' }), NotFoundError, 'agendaItemId');
    await expectRefused(editNote(t.ctx, { id: 'nope', text: 'x' }), NotFoundError, 'id');
  });

  it('refuses writing to a locked session', async () => {
    const n = await addNote(t.ctx, { agendaItemId: itemId, speakerKind: 'chair', text: 'نص' });
    t.sqlite.prepare('update council_session set locked_at = ? where id = ?').run('2026-11-12T10:00:00.000Z', s.sessionId);
    await expectRefused(addNote(t.ctx, { agendaItemId: itemId, speakerKind: 'chair', text: 'نص' }), LockedSessionError, 'sessionId');
    await expectRefused(deleteNote(t.ctx, { id: n.id }), LockedSessionError, 'sessionId');
  });
});
