// verifySealedContent's whole answer, not only its verdict: each problem's code and the message the user
// reads, the `sealed`, `keyChecked` and `trustedKey` fields, and the record checks a manifest signed by the
// right key can still fail (an unknown record format, a counted format without its count, an older format
// that still verifies). Found by the mutation run over src/seal/verify.ts (docs/mutation.md).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { ensureSealKey, fingerprintOf, type SealKey } from '../../src/seal/keys';
import { signManifest, type SealManifest } from '../../src/seal/manifest';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { sealFile } from '../../src/seal/sign';
import { readSealedContent, verifySealedContent, verifySealedFile, type VerifyOptions } from '../../src/seal/verify';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let key: SealKey;
let other: SealKey;
let file: string;
let docx: Buffer;
let manifest: SealManifest;
let sessionId: string;
const FILE = 'minutes.docx';
const MANIFEST = 'minutes.docx.seal.json';

beforeAll(async () => {
  t = await openTempDb();
  const { ids, version } = await approvedSession(t);
  sessionId = ids.sessionId;
  file = path.join(t.dir, FILE);
  fs.writeFileSync(file, await smallDocx());
  ({ manifest } = await sealFile(t.ctx, { versionId: version.id, filePath: file }, { dataDir: path.join(t.dir, 'data') }));
  key = ensureSealKey(path.join(t.dir, 'data'));
  other = ensureSealKey(tempDir('other-key-'));
  docx = fs.readFileSync(file);
});
afterAll(async () => t.cleanup());

const run = (manifestText: string | null, options: Omit<VerifyOptions, 'manifestPath'> = {}, fileBytes: Uint8Array | null = docx) =>
  verifySealedContent({ filePath: FILE, manifestPath: MANIFEST, fileBytes, manifestText }, options);
/** The manifest changed and signed again by this installation's key (a valid signature over the change). */
const resigned = (change: (m: SealManifest) => SealManifest, by: SealKey = key) => {
  const { signature: _s, ...rest } = change(structuredClone(manifest));
  return JSON.stringify(signManifest(rest, by.privateKey));
};
const opts = (extra: Omit<VerifyOptions, 'manifestPath'> = {}) => ({ publicKeyPem: key.publicKeyPem, installationFingerprint: key.fingerprint, ...extra });
const sealedOf = (m: SealManifest) => ({ fingerprint: m.fingerprint, signedAt: m.signedAt, session: m.session, minutesVersion: m.minutesVersion });

describe('verifySealedContent: the whole result', () => {
  it('VALID: every field, with the installation key trusted and the database compared', async () => {
    expect(await run(JSON.stringify(manifest), opts({ ctx: t.ctx }))).toEqual({
      valid: true,
      problems: [],
      filePath: FILE,
      manifestPath: MANIFEST,
      sealed: sealedOf(manifest),
      keyChecked: true,
      trustedKey: { fingerprint: key.fingerprint, thisInstallation: true },
    });
  });

  it('a trusted key that is not this installation\'s is said so; none trusted leaves keyChecked false and trustedKey null', async () => {
    const r = await run(JSON.stringify(manifest), { publicKeyPem: key.publicKeyPem, installationFingerprint: other.fingerprint });
    expect(r.trustedKey).toEqual({ fingerprint: key.fingerprint, thisInstallation: false });
    expect(r.valid).toBe(true);
    const none = await run(JSON.stringify(manifest), { publicKeyPem: key.publicKeyPem });
    expect(none.trustedKey).toEqual({ fingerprint: key.fingerprint, thisInstallation: false });
    const unchecked = await run(JSON.stringify(manifest));
    expect(unchecked).toMatchObject({ valid: true, problems: [], keyChecked: false, trustedKey: null, sealed: sealedOf(manifest) });
  });

  it('no manifest: not_signed naming the manifest, and nothing else read', async () => {
    expect(await run(null, opts())).toEqual({
      valid: false,
      problems: [{ code: 'not_signed', message: `no seal manifest: ${MANIFEST}` }],
      filePath: FILE,
      manifestPath: MANIFEST,
      sealed: null,
      keyChecked: false,
      trustedKey: null,
    });
  });

  it('a manifest of the wrong shape: manifest_invalid naming the field and the issue, nothing else checked', async () => {
    const m = JSON.parse(JSON.stringify(manifest)) as Record<string, Record<string, unknown>>;
    m.file!.sha256 = 'nope';
    const r = await run(JSON.stringify(m), opts({ ctx: t.ctx }));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.code).toBe('manifest_invalid');
    expect(r.problems[0]!.message).toMatch(/^not a seal manifest: file\.sha256: \S/);
    expect(r).toMatchObject({ valid: false, sealed: null, keyChecked: false, trustedKey: null });
  });

  it('a manifest whose fingerprint is not its key\'s, even correctly signed: manifest_invalid, nothing else checked', async () => {
    const r = await run(resigned((m) => ({ ...m, fingerprint: other.fingerprint })), opts({ ctx: t.ctx }));
    expect(r.problems).toEqual([{ code: 'manifest_invalid', message: 'the fingerprint in the manifest is not that of its public key' }]);
    expect(r).toMatchObject({ valid: false, sealed: null, keyChecked: false });
  });

  it('an unreadable manifest (not JSON; a key that is not Ed25519): manifest_invalid with the reason', async () => {
    const notJson = await run(JSON.stringify(manifest).slice(0, -2), opts());
    expect(notJson.problems).toHaveLength(1);
    expect(notJson.problems[0]!.code).toBe('manifest_invalid');
    expect(notJson.problems[0]!.message).toMatch(/^unreadable manifest: \S/);
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const r = await run(JSON.stringify({ ...manifest, publicKey: rsa }), opts());
    expect(r.problems).toEqual([{ code: 'manifest_invalid', message: 'unreadable manifest: not an Ed25519 public key: rsa' }]);
    expect(r.sealed).toBeNull();
  });

  it('an altered manifest, a wrong key, a changed and a missing document: each said in words', async () => {
    const altered = await run(JSON.stringify({ ...manifest, signedAt: '2020-01-01T00:00:00.000Z' }), opts());
    expect(altered.problems).toEqual([{ code: 'signature_invalid', message: 'the manifest was altered after sealing (its signature does not match)' }]);
    expect(altered.sealed?.signedAt).toBe('2020-01-01T00:00:00.000Z');
    const wrong = await run(resigned((m) => ({ ...m, publicKey: other.publicKeyPem, fingerprint: other.fingerprint }), other), opts());
    expect(wrong.problems).toEqual([{ code: 'wrong_key', message: `sealed by key ${other.fingerprint}, not by the trusted key ${key.fingerprint}` }]);
    expect(wrong).toMatchObject({ keyChecked: true, trustedKey: { fingerprint: key.fingerprint, thisInstallation: true }, sealed: { fingerprint: other.fingerprint } });
    const changed = await run(JSON.stringify(manifest), opts(), Buffer.concat([docx, Buffer.from([0])]));
    expect(changed.problems).toEqual([{ code: 'document_changed', message: 'the document is not the one sealed (its SHA-256 differs)' }]);
    const missing = await run(JSON.stringify(manifest), opts(), null);
    expect(missing.problems).toEqual([{ code: 'document_changed', message: `the sealed file is missing: ${FILE}` }]);
  });

  it('an unusable trusted key is the caller\'s error, thrown, not a problem of the seal', async () => {
    await expect(run(JSON.stringify(manifest), { publicKeyPem: 'not a key' })).rejects.toThrow(/^the trusted public key is not usable: \S/);
  });
});

