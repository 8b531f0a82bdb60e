// The Word minutes' layout, read from the .docx itself and through LibreOffice: the Arabic table of contents
// right to left, no page number written ahead, Amiri embedded and used where the system has none, Latin
// phrases isolated inside Arabic, the header clear of the text, large lines never overlapping.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb } from './sample';

const here = path.dirname(fileURLToPath(import.meta.url));
let db: TempDb;
const files = {} as Record<'ar' | 'en' | 'fr', string>;
const xml = async (lang: 'ar' | 'en' | 'fr', part: string) => (await JSZip.loadAsync(fs.readFileSync(files[lang]))).file(part)!.async('string');

beforeAll(async () => {
  db = await sampleDb();
  const id = await resolveSession(db.db, 'ordinary:66');
  for (const lang of ['ar', 'en', 'fr'] as const) {
    files[lang] = path.join(db.dir, `layout-${lang}.docx`);
    fs.writeFileSync(files[lang], await generateMinutesDocx(db.ctx, id, { lang, timeZone: 'Africa/Casablanca', tocPageNumbers: true }));
  }
}, 120_000);
afterAll(async () => db.cleanup());

describe('the table of contents', () => {
  it('runs right to left in Arabic: TOC1-3 bidi (starting at the right), RTL runs, the page tab at the far end', async () => {
    const styles = await xml('ar', 'word/styles.xml');
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="TOC${level}">(.*?)</w:style>`).exec(styles)?.[1] ?? '';
      expect(style).toContain('<w:bidi/>');
      // Starting at the right as bidi paragraphs do: no explicit left/right, which Word and LibreOffice read apart.
      expect(style).not.toContain('<w:jc ');
      expect(style).toContain('<w:rtl/>');
      expect(style).toMatch(/<w:tab w:val="right" w:leader="dot" w:pos="9638"\/>/);
    }
    const en = await xml('en', 'word/styles.xml');
    expect(en).toMatch(/w:styleId="TOC1">(?:(?!<\/w:style>).)*<w:tab w:val="right"/);
    expect(en).not.toMatch(/w:styleId="TOC1">(?:(?!<\/w:style>).)*<w:bidi\/>/);
  });

  it('writes no page number ahead (Word fills them, updating fields on opening), even when asked', async () => {
    const doc = await xml('ar', 'word/document.xml');
    expect(await xml('ar', 'word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1|on)")?\/>/);
    const pageRefs = [...doc.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(.*?)<w:fldChar w:fldCharType="end"\/>/g)];
    expect(pageRefs.length).toBeGreaterThan(10);
    expect(pageRefs.filter((m) => /<w:t/.test(m[1]!))).toEqual([]);
  });
});

describe('fonts', () => {
  it('embed Amiri, regular and bold only, with its licence shipped beside it, the file staying small', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(files.ar));
    const fonts = Object.keys(zip.files).filter((f) => f.startsWith('word/fonts/'));
    expect(fonts).toHaveLength(2);
    const table = await xml('ar', 'word/fontTable.xml');
    expect(table).toMatch(/<w:font w:name="Amiri">.*<w:embedRegular .*<w:embedBold /);
    expect(fs.statSync(files.ar).size).toBeLessThan(1_500_000);
    expect(fs.readFileSync(path.resolve(here, '../../resources/fonts/OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(readDocx(files.ar).paragraphs.flatMap((p) => p.runs).filter((r) => /[\u0600-\u06ff]/.test(r.text)).every((r) => r.cs === 'Amiri')).toBe(true);
  });

  it('draw the Arabic minutes in the embedded Amiri on a system that has no Amiri (LibreOffice)', () => {
    const out = path.join(db.dir, 'no-amiri');
    fs.mkdirSync(out);
    const env = { ...process.env, FONTCONFIG_FILE: path.join(here, 'fonts-without-amiri.conf') };
    expect(execFileSync('fc-list', [], { env, encoding: 'utf8' })).not.toMatch(/Amiri-(Regular|Bold)\.ttf/);
    execFileSync('soffice', [`-env:UserInstallation=file:///tmp/lo-profile-${process.pid}-na`, '--headless', '--convert-to', 'pdf', '--outdir', out, files.ar], { stdio: 'pipe', timeout: 180_000, env });
    const fontsUsed = execFileSync('pdffonts', [path.join(out, 'layout-ar.pdf')], { encoding: 'utf8' });
    expect(fontsUsed).toMatch(/Amiri-Regular/);
    expect(fontsUsed).toMatch(/Amiri-Bold/);
  }, 180_000);
});

