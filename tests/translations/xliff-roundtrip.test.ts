// The whole exchange with a translator: export the sample sessions' texts as XLIFF 2.0, translate them with
// a script, import them back; then the English and French minutes, read back by python-docx, carry no
// "[translation pending]" mark. A tampered file is refused as a whole, naming the unit, and writes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { listTranslations, setTranslation } from '../../src/translations/service';
import { exportXliff, importXliff } from '../../src/translations/xliff';
import { TranslationFileError } from '../../src/translations/errors';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb } from '../minutes/sample';
import { fakeTranslation, translateXliff } from './translator';

let db: TempDb;
let s66: string;
let s65: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xliff-'));
const PENDING = { en: '[translation pending]', fr: '[traduction en attente]' } as const;

beforeAll(async () => {
  db = await sampleDb();
  s66 = await resolveSession(db.db, 'ordinary:66');
  s65 = await resolveSession(db.db, 'ordinary:65');
}, 120_000);
afterAll(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const allText = (file: string) => {
  const v = readDocx(file);
  return [...v.paragraphs.map((p) => p.text), ...v.tables.flatMap((t) => t.rows.flat()), v.header].join('\n');
};

describe('XLIFF round trip', () => {
  it('refuses a tampered file (changed source, unknown id, wrong target language) naming the unit, and writes nothing', async () => {
    const missingBefore = (await listTranslations(db.ctx, { sessionId: s66, language: 'en' })).missing;
    const { xliff } = await exportXliff(db.ctx, { sessionId: s66, language: 'en' });
    const translated = translateXliff(xliff, fakeTranslation('en'));
    const firstId = /<unit id="([^"]+)">/.exec(translated)![1]!;
    const refusal = async (text: string) => {
      const err = await importXliff(db.ctx, { sessionId: s66, xliff: text }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(TranslationFileError);
      return err as TranslationFileError;
    };
    const edited = translated.replace(/(<source xml:space="preserve">)/, '$1X');
    const e1 = await refusal(edited);
    expect(e1.issues[0]).toMatchObject({ field: `unit:${firstId}`, code: 'xliff_source_edited' });
    const unknown = translated.replace(`<unit id="${firstId}">`, '<unit id="note.text:00000000-0000-0000-0000-000000000000">');
    expect((await refusal(unknown)).issues[0]).toMatchObject({ field: 'unit:note.text:00000000-0000-0000-0000-000000000000', code: 'xliff_unknown_unit' });
    const french = translated.replace('trgLang="en"', 'trgLang="fr"');
    expect((await refusal(french)).issues[0]).toMatchObject({ field: 'xliff', code: 'xliff_wrong_language' });
    const wrongAsked = await importXliff(db.ctx, { sessionId: s66, xliff: translated, language: 'fr' }).catch((e: unknown) => e);
    expect(wrongAsked).toMatchObject({ issues: [{ code: 'xliff_wrong_language' }] });
    const otherSession = await importXliff(db.ctx, { sessionId: s65, xliff: translated }).catch((e: unknown) => e);
    expect(otherSession).toMatchObject({ issues: [{ code: 'xliff_wrong_session' }] });
    const xxe = translated.replace('<xliff', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff');
    expect((await refusal(xxe)).issues[0]).toMatchObject({ field: 'xliff', code: 'xliff_unsafe' });
    const lostTag = translateXliff(xliff, (s) => (s.includes('\n') ? 'one paragraph only' : 'EN')).replace(/(<source xml:space="preserve">)/, '$1');
    if (/<source xml:space="preserve">[^<]*\n/.test(xliff)) expect((await refusal(lostTag)).issues.some((i) => i.code === 'xliff_markup_lost')).toBe(true);
    // Nothing of the refused files was written.
    expect((await listTranslations(db.ctx, { sessionId: s66, language: 'en' })).missing).toBe(missingBefore);
  });

  it('refuses a unit whose original changed in the record since the export', async () => {
    const { xliff } = await exportXliff(db.ctx, { sessionId: s66, language: 'fr' });
    const note = await db.db.selectFrom('note').select(['id', 'text']).where('sessionId', '=', s66).orderBy('at').executeTakeFirstOrThrow();
    await db.db.updateTable('note').set({ text: `${note.text} (corrected)` }).where('id', '=', note.id).execute();
    try {
      const err = await importXliff(db.ctx, { sessionId: s66, xliff: translateXliff(xliff, fakeTranslation('fr')) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TranslationFileError);
      expect((err as TranslationFileError).issues).toEqual([expect.objectContaining({ field: `unit:note.text:${note.id}`, code: 'xliff_source_changed' })]);
    } finally {
      await db.db.updateTable('note').set({ text: note.text }).where('id', '=', note.id).execute();
    }
  });

  it('export, translate with a script, import: the English and French minutes have no pending marks', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const before = path.join(dir, `before-${lang}.docx`);
      fs.writeFileSync(before, await generateMinutesDocx(db.ctx, s66, { lang, timeZone: 'Africa/Casablanca' }));
      expect(allText(before)).toContain(PENDING[lang]);
      for (const sessionId of [s65, s66]) {
        const exported = await exportXliff(db.ctx, { sessionId, language: lang });
        expect(exported.units).toBeGreaterThan(0);
        const file = path.join(dir, exported.fileName);
        fs.writeFileSync(file, translateXliff(exported.xliff, fakeTranslation(lang)));
        const r = await importXliff(db.ctx, { sessionId, xliff: fs.readFileSync(file, 'utf8'), language: lang });
        expect(r.updated).toBe(exported.units);
        // Only texts typed in another language than Arabic are left to the screen (never sent in the file).
        const left = (await listTranslations(db.ctx, { sessionId, language: lang, missingOnly: true })).entries;
        expect(left.filter((e) => e.originalLanguage === 'ar')).toEqual([]);
        // ...and the secretary translates those on the Translations screen.
        for (const e of left) await setTranslation(db.ctx, { field: e.field, id: e.id, language: lang, text: `${lang.toUpperCase()} line 1 (by hand)` });
      }
      const after = path.join(dir, `after-${lang}.docx`);
      fs.writeFileSync(after, await generateMinutesDocx(db.ctx, s66, { lang, timeZone: 'Africa/Casablanca' }));
      const text = allText(after);
      expect(text).not.toContain(PENDING[lang]);
      expect(text).toContain(`${lang.toUpperCase()} line 1`);
    }
    // Importing the same file again changes nothing and says so.
    const again = await exportXliff(db.ctx, { sessionId: s66, language: 'en' });
    expect(await importXliff(db.ctx, { sessionId: s66, xliff: again.xliff })).toMatchObject({ updated: 0, unchanged: again.units });
  }, 240_000);
});
