// The signed minutes as PDF: the HTML renderer's page printed by a browser engine, then sealed like the
// .docx. The printing is a parameter — Electron's webContents.printToPDF in the app, Playwright's
// page.pdf() in tests and on a host — so this file stays free of both.
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context';
import { ValidationError } from '../errors';
import { sealFile, type SealHost, type SealResult } from './sign';

export type PrintToPdf = (html: string) => Promise<Uint8Array>;

export interface SealPdfInput {
  versionId: string;
  /** The minutes as one self-contained HTML page (D's HTML renderer). */
  html: string;
  /** Where to write the PDF; its manifest goes beside it. */
  outPath: string;
}

export async function printAndSealPdf(
  ctx: CoreContext,
  input: SealPdfInput,
  host: SealHost & { printToPdf: PrintToPdf },
): Promise<SealResult & { pdfPath: string }> {
  if (typeof input.html !== 'string' || input.html.length === 0) throw new ValidationError('html', 'html: required', 'required');
  const pdf = await host.printToPdf(input.html);
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new ValidationError('html', 'the printer did not return a PDF', 'printer_no_pdf');
  }
  const pdfPath = path.resolve(input.outPath);
  fs.mkdirSync(path.dirname(pdfPath), { recursive: true });
  fs.writeFileSync(pdfPath, pdf);
  try {
    const sealed = await sealFile(ctx, { versionId: input.versionId, filePath: pdfPath }, host);
    return { ...sealed, pdfPath };
  } catch (err) {
    fs.rmSync(pdfPath, { force: true }); // an unsealed PDF of "signed minutes" must not be left lying around
    throw err;
  }
}
