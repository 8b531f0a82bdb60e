// Issue 16, the last gaps: the texts typed in one language until migration 0020 (who issued a delegation's
// credentials, the body a decision is referred to, who presents an item) carry English
// and French forms that the minutes print; a note typed in English goes to a translator as XLIFF with
// English as its source language; and a translation whose original was edited since is flagged for review.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { listTranslations, setTranslation } from '../../src/translations/service';
import { exportXliff, importXliff } from '../../src/translations/xliff';
import { TranslationFileError } from '../../src/translations/errors';
import { generateDocumentDocx } from '../../src/documents/generate';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb, SAMPLES } from '../minutes/sample';
import { translateXliff } from './translator';
import { inTransaction } from '../../src/core/context';
import { loadRecord5 } from '../../src/seal/record5';
import { bundleToJson, exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { openTempDb } from '../helpers/temp-db';
import { sourceColumn, translatableFields } from '../../src/translations/registry';
import { setSignatory } from '../../src/signatories/service';

let db: TempDb;
let s66: string;
const PENDING = { en: '[translation pending]', fr: '[traduction en attente]' } as const;

beforeAll(async () => {
  db = await sampleDb();
  s66 = await resolveSession(db.db, 'ordinary:66');
}, 120_000);
afterAll(async () => {
  await db.cleanup();
});

const allText = (file: string) => {
  const v = readDocx(file);
  return [...v.paragraphs.map((p) => p.text), ...v.tables.flatMap((t) => t.rows.flat()), v.header].join('\n');
};
const minutesText = async (lang: 'en' | 'fr', name: string) => {
  const file = path.join(db.dir, `${name}-${lang}.docx`);
  fs.writeFileSync(file, await generateMinutesDocx(db.ctx, s66, { lang, timeZone: 'Africa/Casablanca' }));
  return allText(file);
};
const one = <T>(q: string, ...args: unknown[]) => db.sqlite.prepare(q).get(...args) as T;

const snake = (x: string) => x.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('the registry and the schema', () => {
  it('every translatable field has its English and French columns and, for each, the column of its source hash', () => {
    for (const f of translatableFields) {
      const columns = (db.sqlite.prepare(`select name from pragma_table_info(?)`).all(snake(f.table)) as { name: string }[]).map((c) => c.name);
      for (const c of [f.original, f.en, f.fr, sourceColumn(f, 'en'), sourceColumn(f, 'fr')]) expect(columns, `${f.key}: ${c}`).toContain(snake(c));
    }
  });
});

describe('the texts translatable since migration 0020', () => {
  it('prints the English and French forms of a credentials issuer, a referral body and a presenter once entered', async () => {
    const delegation = one<{ id: string }>(`select id from delegation where session_id = ? and kind = 'member' and credentials_received_on is not null limit 1`, s66);
    const referral = one<{ id: string }>(`select id from referral where session_id = ? limit 1`, s66);
    const item = one<{ id: string }>(`select id from agenda_item where session_id = ? and presenter <> '' and status = 'discussed' limit 1`, s66);
    expect([delegation, referral, item].every(Boolean), 'the sample has each kind of text').toBe(true);
    // The originals, typed in Arabic (as the secretariat does).
    const issuer = 'وزارة الخارجية والتعاون الدولي';
    const body = 'المجلس الوزاري المشترك للتربية';
    const presenter = 'مدير إدارة الشؤون القانونية';
    db.sqlite.prepare(`update agenda_item set presenter = ? where id = ?`).run(presenter, item.id);
    db.sqlite.prepare(`update delegation set credentials_issued_by = ? where id = ?`).run(issuer, delegation.id);
    db.sqlite.prepare(`update referral set body = 'other', body_name = ? where id = ?`).run(body, referral.id);
    const forms = {
      en: { issuer: 'Ministry of Foreign Affairs and International Cooperation', body: 'Joint Ministerial Council for Education', presenter: 'The Director of Legal Affairs' },
      fr: { issuer: 'Ministère des affaires étrangères et de la coopération internationale', body: 'Conseil ministériel conjoint de l’éducation', presenter: 'Le Directeur des affaires juridiques' },
    };
    for (const lang of ['en', 'fr'] as const) {
      const before = await minutesText(lang, 'fields-before');
      expect(before).toContain(issuer);
      expect(before).toContain(PENDING[lang]);
      expect(before).toContain(body);
      expect(before).toContain(presenter);
      expect(before).not.toContain(forms[lang].issuer);
      const list = await listTranslations(db.ctx, { sessionId: s66, language: lang, missingOnly: true });
      const unitIds = list.entries.map((e) => e.unitId);
      for (const u of [`delegation.credentialsIssuedBy:${delegation.id}`, `referral.bodyName:${referral.id}`, `agendaItem.presenter:${item.id}`]) expect(unitIds).toContain(u);

      await setTranslation(db.ctx, { field: 'delegation.credentialsIssuedBy', id: delegation.id, language: lang, text: forms[lang].issuer });
      await setTranslation(db.ctx, { field: 'referral.bodyName', id: referral.id, language: lang, text: forms[lang].body });
      await setTranslation(db.ctx, { field: 'agendaItem.presenter', id: item.id, language: lang, text: forms[lang].presenter });
      const after = await minutesText(lang, 'fields-after');
      for (const t of Object.values(forms[lang])) expect(after).toContain(t);
      for (const t of [issuer, body, presenter]) expect(after).not.toContain(t);
    }
    // The seal's record (council-record/5) hashes the new forms and what each was made from.
    const record = await inTransaction(db.ctx, (tx) => loadRecord5(tx, s66));
    expect(record.tables.delegation!.find((r) => r.id === delegation.id)).toMatchObject({ credentialsIssuedByEn: forms.en.issuer, credentialsIssuedByFr: forms.fr.issuer, credentialsIssuedByEnSourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The session bundle carries them to another laptop (the sample bundles, written before, imported without them).
    const bundle = JSON.parse(bundleToJson(await exportSessionBundle(db.db, s66))) as { delegations: Record<string, unknown>[]; referrals: Record<string, unknown>[] };
    expect(bundle.referrals.find((r) => r.id === referral.id)).toMatchObject({ bodyNameEn: forms.en.body, bodyNameFr: forms.fr.body });
    const other = await openTempDb();
    try {
      await importSessionBundle(other.ctx, JSON.parse(fs.readFileSync(path.join(SAMPLES, 'baghdad-65.json'), 'utf8')));
      await importSessionBundle(other.ctx, bundle);
      const copied = other.sqlite.prepare(`select credentials_issued_by_fr f, credentials_issued_by_fr_source_sha256 s from delegation where id = ?`).get(delegation.id);
      const here = one(`select credentials_issued_by_fr f, credentials_issued_by_fr_source_sha256 s from delegation where id = ?`, delegation.id);
      expect(copied).toEqual(here);
      expect(copied).toMatchObject({ f: forms.fr.issuer });
    } finally {
      await other.cleanup();
    }
    // The list of decisions (src/documents) names the body in the chosen language too.
    const file = path.join(db.dir, 'decisions-en.docx');
    fs.writeFileSync(file, await generateDocumentDocx(db.ctx, 'decisions', s66, { lang: 'en' }));
    const decisions = allText(file);
    expect(decisions).toContain(forms.en.body);
    expect(decisions).not.toContain(body);
    // ...and the annotated agenda the presenter.
    const agendaFile = path.join(db.dir, 'agenda-fr.docx');
    fs.writeFileSync(agendaFile, await generateDocumentDocx(db.ctx, 'agenda', s66, { lang: 'fr' }));
    const agenda = allText(agendaFile);
    expect(agenda).toContain(forms.fr.presenter);
    expect(agenda).not.toContain(presenter);
  }, 240_000);
});

describe('the name of a signatory of the minutes', () => {
  it('is listed for translation, and its English and French forms are printed under the signature', async () => {
    const roleKey = 'director_general'; // a role of the default settings
    const signed = await setSignatory(db.ctx, { sessionId: s66, roleKey, fullName: 'سامي بن عبد الله' });
    const before = await minutesText('en', 'signatory-before');
    expect(before).toContain('سامي بن عبد الله');
    const list = await listTranslations(db.ctx, { sessionId: s66, language: 'en', missingOnly: true });
    expect(list.entries.map((e) => e.unitId)).toContain(`signatory.fullName:${signed.id}`);
    await setTranslation(db.ctx, { field: 'signatory.fullName', id: signed.id, language: 'en', text: 'Sami bin Abdullah' });
    await setTranslation(db.ctx, { field: 'signatory.fullName', id: signed.id, language: 'fr', text: 'Sami ben Abdallah' });
    const en = await minutesText('en', 'signatory-after');
    expect(en).toContain('Sami bin Abdullah');
    expect(en).not.toContain('سامي بن عبد الله');
    expect(await minutesText('fr', 'signatory-after')).toContain('Sami ben Abdallah');
  }, 120_000);
});

describe('a translation made from an original edited since', () => {
  it('is flagged in the worklist (printed still), and the flag clears once translated again or confirmed', async () => {
    const r = one<{ id: string; text: string }>(`select id, text from reservation where session_id = ? limit 1`, s66);
    await setTranslation(db.ctx, { field: 'reservation.text', id: r.id, language: 'en', text: 'The delegation reserves its position.' });
    const unit = `reservation.text:${r.id}`;
    const worklist = async () => (await listTranslations(db.ctx, { sessionId: s66, language: 'en', missingOnly: true }));
    expect((await worklist()).entries.map((e) => e.unitId)).not.toContain(unit);
    const staleBefore = (await worklist()).stale;

    // The original is edited after the translation was entered (as any way into the record may do).
    db.sqlite.prepare(`update reservation set text = ? where id = ?`).run(`${r.text} (مع التعديل)`, r.id);
    const flagged = await worklist();
    expect(flagged.entries.find((e) => e.unitId === unit)).toMatchObject({ stale: true, translation: 'The delegation reserves its position.' });
    expect(flagged.stale).toBe(staleBefore + 1);
    // The minutes keep printing the translation meanwhile.
    expect(await minutesText('en', 'stale')).toContain('The delegation reserves its position.');

    await setTranslation(db.ctx, { field: 'reservation.text', id: r.id, language: 'en', text: 'The delegation reserves its position, as amended.' });
    expect((await worklist()).entries.map((e) => e.unitId)).not.toContain(unit);
    expect((await worklist()).stale).toBe(staleBefore);

    // Edited again, then the same translation saved again: the reviewer confirms it, and the flag clears.
    db.sqlite.prepare(`update reservation set text = ? where id = ?`).run(r.text, r.id);
    expect((await worklist()).entries.find((e) => e.unitId === unit)?.stale).toBe(true);
    await setTranslation(db.ctx, { field: 'reservation.text', id: r.id, language: 'en', text: 'The delegation reserves its position, as amended.' });
    expect((await worklist()).entries.map((e) => e.unitId)).not.toContain(unit);
  });

  it('is flagged too when the translation came from an XLIFF file, and a new import clears it', async () => {
    const d = one<{ id: string; text_ar: string }>(`select id, text_ar from decision where session_id = ? and text_fr = '' limit 1`, s66);
    expect(d, 'a decision without French text').toBeTruthy();
    const { xliff } = await exportXliff(db.ctx, { sessionId: s66, language: 'fr' });
    await importXliff(db.ctx, { sessionId: s66, xliff: translateXliff(xliff, (s, id) => (id === `decision.text:${d.id}` ? 'Décision traduite.' : s.includes('\n') ? s : 'FR')) });
    const unit = `decision.text:${d.id}`;
    const entryOf = async () => (await listTranslations(db.ctx, { sessionId: s66, language: 'fr' })).entries.find((e) => e.unitId === unit);
    expect(await entryOf()).toMatchObject({ translation: 'Décision traduite.', stale: false });
    db.sqlite.prepare(`update decision set text_ar = ? where id = ?`).run(`${d.text_ar} `, d.id);
    expect(await entryOf()).toMatchObject({ stale: true });
    const again = await exportXliff(db.ctx, { sessionId: s66, language: 'fr' });
    await importXliff(db.ctx, { sessionId: s66, xliff: again.xliff });
    expect(await entryOf()).toMatchObject({ translation: 'Décision traduite.', stale: false });
  });
});

describe('a note typed in English, through XLIFF', () => {
  it('is exported with English as the source language into French, imported back, and printed in the French minutes', async () => {
    const note = one<{ id: string; text: string }>(`select id, text from note where session_id = ? and language = 'en' limit 1`, s66);
    const unit = `note.text:${note.id}`;
    // The Arabic file does not carry it (one source language per XLIFF file).
    expect((await exportXliff(db.ctx, { sessionId: s66, language: 'fr' })).xliff).not.toContain(unit);
    const exported = await exportXliff(db.ctx, { sessionId: s66, language: 'fr', sourceLanguage: 'en' });
    expect(exported.fileName).toBe('session-ordinary-66-from-en-fr.xlf');
    expect(exported.xliff).toContain('srcLang="en" trgLang="fr"');
    expect(exported.units).toBe(1);
    expect(exported.xliff).toContain(`<unit id="${unit}">`);
    const french = 'La délégation remercie le Secrétariat pour son rapport (traduit).';
    const translated = translateXliff(exported.xliff, () => french);

    // The same strict checks: a source edited in the file, or a file claiming Arabic as source, is refused.
    const edited = translated.replace(/(<source xml:space="preserve">)/, '$1X');
    const e1 = await importXliff(db.ctx, { sessionId: s66, xliff: edited }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(TranslationFileError);
    expect((e1 as TranslationFileError).issues[0]).toMatchObject({ field: `unit:${unit}`, code: 'xliff_source_edited' });
    const asArabic = await importXliff(db.ctx, { sessionId: s66, xliff: translated.replace('srcLang="en"', 'srcLang="ar"') }).catch((e: unknown) => e);
    expect((asArabic as TranslationFileError).issues[0]).toMatchObject({ field: `unit:${unit}`, code: 'xliff_unknown_unit' });
    const sameLanguage = await importXliff(db.ctx, { sessionId: s66, xliff: translated.replace('srcLang="en"', 'srcLang="fr"') }).catch((e: unknown) => e);
    expect((sameLanguage as TranslationFileError).issues[0]).toMatchObject({ field: 'xliff', code: 'xliff_wrong_language' });
    await expect(exportXliff(db.ctx, { sessionId: s66, language: 'en', sourceLanguage: 'en' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(one<{ text_fr: string }>(`select text_fr from note where id = ?`, note.id).text_fr).toBe('');

    expect(await importXliff(db.ctx, { sessionId: s66, xliff: translated, language: 'fr' })).toMatchObject({ language: 'fr', updated: 1 });
    expect(one<{ text_fr: string }>(`select text_fr from note where id = ?`, note.id).text_fr).toBe(french);
    const fr = await minutesText('fr', 'english-note');
    expect(fr).toContain(french);
    expect(fr).not.toContain(note.text);
  }, 120_000);
});