describe('verifySealedContent: the record in the database', () => {
  it('a session not in this database: session_missing with its number and id, and no record check', async () => {
    const empty = await openTempDb();
    try {
      const r = await run(JSON.stringify(manifest), opts({ ctx: empty.ctx }));
      expect(r.problems).toEqual([{ code: 'session_missing', message: `session 66 (${sessionId}) is not in this database` }]);
    } finally {
      await empty.cleanup();
    }
  });

  it('a record format this app does not know, even correctly signed: record_changed saying so', async () => {
    const r = await run(resigned((m) => ({ ...m, record: { ...m.record, format: 'council-record/99' } })), opts({ ctx: t.ctx }));
    expect(r.problems).toEqual([{ code: 'record_changed', message: 'the record format council-record/99 is not known to this app' }]);
    // Without a database the record is not compared at all.
    expect((await run(resigned((m) => ({ ...m, record: { ...m.record, format: 'council-record/99' } })), opts())).valid).toBe(true);
  });

  it('a counted format (3, 4, 5) without its corrigenda count, even correctly signed: record_changed', async () => {
    for (const format of ['council-record/3', 'council-record/4', 'council-record/5']) {
      const r = await run(resigned((m) => ({ ...m, record: { format, canonicalization: m.record.canonicalization, sha256: m.record.sha256 } })), opts({ ctx: t.ctx }));
      expect(r.problems).toEqual([{ code: 'record_changed', message: `a ${format} seal must state how many corrigenda it holds` }]);
    }
  });

  it('an older format (1, 2) without a count verifies against its own record; a wrong hash does not', async () => {
    for (const format of ['council-record/1', 'council-record/2'] as const) {
      const sha = await inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, format)));
      const ok = await run(resigned((m) => ({ ...m, record: { format, canonicalization: m.record.canonicalization, sha256: sha } })), opts({ ctx: t.ctx }));
      expect(ok.problems, format).toEqual([]);
      const bad = await run(resigned((m) => ({ ...m, record: { format, canonicalization: m.record.canonicalization, sha256: 'f'.repeat(64) } })), opts({ ctx: t.ctx }));
      expect(bad.problems, format).toEqual([{ code: 'record_changed', message: "the session's record in this database differs from the sealed one" }]);
    }
  });
});

describe('readSealedContent', () => {
  it('reads the file and the manifest beside it, or the manifest named; null for what is missing', () => {
    const beside = readSealedContent(file);
    expect(beside).toEqual({ filePath: path.resolve(file), manifestPath: `${path.resolve(file)}.seal.json`, fileBytes: docx, manifestText: fs.readFileSync(`${file}.seal.json`, 'utf8') });
    const named = path.join(t.dir, 'elsewhere.json');
    fs.writeFileSync(named, '{"named": true}');
    expect(readSealedContent(file, named)).toMatchObject({ manifestPath: named, manifestText: '{"named": true}' });
    const gone = readSealedContent(path.join(t.dir, 'none.docx'));
    expect(gone).toEqual({ filePath: path.join(t.dir, 'none.docx'), manifestPath: path.join(t.dir, 'none.docx.seal.json'), fileBytes: null, manifestText: null });
  });

  it('verifySealedFile reads the manifest named, not the one beside the file', async () => {
    const named = path.join(t.dir, 'copy.seal.json');
    fs.writeFileSync(named, JSON.stringify({ ...manifest, signedAt: '2020-01-01T00:00:00.000Z' }));
    const r = await verifySealedFile(file, { manifestPath: named, publicKeyPem: key.publicKeyPem });
    expect(r.manifestPath).toBe(named);
    expect(r.problems.map((p) => p.code)).toEqual(['signature_invalid']);
    expect((await verifySealedFile(file, { publicKeyPem: key.publicKeyPem })).valid).toBe(true);
    expect(fingerprintOf(key.publicKeyPem)).toBe(key.fingerprint);
  });
});
