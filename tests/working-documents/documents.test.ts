// The working documents in what the app writes: the list of documents and the annotated agenda name each
// one (symbol, title, language, version), and the minutes list them in an annex; read back by python-docx.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocumentDocx } from '../../src/documents/generate';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { attachWorkingDocument } from '../../src/working-documents/service';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb, type DocxView } from '../minutes/sample';
import { b64, smallDocx, smallPdf, smallXlsx } from './files';

let db: TempDb;
let sessionId: string;
const out = new Map<string, DocxView>();
// Item 4 of the Agadir sample (its budget item) gets three documents; the rest keep their symbols only.
let item4 = '';
let item4Title = { ar: '', en: '' };

beforeAll(async () => {
  db = await sampleDb();
  sessionId = await resolveSession(db.db, 'ordinary:66');
  const items = db.sqlite.prepare('select id, title_ar, title_en from agenda_item where session_id = ? and parent_id is null order by position').all(sessionId) as {
    id: string;
    title_ar: string;
    title_en: string;
  }[];
  item4 = items[3]!.id;
  item4Title = { ar: items[3]!.title_ar, en: items[3]!.title_en };
  const attach = async (bytes: Buffer, symbol: string, language: 'ar' | 'en' | 'fr', version: number, title: string) =>
    attachWorkingDocument(db.ctx, { agendaItemId: item4, symbol, language, version, title, fileName: 'f', contentBase64: b64(bytes) });
  await attach(smallPdf(), 'EC/66/4/Rev.1', 'ar', 2, 'مشروع الموازنة للعام 2027');
  await attach(await smallDocx(), 'EC/66/4/Rev.1', 'en', 1, 'Draft budget for 2027');
  await attach(await smallXlsx(), 'EC/66/4/Add.1', 'fr', 1, '');
  for (const [kind, lang] of [['documents-list', 'ar'], ['documents-list', 'en'], ['agenda', 'ar'], ['agenda', 'fr']] as const) {
    const file = path.join(db.dir, `${kind}-${lang}.docx`);
    fs.writeFileSync(file, await generateDocumentDocx(db.ctx, kind, sessionId, { lang }));
    out.set(`${kind}/${lang}`, readDocx(file));
  }
  for (const lang of ['ar', 'en'] as const) {
    const file = path.join(db.dir, `minutes-${lang}.docx`);
    fs.writeFileSync(file, await generateMinutesDocx(db.ctx, sessionId, { lang }));
    out.set(`minutes/${lang}`, readDocx(file));
  }
}, 300_000);

afterAll(async () => {
  await db.cleanup();
});

// Latin runs inside Arabic text are set apart by bidi isolates (U+2066..2069): compare without them.
const bare = (s: string) => s.replace(/[\u2066-\u2069\u200e\u200f]/g, '');
const rowsOf = (v: DocxView, symbolPrefix: string) => v.tables.flatMap((t) => t.rows.map((r) => r.map(bare))).filter((r) => r[0]?.startsWith(symbolPrefix));

describe('working documents in the written documents', () => {
  it('the list of documents gives each stored document its symbol, item, title, language and version (Arabic)', () => {
    const v = out.get('documents-list/ar')!;
    expect(v.tables).toHaveLength(1);
    expect(v.tables[0]!.rows[0]).toEqual(['رمز الوثيقة', 'البند', 'العنوان', 'اللغة', 'الإصدار']);
    expect(v.tables[0]!.bidiVisual).toBe(true);
    // By symbol, language, version; a document without a title shows its item's.
    expect(rowsOf(v, 'EC/66/4')).toEqual([
      ['EC/66/4/Add.1', '4', item4Title.ar, 'الفرنسية', '1'],
      ['EC/66/4/Rev.1', '4', 'مشروع الموازنة للعام 2027', 'العربية', '2'],
      ['EC/66/4/Rev.1', '4', 'Draft budget for 2027', 'الإنجليزية', '1'],
    ]);
  });

  it('the English list says the same in English, and keeps the symbols of items with no stored file', () => {
    const v = out.get('documents-list/en')!;
    expect(v.tables[0]!.rows[0]).toEqual(['Symbol', 'Item', 'Title', 'Language', 'Version']);
    expect(rowsOf(v, 'EC/66/4/Rev.1').map((r) => r.slice(3))).toEqual([
      ['Arabic', '2'],
      ['English', '1'],
    ]);
    // Other items' symbols from the sample, with no language or version.
    const others = v.tables[0]!.rows.slice(1).filter((r) => r[1] !== '4');
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.slice(3)).toEqual(['', '']);
  });

  it('the annotated agenda lists the item\'s documents, each with its title, language and version', () => {
    const ar = out.get('agenda/ar')!.paragraphs.map((p) => bare(p.text));
    expect(ar).toContain('EC/66/4/Rev.1 — مشروع الموازنة للعام 2027 (العربية، الإصدار 2)');
    expect(ar).toContain('EC/66/4/Add.1 (الفرنسية، الإصدار 1)');
    const fr = out.get('agenda/fr')!.paragraphs.map((p) => bare(p.text));
    expect(fr).toContain('EC/66/4/Rev.1 — Draft budget for 2027 (anglais, version 1)');
  });

  it('the minutes carry an annex of the documents of the session, last, in each language', () => {
    const ar = out.get('minutes/ar')!;
    const headings = ar.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
    expect(headings[headings.length - 1]).toMatch(/وثائق الدورة$/);
    const table = ar.tables[ar.tables.length - 1]!;
    expect(table.rows[0]).toEqual(['رمز الوثيقة', 'البند', 'العنوان', 'اللغة', 'الإصدار']);
    expect(table.rows.slice(1).map((r) => bare(r[0]!))).toEqual(['EC/66/4/Add.1', 'EC/66/4/Rev.1', 'EC/66/4/Rev.1']);
    const en = out.get('minutes/en')!;
    expect(en.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text).pop()).toMatch(/Documents of the session$/);
  });
});
