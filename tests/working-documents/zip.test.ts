// Working documents travel in the session .zip: exported with their bytes, imported on another laptop
// byte for byte (a locked session too), an archive made before them still imports, and an altered or
// mislabelled document is refused before anything is written.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { ZIP_FORMAT } from '../../src/bundle/zip-schema';
import { ValidationError } from '../../src/errors';
import { attachWorkingDocument, downloadWorkingDocument, listWorkingDocuments } from '../../src/working-documents/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord, snapshot, type RecordIds } from '../lock/fixture';
import { png } from '../approval/images';
import { b64, smallDocx, smallPdf, smallXlsx } from './files';
import fs from 'node:fs';
import path from 'node:path';
import { approveMinutes, circulateMinutes, createMinutesVersion } from '../../src/approval/service';
import { ensureSealKey } from '../../src/seal/keys';
import { sealFile } from '../../src/seal/sign';

/** Approve and seal the session on laptop A, as the app does before a locked session may travel. */
async function approveAndSealOnA(): Promise<{ dataDir: string; publicKeyPem: string }> {
  const draft = await createMinutesVersion(a.ctx, { sessionId: ids.sessionId, language: 'ar+en+fr' });
  await circulateMinutes(a.ctx, { versionId: draft.id });
  const version = await approveMinutes(a.ctx, { versionId: draft.id, approvedBySittingId: ids.sittingId });
  const docx = path.join(a.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  const dataDir = path.join(a.dir, 'data');
  await sealFile(a.ctx, { versionId: version.id, filePath: docx }, { dataDir });
  return { dataDir, publicKeyPem: ensureSealKey(dataDir).publicKeyPem };
}

let a: TempDb;
let b: TempDb;
let ids: RecordIds;
beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
  ids = insertSessionRecord(a.sqlite, 66);
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

const sha = (x: Uint8Array | string) => createHash('sha256').update(x).digest('hex');

async function withDocuments() {
  const attach = (bytes: Buffer, symbol: string, language: 'ar' | 'en' | 'fr', fileName: string) =>
    attachWorkingDocument(a.ctx, { agendaItemId: ids.agendaItemId, symbol, language, fileName, title: `Title of ${symbol}`, contentBase64: b64(bytes) });
  const files = { pdf: smallPdf(), docx: await smallDocx(), xlsx: await smallXlsx() };
  await attach(files.pdf, 'EC/66/4/Rev.1', 'ar', 'budget.pdf');
  await attach(files.docx, 'EC/66/5', 'en', 'report.docx');
  await attach(files.xlsx, 'EC/66/6', 'fr', 'annexe.xlsx');
  return files;
}

/** Rewrite an archive: change entries, then (unless told not to) recompute hashes.json as a forger would. */
async function rewrite(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>, rehash = true): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  if (rehash) {
    const hashes = JSON.parse(await zip.file('hashes.json')!.async('string')) as { files: Record<string, string> };
    hashes.files = {};
    for (const f of Object.values(zip.files)) if (!f.dir && f.name !== 'hashes.json') hashes.files[f.name] = sha(await f.async('uint8array'));
    zip.file('hashes.json', JSON.stringify({ format: ZIP_FORMAT, version: 2, ...hashes }));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function refused(zipBytes: Uint8Array): Promise<ValidationError> {
  const before = snapshot(b.sqlite);
  const err = await importSessionZip(b.ctx, { zipBytes }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).field).toBe('zip');
  expect(snapshot(b.sqlite)).toEqual(before);
  return err as ValidationError;
}

describe('working documents in the session .zip', () => {
  it('go out with their bytes and come back on another laptop identical, the session locked as it was', async () => {
    const files = await withDocuments();
    // Sealed (format 5 hashes each document's bytes), so the locked session is taken as locked on B.
    const { dataDir, publicKeyPem } = await approveAndSealOnA();
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId }, { dataDir });
    const zip = await JSZip.loadAsync(out.bytes);
    const hashes = JSON.parse(await zip.file('hashes.json')!.async('string')) as { version: number; files: Record<string, string> };
    expect(hashes.version).toBe(2);
    expect(Object.keys(hashes.files).filter((n) => n.startsWith('documents/')).map((n) => n.split('.').pop()).sort()).toEqual(['docx', 'pdf', 'xlsx']);

    const result = await importSessionZip(b.ctx, { zipBytes: out.bytes, publicKeyPem });
    expect(result).toMatchObject({ status: 'imported', locked: true, rows: { workingDocument: 3 } });
    const there = await listWorkingDocuments(b.ctx, { sessionId: ids.sessionId });
    const here = await listWorkingDocuments(a.ctx, { sessionId: ids.sessionId });
    expect(there).toEqual(here);
    for (const d of there) {
      const got = Buffer.from((await downloadWorkingDocument(b.ctx, { documentId: d.id })).base64, 'base64');
      const want = d.symbol === 'EC/66/4/Rev.1' ? files.pdf : d.symbol === 'EC/66/5' ? files.docx : files.xlsx;
      expect(got.equals(want)).toBe(true);
      expect(sha(got)).toBe(d.sha256);
    }
    // Still locked there, documents included.
    expect(() => b.sqlite.prepare('delete from working_document').run()).toThrow(/LOCKED_SESSION/);
    // Importing the same archive again: nothing differs.
    expect(await importSessionZip(b.ctx, { zipBytes: out.bytes, publicKeyPem })).toMatchObject({ status: 'exists', identical: true });
  });

  it('replacing a session from the archive replaces its documents; a difference is shown first', async () => {
    await withDocuments();
    const first = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    await importSessionZip(b.ctx, { zipBytes: first.bytes });
    await attachWorkingDocument(a.ctx, { agendaItemId: ids.agendaItemId, symbol: 'EC/66/4/Rev.1', language: 'ar', version: 2, fileName: 'v2.pdf', contentBase64: b64(smallPdf('v2')) });
    const second = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const shown = await importSessionZip(b.ctx, { zipBytes: second.bytes });
    expect(shown).toMatchObject({ status: 'exists', identical: false });
    expect(shown.status === 'exists' && shown.differences.find((d) => d.table === 'workingDocuments')?.added).toHaveLength(1);
    await importSessionZip(b.ctx, { zipBytes: second.bytes, choice: 'replace' });
    expect((await listWorkingDocuments(b.ctx, { sessionId: ids.sessionId })).map((d) => `${d.symbol} v${d.version}`)).toContain('EC/66/4/Rev.1 v2');
  });

  it('an archive made before working documents (version 1, no list) still imports', async () => {
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const old = await rewrite(out.bytes, async (zip) => {
      const approval = JSON.parse(await zip.file('approval.json')!.async('string')) as Record<string, unknown>;
      delete approval.workingDocuments;
      zip.file('approval.json', JSON.stringify(approval));
    });
    const zip = await JSZip.loadAsync(old);
    const oldHashes = JSON.parse(await zip.file('hashes.json')!.async('string')) as Record<string, unknown>;
    zip.file('hashes.json', JSON.stringify({ ...oldHashes, version: 1 }));
    const v1 = await zip.generateAsync({ type: 'uint8array' });
    expect(await importSessionZip(b.ctx, { zipBytes: v1 })).toMatchObject({ status: 'imported' });
    expect(await listWorkingDocuments(b.ctx, { sessionId: ids.sessionId })).toEqual([]);
  });

  it('refuses a document entry altered inside the archive, with or without its hash recomputed', async () => {
    await withDocuments();
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const pdfPath = async (zip: JSZip) => Object.keys(zip.files).find((n) => n.startsWith('documents/') && n.endsWith('.pdf'))!;
    const altered = (rehash: boolean) =>
      rewrite(out.bytes, async (zip) => void zip.file(await pdfPath(zip), smallPdf('EC/66/4 forged')), rehash);
    expect((await refused(await altered(false))).message).toMatch(/documents\/.*does not match its hash/);
    // hashes.json recomputed by the forger: the document's own SHA-256 in approval.json still tells.
    expect((await refused(await altered(true))).message).toMatch(/EC\/66\/4\/Rev\.1.*does not match its SHA-256/);
  });

  it('refuses a document whose bytes are not of its declared type, even with every hash made to match', async () => {
    await withDocuments();
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const fake = png(40, 40);
    const forged = await rewrite(out.bytes, async (zip) => {
      const approval = JSON.parse(await zip.file('approval.json')!.async('string')) as { workingDocuments: { path: string; mime: string; sha256: string; byteSize: number }[] };
      const doc = approval.workingDocuments.find((d) => d.mime === 'application/pdf')!;
      zip.file(doc.path, fake);
      doc.sha256 = sha(fake);
      doc.byteSize = fake.length;
      zip.file('approval.json', JSON.stringify(approval));
    });
    expect((await refused(forged)).message).toMatch(/is not a application\/pdf file/);
  });

  it('refuses a document put on an agenda item the archive does not have', async () => {
    await withDocuments();
    const out = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const forged = await rewrite(out.bytes, async (zip) => {
      const approval = JSON.parse(await zip.file('approval.json')!.async('string')) as { workingDocuments: { agendaItemId: string }[] };
      approval.workingDocuments[0]!.agendaItemId = '00000000-0000-4000-8000-000000000000';
      zip.file('approval.json', JSON.stringify(approval));
    });
    expect((await refused(forged)).message).toMatch(/not on an agenda item of this session/);
  });
});
