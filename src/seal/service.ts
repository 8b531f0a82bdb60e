// The seal for the UI and the API: seal the approved minutes and hand them back with their manifest,
// verify a file the user picked (the installation's key trusted by default), show and export the key.
// The host passes its data folder (the key lives in <data>/seal) and, in the desktop app, a printer for
// the PDF; these functions never touch Electron and never take a path from the renderer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext } from '../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { generateMinutesDocx, generateMinutesHtml } from '../minutes/generate';
import { exportPublicKey, parsePublicKey, PUBLIC_KEY_FILE } from './keys';
import { MANIFEST_SUFFIX } from './manifest';
import { printAndSealPdf, type PrintToPdf } from './pdf';
import { sealMinutesSchema, verifySealedFileSchema, verifyUploadSchema } from './schema';
import { sealFile, sealFingerprint, type SealHost } from './sign';
import type { SealKeyView, SealedMinutes } from './types';
import { verifySealedFile, type VerifyOptions, type VerifyResult } from './verify';
import { verifyAnySealedContent } from './document-verify';

/** What the host offers the seal: its data folder, and a printer where it has one (Electron). */
export interface SealHostServices extends SealHost {
  printToPdf?: PrintToPdf;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export async function verifySealed(ctx: CoreContext, input: unknown, host: SealHost): Promise<VerifyResult> {
  const data = validate(verifySealedFileSchema, input);
  const own = exportPublicKey(host.dataDir);
  const options: VerifyOptions = { publicKeyPem: data.publicKeyPem ?? own.publicKeyPem, installationFingerprint: own.fingerprint };
  if (data.manifestPath) options.manifestPath = data.manifestPath;
  if (data.compareRecord) options.ctx = ctx;
  return verifySealedFile(data.filePath, options);
}

export async function sealPublicKey(_ctx: CoreContext, _input: unknown, host: SealHost): Promise<{ publicKeyPem: string; fingerprint: string }> {
  return exportPublicKey(host.dataDir);
}

/** The key as the UI shows it (made on first use), and whether this host can seal a PDF. */
export async function sealKeyView(_ctx: CoreContext, _input: unknown, host: SealHostServices): Promise<SealKeyView> {
  const { publicKeyPem, fingerprint } = exportPublicKey(host.dataDir);
  return { publicKeyPem, fingerprint, fileName: PUBLIC_KEY_FILE, pdfAvailable: Boolean(host.printToPdf) };
}

/**
 * Generate the version's minutes (the fingerprint in the footer), seal them, and return the document and
 * its manifest as files for the host to save. The sealing happens in a private temporary folder that is
 * removed afterwards; what stays is the seal record, the audit entry and the version marked signed.
 */
export async function sealMinutes(ctx: CoreContext, input: unknown, host: SealHostServices): Promise<SealedMinutes> {
  const data = validate(sealMinutesSchema, input);
  const version = await ctx.db.selectFrom('minutesVersion').selectAll().where('id', '=', data.versionId).executeTakeFirst();
  if (!version) throw new NotFoundError('versionId', 'minutes version', data.versionId);
  if (version.status !== 'approved' && version.status !== 'signed') {
    throw new ConflictError('versionId', `only approved minutes are sealed; this version is ${version.status}`, 'seal_needs_approved', { status: version.status });
  }
  if (data.format === 'pdf' && !host.printToPdf) {
    throw new ValidationError('format', 'this host cannot print a PDF: seal the .docx here, or the PDF in the desktop app', 'pdf_not_in_this_host');
  }
  const session = await ctx.db.selectFrom('councilSession').select(['kind', 'number']).where('id', '=', version.sessionId).executeTakeFirstOrThrow();
  const lang = data.lang ?? ((version.language.split('+')[0] ?? 'ar') as 'ar' | 'en' | 'fr');
  const options = { lang, sealFingerprint: sealFingerprint(host), ...(data.timeZone ? { timeZone: data.timeZone } : {}) };
  const name = `minutes-${session.kind}-${session.number}-v${version.version}-${lang}.${data.format}`;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-seal-'));
  try {
    const filePath = path.join(dir, name);
    let manifestPath: string;
    if (data.format === 'docx') {
      fs.writeFileSync(filePath, await generateMinutesDocx(ctx, version.sessionId, options));
      manifestPath = (await sealFile(ctx, { versionId: version.id, filePath }, host)).manifestPath;
    } else {
      const html = await generateMinutesHtml(ctx, version.sessionId, options);
      manifestPath = (await printAndSealPdf(ctx, { versionId: version.id, html, outPath: filePath }, { dataDir: host.dataDir, printToPdf: host.printToPdf! })).manifestPath;
    }
    const manifestText = fs.readFileSync(manifestPath, 'utf8');
    const manifest = JSON.parse(manifestText) as { fingerprint: string; signedAt: string };
    return {
      document: { fileName: name, mimeType: MIME[data.format], base64: fs.readFileSync(filePath).toString('base64') },
      manifest: { fileName: name + MANIFEST_SUFFIX, mimeType: 'application/json', base64: Buffer.from(manifestText, 'utf8').toString('base64') },
      fingerprint: manifest.fingerprint,
      signedAt: manifest.signedAt,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Check a file the user picked against the manifest they picked. The installation's key is trusted unless
 * the user gives one (the sealing laptop's exported public key, to check minutes sealed elsewhere).
 */
export async function verifyUpload(ctx: CoreContext, input: unknown, host: SealHost): Promise<VerifyResult> {
  const data = validate(verifyUploadSchema, input);
  const own = exportPublicKey(host.dataDir);
  let publicKeyPem: string;
  if (data.publicKeyPem) {
    try {
      parsePublicKey(data.publicKeyPem);
    } catch (err) {
      throw new ValidationError('publicKeyPem', `not an Ed25519 public key: ${(err as Error).message}`, 'not_public_key');
    }
    publicKeyPem = data.publicKeyPem;
  } else {
    publicKeyPem = own.publicKeyPem;
  }
  return verifyAnySealedContent(
    {
      filePath: data.fileName,
      manifestPath: data.fileName + MANIFEST_SUFFIX,
      fileBytes: new Uint8Array(Buffer.from(data.fileBase64, 'base64')),
      manifestText: data.manifestText ?? null,
    },
    { publicKeyPem, installationFingerprint: own.fingerprint, ctx },
  );
}
