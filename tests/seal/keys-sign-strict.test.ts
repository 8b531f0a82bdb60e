// The installation key and sealing, pinned where a mutation run (docs/mutation.md) found them loose: the
// key never overwritten by a second maker, an unusable key file refused, the public key rewritten only
// when it differs, the file kinds by their exact bytes, each refusal's field, message and code, a PDF
// sealed after the .docx keeping the .docx's hash, and the audit entry and manifest file exactly.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMinutesVersion, unlockSession } from '../../src/approval/service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { ensureSealKey, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, sealKeyDir } from '../../src/seal/keys';
import { fileKindOf, sealFile, sealFingerprint, sha256Hex } from '../../src/seal/sign';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let dataDir: string;
let docxPath: string;
beforeEach(async () => {
  t = await openTempDb();
  dataDir = path.join(t.dir, 'data');
  docxPath = path.join(t.dir, 'minutes-66.docx');
  fs.writeFileSync(docxPath, await smallDocx());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.cleanup();
});

const privatePath = () => path.join(sealKeyDir(dataDir), PRIVATE_KEY_FILE);
const publicPath = () => path.join(sealKeyDir(dataDir), PUBLIC_KEY_FILE);
const refusal = (e: unknown) => {
  const err = e as ValidationError & { issueCode?: string; issueParams?: unknown };
  return { type: err.constructor.name, field: err.field, message: err.message, code: err.issueCode ?? err.issues?.[0]?.code, params: err.issueParams ?? err.issues?.[0]?.params };
};

