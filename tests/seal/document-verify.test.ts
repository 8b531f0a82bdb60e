// A sealed session document (council-document-seal/1): its manifest's schema field by field, and
// verifyDocumentSealContent's whole answer (codes, messages, key fields, the record when sealed after the
// session, none when issued before it), and verifyAny* sending each manifest to its own checks. For the
// mutation run over src/seal/document-*.ts (docs/mutation.md).
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import {
  DOCUMENT_SEAL_FORMAT,
  documentManifestSchema,
  documentManifestSignatureValid,
  isDocumentManifestText,
  signDocumentManifest,
  type UnsignedDocumentManifest,
} from '../../src/seal/document-manifest';
import { verifyAnySealedContent, verifyAnySealedFile, verifyDocumentSealContent } from '../../src/seal/document-verify';
import { ensureSealKey, type SealKey } from '../../src/seal/keys';
import { RECORD_CANONICALIZATION } from '../../src/seal/manifest';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { sha256Hex } from '../../src/seal/sign';
import type { VerifyOptions } from '../../src/seal/verify';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { approvedSession } from './world';

let t: TempDb;
let key: SealKey;
let other: SealKey;
let sessionId: string;
let unsigned: UnsignedDocumentManifest;
const doc = Buffer.from('PK\u0003\u0004 the decisions of the 66th session');
const FILE = 'decisions.docx';
const MANIFEST = 'decisions.docx.seal.json';

beforeAll(async () => {
  t = await openTempDb();
  ({ ids: { sessionId } } = await approvedSession(t));
  key = ensureSealKey(tempDir('doc-key-'));
  other = ensureSealKey(tempDir('doc-other-'));
  const sha = await inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, 'council-record/5', { corrigendaUpTo: 0 })));
  unsigned = {
    format: DOCUMENT_SEAL_FORMAT,
    file: { name: FILE, kind: 'docx', sha256: sha256Hex(doc), bytes: doc.length },
    document: { kind: 'decisions', lang: 'ar' },
    session: { id: sessionId, kind: 'ordinary', number: 66 },
    record: { format: 'council-record/5', canonicalization: RECORD_CANONICALIZATION, sha256: sha, corrigenda: 0 },
    publicKey: key.publicKeyPem,
    fingerprint: key.fingerprint,
    signedAt: '2026-11-12T09:00:00.000Z',
  };
});
afterAll(async () => t.cleanup());

const signed = (change: (m: UnsignedDocumentManifest) => UnsignedDocumentManifest = (m) => m, by: SealKey = key) =>
  signDocumentManifest(change(structuredClone(unsigned)), by.privateKey);
const text = (m: unknown) => JSON.stringify(m);
const opts = (extra: Omit<VerifyOptions, 'manifestPath'> = {}) => ({ publicKeyPem: key.publicKeyPem, installationFingerprint: key.fingerprint, ...extra });
const run = (manifestText: string | null, options: Omit<VerifyOptions, 'manifestPath'> = opts(), fileBytes: Uint8Array | null = doc) =>
  verifyDocumentSealContent({ filePath: FILE, manifestPath: MANIFEST, fileBytes, manifestText }, options);

