// The seal's manifest, written beside the sealed file as FILE.seal.json. It states what was sealed and
// carries an Ed25519 signature over the canonical JSON of every other field, so changing any of them
// (a hash, the date, the key) breaks the signature.
import { sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical';
import { parsePublicKey } from './keys';

export const SEAL_FORMAT = 'council-seal/1';
export const MANIFEST_SUFFIX = '.seal.json';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

// Strict at every level: a field the signature does not cover is refused, not silently dropped (a
// manifest with an added "approvedBy" would otherwise verify, and show that field to whoever reads it).
export const manifestSchema = z.strictObject({
  format: z.literal(SEAL_FORMAT),
  file: z.strictObject({ name: z.string().min(1), kind: z.enum(['docx', 'pdf']), sha256: hex64, bytes: z.number().int().min(0) }),
  session: z.strictObject({ id: z.string().min(1), kind: z.enum(['ordinary', 'extraordinary']), number: z.number().int() }),
  minutesVersion: z.number().int().min(1).nullable(),
  record: z.strictObject({
    format: z.string().min(1),
    canonicalization: z.string().min(1),
    sha256: hex64,
    /** council-record/3: the corrigenda held (numbers 1..n), those recorded when sealing. */
    corrigenda: z.number().int().min(0).optional(),
  }),
  publicKey: z.string().includes('BEGIN PUBLIC KEY'),
  fingerprint: z.string().regex(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/),
  signedAt: z.string().min(1),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type SealManifest = z.infer<typeof manifestSchema>;
export type UnsignedManifest = Omit<SealManifest, 'signature'>;

export const RECORD_CANONICALIZATION = 'canonical JSON (sorted keys, no whitespace, integers only), UTF-8, SHA-256';

function signedBytes(m: UnsignedManifest): Buffer {
  return Buffer.from(canonicalJson(m), 'utf8');
}

export function signManifest(m: UnsignedManifest, privateKey: KeyObject): SealManifest {
  const signature = edSign(null, signedBytes(m), privateKey).toString('base64');
  return { ...m, signature };
}

/** True when the signature is the manifest key's signature over the other fields. */
export function manifestSignatureValid(m: SealManifest): boolean {
  try {
    const { signature, ...rest } = m;
    return edVerify(null, signedBytes(rest), parsePublicKey(m.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function manifestPathFor(filePath: string): string {
  return filePath + MANIFEST_SUFFIX;
}