describe('lines and the header', () => {
  it('isolate Latin phrases inside Arabic, left to right', () => {
    const runs = readDocx(files.ar).paragraphs.flatMap((p) => p.runs);
    const iso = runs.find((r) => r.text.includes('ISO'))!;
    expect(iso.rtl).toBe(false);
    expect(iso.text).toMatch(/^\u2066.*ISO[\u00a0 ]9001.*\u2069$/);
    // In English and French no Latin run is isolated; an Arabic one is, right to left (issue 16).
    for (const r of readDocx(files.en).paragraphs.flatMap((p) => p.runs)) {
      if (/[\u0600-\u06ff]/.test(r.text)) expect(r.text).toMatch(/^\u2067[^\u2066-\u2069]*\u2069$/);
      else expect(r.text).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  it('set Arabic body text at 1.5 lines (at 1.15 wrapped Amiri lines touched in LibreOffice), Latin at 1.15', async () => {
    const defaults = async (lang: 'ar' | 'en' | 'fr') => /<w:pPrDefault><w:pPr><w:spacing ([^>]*)\/>/.exec(await xml(lang, 'word/styles.xml'))?.[1] ?? '';
    expect(await defaults('ar')).toMatch(/w:line="360"/);
    expect(await defaults('ar')).not.toMatch(/w:lineRule="(exact|atLeast)"/);
    expect(await defaults('en')).toMatch(/w:line="276"/);
    expect(await defaults('fr')).toMatch(/w:line="276"/);
  });

  it('keep the header clear of the text and large lines apart', async () => {
    for (const lang of ['ar', 'en', 'fr'] as const) {
      const doc = await xml(lang, 'word/document.xml');
      const margin = /<w:pgMar w:top="(\d+)"[^>]*w:header="(\d+)"/.exec(doc)!;
      // 3 cm of top margin, the header starting at 0.8 cm: room for three header lines and its rule.
      expect(Number(margin[1])).toBeGreaterThanOrEqual(1701);
      expect(Number(margin[1]) - Number(margin[2])).toBeGreaterThanOrEqual(1200);
      const styles = await xml(lang, 'word/styles.xml');
      for (const id of ['Title', 'Heading1', 'Heading2', 'Subtitle']) {
        const style = new RegExp(`w:styleId="${id}">(.*?)</w:style>`).exec(styles)?.[1] ?? '';
        expect(style, `${lang} ${id}`).toMatch(/<w:spacing [^>]*w:lineRule="atLeast"/);
      }
    }
  });
});

describe('the annex of the agenda as adopted', () => {
  it('numbers each item once: its own number, no list bullet before it', async () => {
    for (const lang of ['ar', 'en', 'fr'] as const) {
      const doc = await xml(lang, 'word/document.xml');
      // From the annex's heading (a Heading2 whose text is the annex's title) to the next heading.
      const title = { ar: 'جدول الأعمال المعتمد', en: 'Agenda as adopted', fr: 'Ordre du jour adopté' }[lang];
      const at = doc.search(new RegExp(`<w:pStyle w:val="Heading2"/>(?:(?!</w:p>).)*${title}`));
      expect(at, lang).toBeGreaterThan(0);
      const rest = doc.slice(at);
      const afterHeading = rest.slice(rest.indexOf('</w:p>') + 6);
      const block = afterHeading.slice(0, afterHeading.search(/<w:pStyle w:val="Heading\d"\/>/));
      const paragraphs = block.split('</w:p>').filter((p) => /<w:t[ >]/.test(p));
      expect(paragraphs.length, lang).toBeGreaterThan(3);
      expect(paragraphs.filter((p) => p.includes('<w:numPr>')), lang).toEqual([]);
      expect(paragraphs[0], lang).toMatch(/<w:t xml:space="preserve">(1|١)\. <\/w:t>/);
    }
  });
});