describe('the document seal manifest', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest to be broken, field by field
  const verdict = (change: (m: Record<string, any>) => void) => {
    const m = structuredClone(signed()) as unknown as Record<string, unknown>;
    change(m);
    const r = documentManifestSchema.safeParse(m);
    return r.success ? 'ok' : r.error.issues[0]!.path.join('.');
  };
  it('accepts the signed manifest, a null record, every document kind and language', () => {
    expect(verdict(() => undefined)).toBe('ok');
    expect(verdict((m) => (m.record = null))).toBe('ok');
    expect(verdict((m) => (m.session.kind = 'extraordinary'))).toBe('ok');
    expect(DOCUMENT_SEAL_FORMAT).toBe('council-document-seal/1');
    for (const kind of ['decisions', 'follow-up', 'agenda', 'documents-list', 'convocation']) expect(verdict((m) => (m.document.kind = kind))).toBe('ok');
    for (const lang of ['ar', 'en', 'fr']) expect(verdict((m) => (m.document.lang = lang))).toBe('ok');
  });
  const refused: [string, (m: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['format', (m) => (m.format = 'council-seal/1')],
    ['file.kind', (m) => (m.file.kind = 'pdf')],
    ['file.name', (m) => (m.file.name = '')],
    ['file.sha256', (m) => (m.file.sha256 += '0')],
    ['file.sha256', (m) => (m.file.sha256 = 'x' + m.file.sha256)],
    ['file.bytes', (m) => (m.file.bytes = -1)],
    ['document.kind', (m) => (m.document.kind = 'minutes')],
    ['document.lang', (m) => (m.document.lang = 'de')],
    ['document', (m) => (m.document.extra = 1)],
    ['session.id', (m) => (m.session.id = '')],
    ['session.kind', (m) => (m.session.kind = 'special')],
    ['record.format', (m) => (m.record.format = '')],
    ['record.canonicalization', (m) => (m.record.canonicalization = '')],
    ['record.sha256', (m) => (m.record.sha256 += 'f')],
    ['record.corrigenda', (m) => delete m.record.corrigenda],
    ['record.corrigenda', (m) => (m.record.corrigenda = -1)],
    ['record', (m) => (m.record.scope = 'all')],
    ['publicKey', (m) => (m.publicKey = 'ed25519 AAAA')],
    ['fingerprint', (m) => (m.fingerprint = m.fingerprint.toLowerCase())],
    ['fingerprint', (m) => (m.fingerprint += ' ABCD')],
    ['fingerprint', (m) => (m.fingerprint = 'ABCD ' + m.fingerprint)],
    ['signedAt', (m) => (m.signedAt = '')],
    ['signature', (m) => (m.signature += '!')],
    ['signature', (m) => (m.signature = '!' + m.signature)],
    ['', (m) => (m.approvedBy = 'x')],
  ];
  refused.forEach(([field, change], i) => it(`refuses change ${i}, naming ${field || 'the manifest'}`, () => expect(verdict(change)).toBe(field)));

  it('its signature: valid, false for a change or an unusable key, never thrown', () => {
    expect(documentManifestSignatureValid(signed())).toBe(true);
    expect(documentManifestSignatureValid({ ...signed(), signedAt: 'x' })).toBe(false);
    expect(documentManifestSignatureValid({ ...signed(), publicKey: 'not a key' })).toBe(false);
  });

  it('is told apart from a minutes manifest by its format only', () => {
    expect(isDocumentManifestText(text(signed()))).toBe(true);
    expect(isDocumentManifestText(text({ format: DOCUMENT_SEAL_FORMAT }))).toBe(true);
    expect(isDocumentManifestText(text({ format: 'council-seal/1' }))).toBe(false);
    expect(isDocumentManifestText('null')).toBe(false);
    expect(isDocumentManifestText('"council-document-seal/1"')).toBe(false);
    expect(isDocumentManifestText('{')).toBe(false);
    expect(isDocumentManifestText(null)).toBe(false);
  });
});

describe('verifyDocumentSealContent: the whole result', () => {
  it('VALID, with every field', async () => {
    expect(await run(text(signed()), opts({ ctx: t.ctx }))).toEqual({
      valid: true,
      problems: [],
      filePath: FILE,
      manifestPath: MANIFEST,
      sealed: { fingerprint: key.fingerprint, signedAt: unsigned.signedAt, session: unsigned.session, minutesVersion: null, document: { kind: 'decisions', lang: 'ar' } },
      keyChecked: true,
      trustedKey: { fingerprint: key.fingerprint, thisInstallation: true },
    });
    expect(await run(text(signed()), { publicKeyPem: key.publicKeyPem, installationFingerprint: other.fingerprint })).toMatchObject({
      valid: true,
      trustedKey: { fingerprint: key.fingerprint, thisInstallation: false },
    });
    expect(await run(text(signed()), {})).toMatchObject({ valid: true, keyChecked: false, trustedKey: null });
  });

  it('a manifest of the wrong shape, a fingerprint not its key\'s, an unreadable one: manifest_invalid, said in words, nothing else', async () => {
    const shape = await run(text({ ...signed(), file: { ...signed().file, sha256: 'nope' } }), opts({ ctx: t.ctx }));
    expect(shape.problems).toHaveLength(1);
    expect(shape.problems[0]!.code).toBe('manifest_invalid');
    expect(shape.problems[0]!.message).toMatch(/^not a document seal manifest: file\.sha256: \S/);
    expect(shape).toMatchObject({ valid: false, sealed: null, keyChecked: false, trustedKey: null });
    const fp = await run(text(signed((m) => ({ ...m, fingerprint: other.fingerprint }))), opts({ ctx: t.ctx }));
    expect(fp.problems).toEqual([{ code: 'manifest_invalid', message: 'the fingerprint in the manifest is not that of its public key' }]);
    expect(fp.sealed).toBeNull();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const unreadable = await run(text({ ...signed(), publicKey: rsa }), opts());
    expect(unreadable.problems).toEqual([{ code: 'manifest_invalid', message: 'unreadable manifest: not an Ed25519 public key: rsa' }]);
    const none = await run(null, opts());
    expect(none.problems.map((p) => p.code)).toEqual(['manifest_invalid']);
  });

  it('altered, another key, changed (one byte, or only longer), missing: each said in words', async () => {
    expect((await run(text({ ...signed(), signedAt: '2020-01-01T00:00:00.000Z' }))).valid).toBe(false);
    expect((await run(text({ ...signed(), signedAt: '2020-01-01T00:00:00.000Z' }))).problems).toEqual([
      { code: 'signature_invalid', message: 'the manifest was altered after sealing (its signature does not match)' },
    ]);
    const wrong = await run(text(signed((m) => ({ ...m, publicKey: other.publicKeyPem, fingerprint: other.fingerprint }), other)));
    expect(wrong.problems).toEqual([{ code: 'wrong_key', message: `sealed by key ${other.fingerprint}, not by the trusted key ${key.fingerprint}` }]);
    const flipped = Buffer.from(doc);
    flipped[5] = flipped[5]! ^ 1;
    expect((await run(text(signed()), opts(), flipped)).problems).toEqual([{ code: 'document_changed', message: 'the document is not the one sealed (its SHA-256 differs)' }]);
    // The size is checked too: a manifest whose hash is right but whose size is not.
    const size = await run(text(signed((m) => ({ ...m, file: { ...m.file, bytes: m.file.bytes + 1 } }))));
    expect(size.problems).toEqual([{ code: 'document_changed', message: 'the document is not the one sealed (its SHA-256 differs)' }]);
    expect((await run(text(signed()), opts(), null)).problems).toEqual([{ code: 'document_changed', message: `the sealed file is missing: ${FILE}` }]);
  });
});

