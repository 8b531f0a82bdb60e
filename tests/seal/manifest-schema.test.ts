// The seal manifest's schema and signature, field by field, without a database: every field a forger could
// stretch (a hash with a tail, a fingerprint in lower case, a key that is not a PEM, an unsigned extra
// field) is refused by name, and the edges that are allowed (no corrigenda, a null version, a 0-byte file,
// base64 padding) still pass. Found by the mutation run over src/seal/manifest.ts (docs/mutation.md).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/seal/keys';
import {
  MANIFEST_SUFFIX,
  manifestPathFor,
  manifestSchema,
  manifestSignatureValid,
  RECORD_CANONICALIZATION,
  SEAL_FORMAT,
  signManifest,
  type SealManifest,
  type UnsignedManifest,
} from '../../src/seal/manifest';

const pair = generateKeyPairSync('ed25519');
const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const unsigned: UnsignedManifest = {
  format: SEAL_FORMAT,
  file: { name: 'minutes.docx', kind: 'docx', sha256: 'a'.repeat(64), bytes: 1234 },
  session: { id: 'session-1', kind: 'ordinary', number: 66 },
  minutesVersion: 1,
  record: { format: 'council-record/5', canonicalization: RECORD_CANONICALIZATION, sha256: '0123456789abcdef'.repeat(4), corrigenda: 0 },
  publicKey: pem,
  fingerprint: fingerprintOf(pem),
  signedAt: '2026-11-10T10:00:00.000Z',
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest to be broken, field by field
type Loose = Record<string, any>;
const good = (): SealManifest => structuredClone(signManifest(unsigned, pair.privateKey));

/** The path of the first issue when `change` is applied, or 'ok'. */
function verdict(change: (m: Loose) => void): string {
  const m = good() as unknown as Loose;
  change(m);
  const r = manifestSchema.safeParse(m);
  return r.success ? 'ok' : r.error.issues[0]!.path.join('.');
}

describe('the seal manifest schema', () => {
  it('accepts a signed manifest, and its edges: no corrigenda, a null version, a 0-byte PDF, an extraordinary session', () => {
    expect(verdict(() => undefined)).toBe('ok');
    expect(verdict((m) => delete m.record.corrigenda)).toBe('ok');
    expect(verdict((m) => (m.minutesVersion = null))).toBe('ok');
    expect(verdict((m) => Object.assign(m.file, { kind: 'pdf', bytes: 0 }))).toBe('ok');
    expect(verdict((m) => (m.session.kind = 'extraordinary'))).toBe('ok');
    expect(verdict((m) => (m.signature = 'AAAA'))).toBe('ok');
    expect(verdict((m) => (m.signature = 'AA=='))).toBe('ok');
    expect(verdict((m) => (m.signature = 'AAA='))).toBe('ok');
    expect(verdict((m) => (m.signature = 'a+/9'))).toBe('ok');
  });

  const refused: [string, string, (m: Loose) => void][] = [
    ['format', 'another format', (m) => (m.format = 'council-seal/2')],
    ['format', 'an empty format', (m) => (m.format = '')],
    ['file.name', 'an empty file name', (m) => (m.file.name = '')],
    ['file.kind', 'a kind other than docx or pdf', (m) => (m.file.kind = 'odt')],
    ['file.sha256', 'a hash with a tail', (m) => (m.file.sha256 += '0')],
    ['file.sha256', 'a hash with a head', (m) => (m.file.sha256 = 'x' + m.file.sha256)],
    ['file.sha256', 'a hash one short', (m) => (m.file.sha256 = m.file.sha256.slice(1))],
    ['file.sha256', 'a hash in upper case', (m) => (m.file.sha256 = 'A'.repeat(64))],
    ['file.sha256', 'a hash of non-hex', (m) => (m.file.sha256 = 'g'.repeat(64))],
    ['file.bytes', 'a negative size', (m) => (m.file.bytes = -1)],
    ['file.bytes', 'a fractional size', (m) => (m.file.bytes = 1.5)],
    ['file', 'an unsigned field in file', (m) => (m.file.note = 'final')],
    ['session.id', 'an empty session id', (m) => (m.session.id = '')],
    ['session.kind', 'another session kind', (m) => (m.session.kind = 'special')],
    ['session.number', 'a fractional session number', (m) => (m.session.number = 66.5)],
    ['session', 'an unsigned field in session', (m) => (m.session.title = 'x')],
    ['minutesVersion', 'version 0', (m) => (m.minutesVersion = 0)],
    ['minutesVersion', 'a fractional version', (m) => (m.minutesVersion = 1.5)],
    ['record.format', 'an empty record format', (m) => (m.record.format = '')],
    ['record.canonicalization', 'an empty canonicalization', (m) => (m.record.canonicalization = '')],
    ['record.sha256', 'a record hash with a tail', (m) => (m.record.sha256 += 'f')],
    ['record.sha256', 'a record hash with a head', (m) => (m.record.sha256 = '-' + m.record.sha256)],
    ['record.corrigenda', 'a negative corrigenda count', (m) => (m.record.corrigenda = -1)],
    ['record.corrigenda', 'a fractional corrigenda count', (m) => (m.record.corrigenda = 0.5)],
    ['record', 'an unsigned field in record', (m) => (m.record.scope = 'all')],
    ['publicKey', 'a key that is not a PEM public key', (m) => (m.publicKey = 'ed25519 AAAA')],
    ['fingerprint', 'a fingerprint in lower case', (m) => (m.fingerprint = m.fingerprint.toLowerCase())],
    ['fingerprint', 'a fingerprint with a tail', (m) => (m.fingerprint += ' ABCD')],
    ['fingerprint', 'a fingerprint with a head', (m) => (m.fingerprint = 'ABCD ' + m.fingerprint)],
    ['fingerprint', 'a fingerprint without its spaces', (m) => (m.fingerprint = m.fingerprint.replaceAll(' ', ''))],
    ['fingerprint', 'a fingerprint one group short', (m) => (m.fingerprint = m.fingerprint.slice(5))],
    ['signedAt', 'an empty signing time', (m) => (m.signedAt = '')],
    ['signature', 'an empty signature', (m) => (m.signature = '')],
    ['signature', 'a signature with a tail', (m) => (m.signature += '!')],
    ['signature', 'a signature with a head', (m) => (m.signature = '!' + m.signature)],
    ['signature', 'a signature with three padding characters', (m) => (m.signature = 'A===')],
    ['signature', 'a base64url signature', (m) => (m.signature = 'ab-_')],
    ['', 'an unsigned field at the top', (m) => (m.approvedBy = 'the Council')],
  ];
  for (const [field, name, change] of refused) {
    it(`refuses ${name}, naming ${field || 'the manifest'}`, () => expect(verdict(change)).toBe(field));
  }
});

describe('the seal manifest signature', () => {
  it('is valid for the signed manifest, and false (not thrown) for every change', () => {
    expect(manifestSignatureValid(good())).toBe(true);
    expect(manifestSignatureValid({ ...good(), signedAt: '2026-11-10T10:00:00.001Z' })).toBe(false);
    expect(manifestSignatureValid({ ...good(), file: { ...good().file, bytes: 1235 } })).toBe(false);
    // An unusable key or signature is "not valid", never an exception the caller must catch.
    expect(manifestSignatureValid({ ...good(), publicKey: 'not a key' })).toBe(false);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(manifestSignatureValid({ ...good(), publicKey: rsa })).toBe(false);
  });

  it('covers every field but the signature: the signature is over the canonical JSON of the rest', () => {
    const a = signManifest(unsigned, pair.privateKey);
    // Ed25519 is deterministic: the same fields in another key order sign the same.
    const reordered = Object.fromEntries(Object.entries(unsigned).reverse()) as UnsignedManifest;
    expect(signManifest(reordered, pair.privateKey).signature).toBe(a.signature);
    expect(Buffer.from(a.signature, 'base64')).toHaveLength(64);
    expect({ ...a, signature: undefined }).toEqual({ ...unsigned, signature: undefined });
  });

  it('is written beside the file as FILE.seal.json', () => {
    expect(MANIFEST_SUFFIX).toBe('.seal.json');
    expect(manifestPathFor('/x/minutes.docx')).toBe('/x/minutes.docx.seal.json');
  });
});
