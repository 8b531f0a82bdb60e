// printAndSealPdf's own checks, with a stand-in printer (the real one, Chromium, is in pdf.test.ts): no
// page, nothing printed; a printer answering something other than a PDF, refused before any file is
// written; the folder made however deep, or taken as it is when it exists.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printAndSealPdf } from '../../src/seal/pdf';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { approvedSession } from './world';

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const PDF = Buffer.from('%PDF-1.7\n% printed\n%%EOF\n');
const issue = (e: unknown) => {
  const err = e as { field: string; message: string; issues: { code: string }[] };
  return { field: err.field, message: err.message, code: err.issues[0]!.code };
};

describe('printAndSealPdf', () => {
  it('refuses an empty or missing page without calling the printer', async () => {
    const { version } = await approvedSession(t);
    let printed = 0;
    const host = { dataDir: path.join(t.dir, 'data'), printToPdf: async () => (printed++, PDF) };
    for (const html of ['', undefined, 42]) {
      const err = await printAndSealPdf(t.ctx, { versionId: version.id, html: html as string, outPath: path.join(t.dir, 'x.pdf') }, host).catch((e: unknown) => e);
      expect(issue(err)).toEqual({ field: 'html', message: 'html: required', code: 'required' });
    }
    expect(printed).toBe(0);
  });

  it('refuses what is not a PDF from the printer, writing no file', async () => {
    const { version } = await approvedSession(t);
    const out = path.join(t.dir, 'out', 'x.pdf');
    for (const answer of [Buffer.from('<html>'), Buffer.from('%PDF'), Buffer.from('%PDX-1.7')]) {
      const err = await printAndSealPdf(t.ctx, { versionId: version.id, html: '<p>x</p>', outPath: out }, { dataDir: path.join(t.dir, 'data'), printToPdf: async () => answer }).catch((e: unknown) => e);
      expect(issue(err)).toEqual({ field: 'html', message: 'the printer did not return a PDF', code: 'printer_no_pdf' });
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('makes the folders down to the file, or uses the folder that is there', async () => {
    const { version } = await approvedSession(t);
    const host = { dataDir: path.join(t.dir, 'data'), printToPdf: async () => PDF };
    const deep = path.join(t.dir, 'a', 'b', 'c', 'minutes.pdf');
    expect((await printAndSealPdf(t.ctx, { versionId: version.id, html: '<p>x</p>', outPath: deep }, host)).pdfPath).toBe(deep);
    expect(fs.readFileSync(deep)).toEqual(PDF);
    const again = path.join(t.dir, 'a', 'b', 'c', 'again.pdf');
    expect((await printAndSealPdf(t.ctx, { versionId: version.id, html: '<p>x</p>', outPath: again }, host)).manifest.file.name).toBe('again.pdf');
  });
});
