// Property: whatever a secretary types (Arabic, markup-like characters, bidi marks, line breaks, \r, tabs,
// astral characters), exported as XLIFF and read back, is the same string, and a translation equal to it
// imports exactly. Also: set/lock/audit of one translation.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTranslation } from '../../src/translations/service';
import { exportXliff, importXliff } from '../../src/translations/xliff';
import { readXliff } from '../../src/translations/xliff-format';
import { textProblem } from '../../src/rules/text';
import { isXmlChar } from '../../src/translations/xml';
import type { TempDb } from '../helpers/temp-db';
import { sampleDb } from '../minutes/sample';
import { resolveSession } from '../../src/minutes/load-record';
import { translateXliff } from './translator';

let db: TempDb;
let sessionId: string;
let reservationId: string;
beforeAll(async () => {
  db = await sampleDb();
  sessionId = await resolveSession(db.db, 'ordinary:66');
  reservationId = (await db.db.selectFrom('reservation').select('id').where('sessionId', '=', sessionId).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => db.cleanup());

const pieces = ['يتحفظ', ' وفد ', 'الجزائر', '<b>', '</b>', '&', '&amp;', '<', '>', '"', "'", ']]>', '<!--', '{0}', '%s', '\u200f', '\u200e', '\u202b', '\u202c', '\u2067', '\u2069', '\u061c', '\n', '\r\n', '\r', '\t', '  ', '٣٤', '😀', 'é', '\u00a0'];
const typed = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 20 })
  .map((a) => a.join(''))
  .filter((s) => s.trim().length > 0 && textProblem(s) === null && [...s].every((c) => isXmlChar(c.codePointAt(0)!)));

describe('XLIFF import, property', () => {
  it('random texts round-trip exactly: source in the file, and the translation imported', async () => {
    await fc.assert(
      fc.asyncProperty(typed, typed, async (original, translation) => {
        await db.db.updateTable('reservation').set({ text: original, textEn: '' }).where('id', '=', reservationId).execute();
        const { xliff } = await exportXliff(db.ctx, { sessionId, language: 'en' });
        const unit = readXliff(xliff).units.find((u) => u.unitId === `reservation.text:${reservationId}`)!;
        expect(unit.source).toBe(original);
        // The same text as its own translation keeps every token: it imports exactly as typed.
        const back = translateXliff(xliff, (src, id) => (id === `reservation.text:${reservationId}` ? src : ''));
        await importXliff(db.ctx, { sessionId, xliff: back });
        const row = await db.db.selectFrom('reservation').select('textEn').where('id', '=', reservationId).executeTakeFirstOrThrow();
        expect(row.textEn).toBe(original);
        // Any other text either imports exactly or is refused naming this unit; never changed on the way.
        const other = translateXliff(xliff, (src, id) => (id === `reservation.text:${reservationId}` ? translation : ''));
        const r = await importXliff(db.ctx, { sessionId, xliff: other }).then(() => null, (e: { issues: { field: string }[] }) => e);
        const stored = (await db.db.selectFrom('reservation').select('textEn').where('id', '=', reservationId).executeTakeFirstOrThrow()).textEn;
        if (r === null) expect(stored).toBe(translation.trim() ? translation : original);
        else {
          expect(r.issues.map((i) => i.field)).toEqual([`unit:reservation.text:${reservationId}`]);
          expect(stored).toBe(original);
        }
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  it('sets one translation with its audit entry, and a locked session refuses', async () => {
    await setTranslation(db.ctx, { field: 'reservation.text', id: reservationId, language: 'fr', text: 'La délégation émet une réserve.' });
    const audit = await db.db.selectFrom('auditEntry').selectAll().where('action', '=', 'translation.set').where('entityId', '=', reservationId).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson!)).toMatchObject({ language: 'fr', text: 'La délégation émet une réserve.' });
    await expect(setTranslation(db.ctx, { field: 'reservation.text', id: reservationId, language: 'fr', text: 'bad\u0000' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'text' });
    await db.db.updateTable('councilSession').set({ lockedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', sessionId).execute();
    await expect(setTranslation(db.ctx, { field: 'reservation.text', id: reservationId, language: 'fr', text: 'Autre' })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
    const { xliff } = await exportXliff(db.ctx, { sessionId, language: 'fr' });
    await expect(importXliff(db.ctx, { sessionId, xliff })).rejects.toMatchObject({ code: 'LOCKED_SESSION' });
    const row = await db.db.selectFrom('reservation').select('textFr').where('id', '=', reservationId).executeTakeFirstOrThrow();
    expect(row.textFr).toBe('La délégation émet une réserve.');
  });
});
