// The manifest of a sealed session document other than the minutes (decisions of the session, follow-up
// report, agenda, list of documents, convocation): the same Ed25519 signature over the canonical JSON of
// every other field as the minutes' manifest (manifest.ts), with its own format name and a `document`
// field saying which document it is. A format of its own rather than a change to council-seal/1, whose
// strict schema older apps verify with: they answer manifest_invalid to this one instead of misreading it.
import { sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SEALABLE_DOCUMENT_KINDS } from '../documents/seal-schema';
import { canonicalJson } from './canonical';
import { parsePublicKey } from './keys';

export const DOCUMENT_SEAL_FORMAT = 'council-document-seal/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const documentManifestSchema = z.strictObject({
  format: z.literal(DOCUMENT_SEAL_FORMAT),
  file: z.strictObject({ name: z.string().min(1), kind: z.literal('docx'), sha256: hex64, bytes: z.number().int().min(0) }),
  document: z.strictObject({ kind: z.enum(SEALABLE_DOCUMENT_KINDS), lang: z.enum(['ar', 'en', 'fr']) }),
  session: z.strictObject({ id: z.string().min(1), kind: z.enum(['ordinary', 'extraordinary']), number: z.number().int() }),
  /** The session's record when sealed: after the session (approved, locked); null for documents issued before it. */
  record: z
    .strictObject({ format: z.string().min(1), canonicalization: z.string().min(1), sha256: hex64, corrigenda: z.number().int().min(0) })
    .nullable(),
  publicKey: z.string().includes('BEGIN PUBLIC KEY'),
  fingerprint: z.string().regex(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/),
  signedAt: z.string().min(1),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type DocumentManifest = z.infer<typeof documentManifestSchema>;
export type UnsignedDocumentManifest = Omit<DocumentManifest, 'signature'>;

const signedBytes = (m: UnsignedDocumentManifest) => Buffer.from(canonicalJson(m), 'utf8');

export function signDocumentManifest(m: UnsignedDocumentManifest, privateKey: KeyObject): DocumentManifest {
  return { ...m, signature: edSign(null, signedBytes(m), privateKey).toString('base64') };
}

export function documentManifestSignatureValid(m: DocumentManifest): boolean {
  try {
    const { signature, ...rest } = m;
    return edVerify(null, signedBytes(rest), parsePublicKey(m.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Whether a manifest's text names this format (to route `verify` to the right checks). */
export function isDocumentManifestText(text: string | null): boolean {
  if (text === null) return false;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === DOCUMENT_SEAL_FORMAT;
  } catch {
    return false;
  }
}
