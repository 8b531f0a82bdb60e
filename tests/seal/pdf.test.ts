// The PDF of the signed minutes: printed by Chromium (Playwright here, Electron's printToPDF in the app)
// and sealed like the .docx.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureSealKey } from '../../src/seal/keys';
import { printAndSealPdf, type PrintToPdf } from '../../src/seal/pdf';
import { verifySealedFile } from '../../src/seal/verify';
import { launchChromium } from '../helpers/chromium';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { approvedSession } from './world';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => browser?.close());

const printWithPlaywright: PrintToPdf = async (html) => {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
};

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

describe('printAndSealPdf', () => {
  it('prints the minutes page to PDF and seals it; the text and the fingerprint are in the PDF', async () => {
    const { version } = await approvedSession(t);
    const dataDir = path.join(t.dir, 'data');
    const { fingerprint, publicKeyPem } = ensureSealKey(dataDir);
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>محضر</title></head>
      <body style="font-family: Amiri, serif"><h1>محضر الدورة العادية السادسة والستين</h1>
      <p>يعتمد المجلس الميزانية</p><footer>Seal ${fingerprint}</footer></body></html>`;
    const out = path.join(t.dir, 'out', 'minutes-66.pdf');
    const sealed = await printAndSealPdf(t.ctx, { versionId: version.id, html, outPath: out }, { dataDir, printToPdf: printWithPlaywright });
    expect(sealed.pdfPath).toBe(out);
    expect(sealed.manifest.file.kind).toBe('pdf');
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', [out, '-']).toString('utf8').replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(fingerprint);
    expect(text.replace(/\s+/g, ' ')).toMatch(/الميزانية/);
    const r = await verifySealedFile(out, { publicKeyPem, ctx: t.ctx });
    expect(r.problems).toEqual([]);
    const bytes = fs.readFileSync(out);
    bytes[200] = bytes[200]! ^ 0xff;
    fs.writeFileSync(out, bytes);
    expect((await verifySealedFile(out, { publicKeyPem })).problems.map((p) => p.code)).toEqual(['document_changed']);
  }, 60_000);

  it('leaves no PDF behind when the minutes cannot be sealed', async () => {
    await approvedSession(t);
    const out = path.join(t.dir, 'out', 'x.pdf');
    const err = await printAndSealPdf(
      t.ctx,
      { versionId: '00000000-0000-4000-8000-000000000000', html: '<p>x</p>', outPath: out },
      { dataDir: path.join(t.dir, 'data'), printToPdf: printWithPlaywright },
    ).catch((e: unknown) => e);
    expect((err as { field: string }).field).toBe('versionId');
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});
