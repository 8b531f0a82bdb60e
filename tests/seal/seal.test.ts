// Sealing the approved minutes and checking the seal: every kind of tampering is caught with its reason.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockSession } from '../../src/approval/service';
import { ensureSealKey, fingerprintOf, PRIVATE_KEY_FILE, sealKeyDir } from '../../src/seal/keys';
import { manifestSchema } from '../../src/seal/manifest';
import { sealFile } from '../../src/seal/sign';
import { verifySealedFile } from '../../src/seal/verify';
import { ConflictError, ValidationError } from '../../src/errors';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let docxPath: string;
let dataDir: string;
beforeEach(async () => {
  t = await openTempDb();
  dataDir = path.join(t.dir, 'data');
  docxPath = path.join(t.dir, 'out', 'minutes-66.docx');
  fs.mkdirSync(path.dirname(docxPath), { recursive: true });
  fs.writeFileSync(docxPath, await smallDocx());
});
afterEach(async () => t.cleanup());

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code).sort();

async function sealed() {
  const { ids, version } = await approvedSession(t);
  const result = await sealFile(t.ctx, { versionId: version.id, filePath: docxPath }, { dataDir });
  return { ids, version, ...result, key: ensureSealKey(dataDir) };
}

describe('the installation key', () => {
  it('is made on first use with a private file of mode 0600, and kept', () => {
    const first = ensureSealKey(dataDir);
    expect(first.created).toBe(true);
    const mode = fs.statSync(path.join(sealKeyDir(dataDir), PRIVATE_KEY_FILE)).mode & 0o777;
    expect(mode).toBe(0o600);
    const again = ensureSealKey(dataDir);
    expect(again.created).toBe(false);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(fingerprintOf(first.publicKeyPem)).toBe(first.fingerprint);
    expect(fs.readFileSync(first.publicKeyPath, 'utf8')).toBe(first.publicKeyPem);
  });

  it('narrows a private key file that was copied in with a wider mode', () => {
    const { privateKeyPath } = ensureSealKey(dataDir);
    fs.chmodSync(privateKeyPath, 0o644);
    ensureSealKey(dataDir);
    expect(fs.statSync(privateKeyPath).mode & 0o777).toBe(0o600);
  });
});

describe('sealing', () => {
  it('writes the manifest beside the .docx, records the seal and marks the version signed', async () => {
    const { manifestPath, manifest, version, key } = await sealed();
    expect(manifestPath).toBe(docxPath + '.seal.json');
    const onDisk = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
    expect(onDisk).toEqual(manifest);
    expect(manifest.fingerprint).toBe(key.fingerprint);
    expect(manifest.session.number).toBe(66);
    expect(manifest.minutesVersion).toBe(1);
    const row = t.sqlite.prepare('select status, docx_sha256 from minutes_version where id = ?').get(version.id);
    expect(row).toEqual({ status: 'signed', docx_sha256: manifest.file.sha256 });
    expect(t.sqlite.prepare('select count(*) n from seal_record').get()).toEqual({ n: 1 });
    const actions = (t.sqlite.prepare('select action from audit_entry order by id').all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['minutes.seal', 'minutes.version.sign']));
  });

  it('refuses minutes that are not approved, and a file that is neither .docx nor PDF', async () => {
    const { ids, version } = await approvedSession(t);
    void ids;
    const txt = path.join(t.dir, 'x.txt');
    fs.writeFileSync(txt, 'hello');
    await expect(sealFile(t.ctx, { versionId: version.id, filePath: txt }, { dataDir })).rejects.toBeInstanceOf(ValidationError);
    const other = await approvedSession(t, 67);
    // A new draft of session 67 after unlocking: drafts are not sealed.
    await unlockSession(t.ctx, { sessionId: other.ids.sessionId, reason: 'approved by mistake, in the wrong sitting' });
    const { createMinutesVersion } = await import('../../src/approval/service');
    const draft = await createMinutesVersion(t.ctx, { sessionId: other.ids.sessionId, language: 'ar' });
    const err = await sealFile(t.ctx, { versionId: draft.id, filePath: docxPath }, { dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).field).toBe('versionId');
    expect(fs.existsSync(docxPath + '.seal.json')).toBe(false);
  });
});

