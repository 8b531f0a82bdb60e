// The DRAFT watermark. Arabic: a rotated text box holding an ordinary right-to-left paragraph, because a
// WordArt text path (VML) is drawn by LibreOffice as broken, stretched letter shapes; LibreOffice then lays
// the word out as text (pdftotext finds it on every page beside the header's mark). English and French
// keep Word's own watermark. Approved minutes carry none.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import type { TempDb } from '../helpers/temp-db';
import { normalise, sampleDb, toPdf } from './sample';

let db: TempDb;
let id: string;
const headers: Record<string, string> = {};
const files: Record<string, string> = {};

async function headerXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const names = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

beforeAll(async () => {
  db = await sampleDb();
  id = await resolveSession(db.db, 'ordinary:66');
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const docx = await generateMinutesDocx(db.ctx, id, { lang, timeZone: 'Africa/Casablanca' });
    files[lang] = path.join(db.dir, `minutes-${lang}.docx`);
    fs.writeFileSync(files[lang], docx);
    headers[lang] = await headerXml(docx);
  }
}, 120_000);

afterAll(async () => {
  await db.cleanup();
});

describe('DRAFT watermark', () => {
  it('ar: a rotated text box behind the text with an RTL paragraph, no text path', () => {
    const xml = headers.ar!;
    expect(xml).not.toContain('v:textpath');
    const anchor = /<wp:anchor [^>]*>/.exec(xml)?.[0] ?? '';
    expect(anchor).toContain('behindDoc="1"');
    expect(xml).toMatch(/<a:xfrm rot="18900000">/); // 315°, Word's diagonal
    const box = /<w:txbxContent>(.*?)<\/w:txbxContent>/s.exec(xml)?.[1] ?? '';
    expect(box).toContain('<w:bidi/>');
    expect(box).toContain('<w:rtl/>');
    expect(box).toContain('w:cs="Amiri"');
    expect(box).toContain('>مسودة</w:t>');
  });

  it('en, fr: Word\'s own watermark with the word in the Latin font', () => {
    for (const [lang, word] of [['en', 'DRAFT'], ['fr', 'PROJET']] as const) {
      expect(headers[lang]).toContain(`string="${word}"`);
      expect(headers[lang]).toContain('font-family:&quot;Times New Roman&quot;');
      expect(headers[lang]).not.toContain('w:txbxContent');
    }
  });

  it('ar: LibreOffice lays the word out as text on every page (a text path would be drawn as outlines)', () => {
    const pdf = toPdf(files.ar!, db.dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
      // Once in the header line ("المجلس التنفيذي — مسودة"), once as the watermark (and maybe in the text).
      const count = text.split('مسودة').length - 1;
      if (page === 1) expect(count).toBe(2);
      else expect(count, `page ${page}`).toBeGreaterThanOrEqual(2);
    }
  }, 180_000);

  it('is absent from approved minutes', async () => {
    const docx = await generateMinutesDocx(db.ctx, id, { lang: 'ar', approved: true });
    const xml = await headerXml(docx);
    expect(xml).not.toContain('مسودة');
    expect(xml).not.toContain('w:txbxContent');
  });
});