describe('the installation key', () => {
  it('is never overwritten when another process made it between the check and the write', () => {
    const first = ensureSealKey(dataDir);
    const real = fs.existsSync;
    // The check says "none" although the file is there: the exclusive write must fail and keep it.
    vi.spyOn(fs, 'existsSync').mockImplementation((p) => (p === privatePath() ? false : real(p)));
    const second = ensureSealKey(dataDir);
    expect(second.created).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('passes on any other failure to write the private key', () => {
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((p, ...rest) => {
      if (p === privatePath()) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      return real(p, ...(rest as [string]));
    });
    expect(() => ensureSealKey(dataDir)).toThrow('disk full');
  });

  it('refuses a private key file that is not Ed25519, naming the file', () => {
    fs.mkdirSync(sealKeyDir(dataDir), { recursive: true });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    fs.writeFileSync(privatePath(), rsa, { mode: 0o600 });
    expect(() => ensureSealKey(dataDir)).toThrow(`${privatePath()} is not an Ed25519 key`);
  });

  it('rewrites the public key file only when it differs from the private key', () => {
    const key = ensureSealKey(dataDir);
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(publicPath(), old, old);
    ensureSealKey(dataDir);
    expect(fs.statSync(publicPath()).mtime.getTime()).toBe(old.getTime());
    fs.writeFileSync(publicPath(), 'not the key');
    ensureSealKey(dataDir);
    expect(fs.readFileSync(publicPath(), 'utf8')).toBe(key.publicKeyPem);
  });

  it('leaves the mode alone on Windows, where the profile ACL guards it', () => {
    const { privateKeyPath } = ensureSealKey(dataDir);
    fs.chmodSync(privateKeyPath, 0o644);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      ensureSealKey(dataDir);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(fs.statSync(privateKeyPath).mode & 0o777).toBe(0o644);
  });

  it('gives its fingerprint for the minutes footer', () => {
    expect(sealFingerprint({ dataDir })).toBe(ensureSealKey(dataDir).fingerprint);
  });
});

describe('the kind of a file, by its first bytes', () => {
  it('is docx for exactly PK 03 04, pdf for exactly %PDF-, else none', () => {
    const b = (...xs: number[]) => Uint8Array.from(xs);
    expect(fileKindOf(b(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('docx');
    for (let i = 0; i < 4; i++) {
      const bytes = [0x50, 0x4b, 0x03, 0x04].map((x, j) => (j === i ? x ^ 0x01 : x));
      expect(fileKindOf(b(...bytes)), `byte ${i}`).toBeNull();
    }
    expect(fileKindOf(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(fileKindOf(Buffer.from('%PDF'))).toBeNull();
    expect(fileKindOf(Buffer.from('%PDX-1.7'))).toBeNull();
    expect(fileKindOf(Buffer.from(''))).toBeNull();
  });
});

describe('sealing refuses', () => {
  it('a missing file, a file of another kind, an unknown version and a draft, each on its field with its code', async () => {
    const { version } = await approvedSession(t);
    const missing = path.join(t.dir, 'gone.docx');
    expect(refusal(await sealFile(t.ctx, { versionId: version.id, filePath: missing }, { dataDir }).catch((e) => e))).toEqual({
      type: NotFoundError.name, field: 'filePath', message: `file not found: ${missing.length > 40 ? expect.any(String) : missing}`, code: 'not_found', params: undefined,
    });
    const txt = path.join(t.dir, 'x.txt');
    fs.writeFileSync(txt, 'hello');
    expect(refusal(await sealFile(t.ctx, { versionId: version.id, filePath: txt }, { dataDir }).catch((e) => e))).toEqual({
      type: ValidationError.name, field: 'filePath', message: 'only a .docx or a PDF can be sealed', code: 'not_sealable_file', params: undefined,
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(refusal(await sealFile(t.ctx, { versionId: unknown, filePath: docxPath }, { dataDir }).catch((e) => e))).toEqual({
      type: NotFoundError.name, field: 'versionId', message: `minutes version not found: ${unknown}`, code: 'not_found', params: undefined,
    });
    const other = await approvedSession(t, 67);
    await unlockSession(t.ctx, { sessionId: other.ids.sessionId, reason: 'approved by mistake, in the wrong sitting' });
    const draft = await createMinutesVersion(t.ctx, { sessionId: other.ids.sessionId, language: 'ar' });
    expect(refusal(await sealFile(t.ctx, { versionId: draft.id, filePath: docxPath }, { dataDir }).catch((e) => e))).toEqual({
      type: ConflictError.name, field: 'versionId', message: 'only approved minutes are sealed; this version is draft', code: 'seal_needs_approved', params: { status: 'draft' },
    });
    expect(fs.existsSync(`${docxPath}.seal.json`)).toBe(false);
    expect(t.sqlite.prepare('select count(*) n from seal_record').get()).toEqual({ n: 0 });
  });
});

describe('a seal', () => {
  it('of the .docx is audited with the manifest but its key, and written as indented JSON ending in a newline', async () => {
    const { version } = await approvedSession(t);
    const { manifest, manifestPath } = await sealFile(t.ctx, { versionId: version.id, filePath: docxPath }, { dataDir });
    expect(fs.readFileSync(manifestPath, 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    const seal = t.sqlite.prepare('select id from seal_record').get() as { id: string };
    const audit = t.sqlite.prepare(`select action, entity, entity_id, after_json from audit_entry where action = 'minutes.seal'`).get() as Record<string, string>;
    const { publicKey, ...rest } = manifest;
    void publicKey;
    expect({ ...audit, after_json: JSON.parse(audit.after_json!) }).toEqual({ action: 'minutes.seal', entity: 'seal_record', entity_id: seal.id, after_json: rest });
  });

  it('of a PDF after the .docx keeps the .docx hash on the version; a PDF first leaves it as it was', async () => {
    const { version } = await approvedSession(t);
    const pdf = path.join(t.dir, 'minutes-66.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n% a test page\n%%EOF\n');
    const before = t.sqlite.prepare('select docx_sha256 d from minutes_version where id = ?').get(version.id) as { d: string | null };
    const first = await sealFile(t.ctx, { versionId: version.id, filePath: pdf }, { dataDir });
    expect(first.manifest.file).toEqual({ name: 'minutes-66.pdf', kind: 'pdf', sha256: sha256Hex(fs.readFileSync(pdf)), bytes: fs.statSync(pdf).size });
    const after = t.sqlite.prepare('select status, docx_sha256 d from minutes_version where id = ?').get(version.id);
    expect(after).toEqual({ status: 'signed', d: before.d });
    expect(before.d).not.toBe(first.manifest.file.sha256);
  });
});
