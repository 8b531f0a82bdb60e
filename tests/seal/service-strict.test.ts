// The seal's services as the UI calls them, pinned where the mutation run found them loose: each refusal
// of sealMinutes with its field, message and code; the files it hands back (names, types, the manifest
// as written) and no temporary folder left behind; verifySealed's manifest path and record comparison;
// verifyUpload refusing a key that is not one.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMinutesVersion, unlockSession } from '../../src/approval/service';
import { sealMinutes, verifySealed, verifyUpload } from '../../src/seal/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { approvedSession } from './world';

let t: TempDb;
let dataDir: string;
beforeEach(async () => {
  t = await openTempDb();
  dataDir = path.join(t.dir, 'data');
});
afterEach(async () => t.cleanup());

const refusal = (e: unknown) => {
  const err = e as { constructor: { name: string }; field: string; message: string; issueCode?: string; issueParams?: unknown; issues?: { code: string }[] };
  return { type: err.constructor.name, field: err.field, message: err.message, code: err.issueCode ?? err.issues?.[0]?.code, params: err.issueParams };
};
const tempFolders = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('council-seal-')).length;

describe('sealMinutes', () => {
  it('refuses an unknown version, a draft, and a PDF where the host cannot print, each on its field', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(refusal(await sealMinutes(t.ctx, { versionId: unknown, format: 'docx' }, { dataDir }).catch((e) => e))).toEqual({
      type: 'NotFoundError', field: 'versionId', message: `minutes version not found: ${unknown}`, code: 'not_found', params: undefined,
    });
    const { ids, version } = await approvedSession(t);
    expect(refusal(await sealMinutes(t.ctx, { versionId: version.id, format: 'pdf' }, { dataDir }).catch((e) => e))).toEqual({
      type: 'ValidationError', field: 'format', message: 'this host cannot print a PDF: seal the .docx here, or the PDF in the desktop app', code: 'pdf_not_in_this_host', params: undefined,
    });
    await unlockSession(t.ctx, { sessionId: ids.sessionId, reason: 'approved by mistake, in the wrong sitting' });
    const draft = await createMinutesVersion(t.ctx, { sessionId: ids.sessionId, language: 'ar' });
    expect(refusal(await sealMinutes(t.ctx, { versionId: draft.id, format: 'docx' }, { dataDir }).catch((e) => e))).toEqual({
      type: 'ConflictError', field: 'versionId', message: 'only approved minutes are sealed; this version is draft', code: 'seal_needs_approved', params: { status: 'draft' },
    });
  });

  it('hands back the .docx and its manifest as written, and leaves no temporary folder', async () => {
    const { version } = await approvedSession(t);
    const before = tempFolders();
    const sealed = await sealMinutes(t.ctx, { versionId: version.id, format: 'docx', lang: 'en' }, { dataDir });
    expect(tempFolders()).toBe(before);
    const name = 'minutes-ordinary-66-v1-en.docx';
    expect(sealed.document).toMatchObject({ fileName: name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(sealed.manifest).toMatchObject({ fileName: `${name}.seal.json`, mimeType: 'application/json' });
    const text = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    const manifest = JSON.parse(text) as { fingerprint: string; signedAt: string; file: { name: string } };
    expect(text.endsWith('}\n')).toBe(true);
    expect({ fingerprint: sealed.fingerprint, signedAt: sealed.signedAt, file: manifest.file.name }).toEqual({ fingerprint: manifest.fingerprint, signedAt: manifest.signedAt, file: name });
    expect(Buffer.from(sealed.document.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');

    // Checked where the user keeps them: the manifest named, and the record compared only when asked.
    const dir = path.join(t.dir, 'kept');
    fs.mkdirSync(dir);
    const file = path.join(dir, name);
    const elsewhere = path.join(dir, 'the-seal.json');
    fs.writeFileSync(file, Buffer.from(sealed.document.base64, 'base64'));
    fs.writeFileSync(elsewhere, text);
    expect((await verifySealed(t.ctx, { filePath: file }, { dataDir })).problems.map((p) => p.code)).toEqual(['not_signed']);
    expect((await verifySealed(t.ctx, { filePath: file, manifestPath: elsewhere }, { dataDir })).problems).toEqual([]);
    t.sqlite.exec('drop trigger decision_locked_update_old');
    t.sqlite.prepare(`update decision set text_en = 'changed'`).run();
    expect((await verifySealed(t.ctx, { filePath: file, manifestPath: elsewhere, compareRecord: false }, { dataDir })).problems).toEqual([]);
    expect((await verifySealed(t.ctx, { filePath: file, manifestPath: elsewhere }, { dataDir })).problems.map((p) => p.code)).toEqual(['record_changed']);
  });
});

describe('verifyUpload', () => {
  it('refuses a key that is not an Ed25519 public key, on its field', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const err = await verifyUpload(t.ctx, { fileName: 'm.docx', fileBase64: 'UEsDBA==', publicKeyPem: rsa }, { dataDir }).catch((e) => e);
    expect(refusal(err)).toMatchObject({ type: 'ValidationError', field: 'publicKeyPem', code: 'not_public_key' });
    expect((err as Error).message).toMatch(/^not an Ed25519 public key: ./);
  });
});
