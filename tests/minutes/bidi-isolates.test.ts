// Bidi isolation in the Word files (issue 16): a run of the other script than its paragraph's is isolated,
// Latin inside Arabic left to right (LRI … PDI) and Arabic inside English or French right to left
// (RLI … PDI), so the bidi algorithm of Word and LibreOffice never reorders the punctuation around it: the
// French list of documents draws the Arabic symbol م.ت/66/2 whole, an Arabic name in parentheses in the
// English minutes keeps its parentheses. Read from word/document.xml itself.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocumentDocx } from '../../src/documents/generate';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import type { TempDb } from '../helpers/temp-db';
import { sampleDb } from './sample';

const RLI = '\u2067';
const LRI = '\u2066';
const PDI = '\u2069';
let db: TempDb;
let s66: string;

beforeAll(async () => {
  db = await sampleDb();
  s66 = await resolveSession(db.db, 'ordinary:66');
}, 120_000);
afterAll(async () => db.cleanup());

/** Every paragraph of word/document.xml as the list of its runs' texts (entities decoded). */
async function paragraphRuns(docx: Buffer): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)));
}
const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[A-Za-z]/;

describe('bidi isolation in the generated Word files', () => {
  it('the French list of documents isolates each Arabic symbol right to left, whole', async () => {
    const symbols = (db.sqlite.prepare(`select document_refs_json j from agenda_item where session_id = ?`).all(s66) as { j: string }[])
      .flatMap((r) => JSON.parse(r.j) as string[])
      .filter((s) => ARABIC.test(s));
    expect(symbols.length, 'the sample has Arabic symbols (م.ت/66/2...)').toBeGreaterThan(0);
    const file = await generateDocumentDocx(db.ctx, 'documents-list', s66, { lang: 'fr' });
    fs.writeFileSync(path.join(db.dir, 'documents-list-fr.docx'), file);
    const runs = (await paragraphRuns(file)).flat();
    for (const s of symbols) expect(runs).toContain(`${RLI}${s}${PDI}`);
    // Every run holding Arabic letters in this French file is one isolate, and no Latin run is.
    for (const r of runs) {
      if (ARABIC.test(r)) expect(r.startsWith(RLI) && r.endsWith(PDI), r).toBe(true);
      else expect(r).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  it('an Arabic name in parentheses in the English minutes is isolated, the parentheses and Latin around it left as typed', async () => {
    const note = db.sqlite.prepare(`select id from note where session_id = ? and language = 'en' limit 1`).get(s66) as { id: string };
    const text = 'The delegate (سليم القرطبي) thanked the Secretariat for document EC/66/4/Rev.1 and for the note (م.ت/66/2).';
    db.sqlite.prepare(`update note set text = ? where id = ?`).run(text, note.id);
    const paragraphs = await paragraphRuns(await generateMinutesDocx(db.ctx, s66, { lang: 'en', timeZone: 'Africa/Casablanca' }));
    const found = paragraphs.find((p) => p.join('').includes('القرطبي'))!;
    expect(found, 'the note is printed').toBeTruthy();
    const i = found.findIndex((r) => r.includes('القرطبي'));
    // The name alone is isolated; the brackets around it, and the sentence's stop after the symbol, stay
    // Latin (inside the isolate they would be drawn at its Arabic end: ".(66/2/م.ت)").
    expect(found.slice(i - 1)).toEqual([
      expect.stringMatching(/The delegate \($/),
      `${RLI}سليم القرطبي${PDI}`,
      ') thanked the Secretariat for document EC/66/4/Rev.1 and for the note (',
      `${RLI}م.ت/66/2${PDI}`,
      ').',
    ]);
    // The same text in the Arabic minutes: the Latin code isolated left to right, whole.
    db.sqlite.prepare(`update note set text = ?, language = 'ar' where id = ?`).run('شكر الوفد الأمانة على الوثيقة EC/66/4/Rev.1 (مشروع).', note.id);
    const ar = (await paragraphRuns(await generateMinutesDocx(db.ctx, s66, { lang: 'ar', timeZone: 'Africa/Casablanca' }))).flat();
    expect(ar).toContain(`${LRI}EC/66/4/Rev.1${PDI}`);
    for (const r of ar) if (LATIN.test(r) && !ARABIC.test(r)) expect(r.startsWith(LRI) && r.endsWith(PDI), r).toBe(true);
  }, 120_000);
});