describe('verifyDocumentSealContent: the record', () => {
  it('a session not here; a record format not known; a record that differs; none sealed (issued before the session)', async () => {
    const empty = await openTempDb();
    try {
      expect((await run(text(signed()), opts({ ctx: empty.ctx }))).problems).toEqual([
        { code: 'session_missing', message: `session 66 (${sessionId}) is not in this database` },
      ]);
      expect((await run(text(signed((m) => ({ ...m, record: null }))), opts({ ctx: empty.ctx }))).problems.map((p) => p.code)).toEqual(['session_missing']);
    } finally {
      await empty.cleanup();
    }
    const unknown = await run(text(signed((m) => ({ ...m, record: { ...m.record!, format: 'council-record/99' } }))), opts({ ctx: t.ctx }));
    expect(unknown.problems).toEqual([{ code: 'record_changed', message: 'the record format council-record/99 is not known to this app' }]);
    const differs = await run(text(signed((m) => ({ ...m, record: { ...m.record!, sha256: 'e'.repeat(64) } }))), opts({ ctx: t.ctx }));
    expect(differs.problems).toEqual([{ code: 'record_changed', message: "the session's record in this database differs from the sealed one" }]);
    expect((await run(text(signed((m) => ({ ...m, record: null }))), opts({ ctx: t.ctx }))).problems).toEqual([]);
  });

  it('an older, uncounted format is hashed without a corrigenda scope', async () => {
    const sha2 = await inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, 'council-record/2')));
    const r = await run(text(signed((m) => ({ ...m, record: { ...m.record!, format: 'council-record/2', sha256: sha2 } }))), opts({ ctx: t.ctx }));
    expect(r.problems).toEqual([]);
  });
});

describe('verifyAnySealedContent / verifyAnySealedFile', () => {
  it('sends a document manifest to the document checks and anything else to the minutes checks', async () => {
    const content = { filePath: FILE, manifestPath: MANIFEST, fileBytes: doc, manifestText: text(signed()) };
    expect((await verifyAnySealedContent(content, opts())).sealed?.document).toEqual({ kind: 'decisions', lang: 'ar' });
    expect((await verifyAnySealedContent({ ...content, manifestText: null }, opts())).problems.map((p) => p.code)).toEqual(['not_signed']);
    expect((await verifyAnySealedContent({ ...content, manifestText: '{"format":"council-seal/1"}' }, opts())).problems[0]!.message).toMatch(/^not a seal manifest: /);
    const dir = tempDir('doc-file-');
    const file = path.join(dir, FILE);
    fs.writeFileSync(file, doc);
    fs.writeFileSync(`${file}.seal.json`, text(signed()));
    expect((await verifyAnySealedFile(file, opts())).valid).toBe(true);
    const named = path.join(dir, 'other.json');
    fs.writeFileSync(named, text({ ...signed(), signedAt: 'changed' }));
    expect((await verifyAnySealedFile(file, { ...opts(), manifestPath: named })).problems.map((p) => p.code)).toEqual(['signature_invalid']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('verifyDocumentSealContent: the corrigenda sealed', () => {
  // Last in the file: it adds a corrigendum to the shared session.
  it('a corrigendum recorded after sealing is not part of the record sealed with none (the count scopes it)', async () => {
    const { addCorrigendum } = await import('../../src/corrigenda/service');
    await addCorrigendum(t.ctx, { sessionId, textAr: 'تصحيح', textEn: 'Correction', textFr: 'Rectificatif', reason: 'a typo in the decision' });
    const r = await run(text(signed()), opts({ ctx: t.ctx }));
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
  });
});