describe('verifying', () => {
  it('is valid for the untouched file, with the trusted key and the database', async () => {
    const { key } = await sealed();
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.keyChecked).toBe(true);
    expect(r.sealed?.fingerprint).toBe(key.fingerprint);
  });

  it('says "not signed" when there is no manifest', async () => {
    const r = await verifySealedFile(docxPath);
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['not_signed']);
  });

  it('catches one changed byte of the .docx', async () => {
    const { key } = await sealed();
    const bytes = fs.readFileSync(docxPath);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    fs.writeFileSync(docxPath, bytes);
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(codes(r)).toEqual(['document_changed']);
  });

  it('catches one word changed inside word/document.xml (unzipped, edited, zipped again)', async () => {
    const { key } = await sealed();
    const zip = await JSZip.loadAsync(fs.readFileSync(docxPath));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('adopts');
    zip.file('word/document.xml', xml.replace('adopts', 'rejects'));
    fs.writeFileSync(docxPath, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem });
    expect(codes(r)).toEqual(['document_changed']);
  });

  it('catches an edited manifest (a new hash to match a changed document)', async () => {
    const { key, manifestPath } = await sealed();
    fs.writeFileSync(docxPath, await smallDocx('The Council rejects the budget'));
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    m.file.sha256 = (await import('../../src/seal/sign')).sha256Hex(fs.readFileSync(docxPath));
    fs.writeFileSync(manifestPath, JSON.stringify(m));
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem });
    expect(codes(r)).toEqual(['signature_invalid']);
  });

  it('catches an edited date in the manifest, and a manifest that is not one', async () => {
    const { manifestPath } = await sealed();
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    fs.writeFileSync(manifestPath, JSON.stringify({ ...m, signedAt: '2020-01-01T00:00:00.000Z' }));
    expect(codes(await verifySealedFile(docxPath))).toEqual(['signature_invalid']);
    fs.writeFileSync(manifestPath, '{"format": "something else"');
    expect(codes(await verifySealedFile(docxPath))).toEqual(['manifest_invalid']);
  });

  it('catches a seal made with a foreign key, re-signed consistently', async () => {
    const { key } = await sealed();
    // Someone seals the same approved minutes with their own installation's key.
    const foreignData = tempDir('foreign-key-');
    const versionId = (t.sqlite.prepare('select id from minutes_version').get() as { id: string }).id;
    await sealFile(t.ctx, { versionId, filePath: docxPath }, { dataDir: foreignData });
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(codes(r)).toEqual(['wrong_key']);
    // Without a trusted key, the foreign seal is consistent but the result says the key was not checked.
    const unchecked = await verifySealedFile(docxPath);
    expect(unchecked.valid).toBe(true);
    expect(unchecked.keyChecked).toBe(false);
    fs.rmSync(foreignData, { recursive: true, force: true });
  });

  it('catches a foreign public key pasted into the manifest', async () => {
    const { key, manifestPath } = await sealed();
    const foreignData = tempDir('foreign-key-');
    const foreign = ensureSealKey(foreignData);
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    fs.writeFileSync(manifestPath, JSON.stringify({ ...m, publicKey: foreign.publicKeyPem, fingerprint: foreign.fingerprint }));
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem });
    expect(codes(r)).toEqual(['signature_invalid', 'wrong_key']);
    fs.rmSync(foreignData, { recursive: true, force: true });
  });

  it("catches a change to the session's record in the database", async () => {
    const { key, ids } = await sealed();
    await unlockSession(t.ctx, { sessionId: ids.sessionId, reason: 'a wrong figure found in the budget vote' });
    t.sqlite.prepare('update vote set yes = 2 where id = ?').run(ids.voteId);
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(codes(r)).toEqual(['record_changed']);
  });

  it('still verifies the signed minutes after a corrigendum is recorded (the correction is a new record, not a change)', async () => {
    const { key, ids } = await sealed();
    const { addCorrigendum } = await import('../../src/corrigenda/service');
    await addCorrigendum(t.ctx, { sessionId: ids.sessionId, textAr: 'تصحيح', textEn: 'Correction', textFr: 'Rectificatif', reason: 'a typo in the decision' });
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(codes(r)).toEqual([]);
  });

  it('does not count follow-up progress (action_item.status) as a record change', async () => {
    const { key, ids } = await sealed();
    t.sqlite.prepare(`update action_item set status = 'done' where id = ?`).run(ids.actionItemId);
    const r = await verifySealedFile(docxPath, { publicKeyPem: key.publicKeyPem, ctx: t.ctx });
    expect(r.valid).toBe(true);
  });

  it('says when the sealed session is not in the database', async () => {
    await sealed();
    const other = await openTempDb();
    const r = await verifySealedFile(docxPath, { ctx: other.ctx });
    expect(codes(r)).toEqual(['session_missing']);
    await other.cleanup();
  });
});

describe('verifySealed (the UI call)', () => {
  it("trusts this installation's key by default and names the field of a bad input", async () => {
    await sealed();
    const { verifySealed } = await import('../../src/seal/service');
    const ok = await verifySealed(t.ctx, { filePath: docxPath }, { dataDir });
    expect(ok.valid).toBe(true);
    expect(ok.keyChecked).toBe(true);
    const foreign = await verifySealed(t.ctx, { filePath: docxPath }, { dataDir: tempDir('other-install-') });
    expect(foreign.problems.map((p) => p.code)).toEqual(['wrong_key']);
    const err = await verifySealed(t.ctx, { filePath: '' }, { dataDir }).catch((e: unknown) => e);
    expect((err as ValidationError).field).toBe('filePath');
  });
});
