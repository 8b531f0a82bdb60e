// Checking a sealed session document (council-document-seal/1): the same questions, codes and answer as
// the minutes' seal (verify.ts), and `verifyAnySealedContent` sends each manifest to the checks of its
// format, so `council verify` and the UI's "Verify a sealed file" take either.
import { inTransaction } from '../core/context';
import { documentManifestSchema, documentManifestSignatureValid, isDocumentManifestText, type DocumentManifest } from './document-manifest';
import { fingerprintOf, parsePublicKey } from './keys';
import { COUNTED_CORRIGENDA_FORMATS, loadSessionRecord, RECORD_FORMATS, recordSha256, type RecordFormat } from './record';
import { sha256Hex } from './sign';
import type { VerifyProblemCode, VerifyResult } from './types';
import { readSealedContent, verifySealedContent, type SealedContent, type VerifyOptions } from './verify';

export async function verifyDocumentSealContent(content: SealedContent, options: Omit<VerifyOptions, 'manifestPath'> = {}): Promise<VerifyResult> {
  const { filePath: file, manifestPath } = content;
  const result: VerifyResult = { valid: false, problems: [], filePath: file, manifestPath, sealed: null, keyChecked: false, trustedKey: null };
  const problem = (code: VerifyProblemCode, message: string) => result.problems.push({ code, message });
  let manifest: DocumentManifest;
  try {
    const parsed = documentManifestSchema.safeParse(JSON.parse(content.manifestText ?? ''));
    if (!parsed.success) {
      problem('manifest_invalid', `not a document seal manifest: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return result;
    }
    manifest = parsed.data;
    if (fingerprintOf(parsePublicKey(manifest.publicKey)) !== manifest.fingerprint) {
      problem('manifest_invalid', 'the fingerprint in the manifest is not that of its public key');
      return result;
    }
  } catch (err) {
    problem('manifest_invalid', `unreadable manifest: ${(err as Error).message}`);
    return result;
  }
  result.sealed = { fingerprint: manifest.fingerprint, signedAt: manifest.signedAt, session: manifest.session, minutesVersion: null, document: manifest.document };
  if (!documentManifestSignatureValid(manifest)) problem('signature_invalid', 'the manifest was altered after sealing (its signature does not match)');
  if (options.publicKeyPem) {
    result.keyChecked = true;
    const trusted = fingerprintOf(parsePublicKey(options.publicKeyPem));
    result.trustedKey = { fingerprint: trusted, thisInstallation: trusted === options.installationFingerprint };
    if (trusted !== manifest.fingerprint) problem('wrong_key', `sealed by key ${manifest.fingerprint}, not by the trusted key ${trusted}`);
  }
  if (content.fileBytes === null) problem('document_changed', `the sealed file is missing: ${file}`);
  else if (sha256Hex(content.fileBytes) !== manifest.file.sha256 || content.fileBytes.length !== manifest.file.bytes) {
    problem('document_changed', 'the document is not the one sealed (its SHA-256 differs)');
  }
  const sealedRecord = manifest.record;
  if (options.ctx) {
    await inTransaction(options.ctx, async (tx) => {
      const exists = await tx.selectFrom('councilSession').select('id').where('id', '=', manifest.session.id).executeTakeFirst();
      if (!exists) {
        problem('session_missing', `session ${manifest.session.number} (${manifest.session.id}) is not in this database`);
        return;
      }
      if (!sealedRecord) return; // issued before the session: the record was not sealed
      const format = (RECORD_FORMATS as readonly string[]).includes(sealedRecord.format) ? (sealedRecord.format as RecordFormat) : null;
      if (!format) {
        problem('record_changed', `the record format ${sealedRecord.format} is not known to this app`);
        return;
      }
      const scope = COUNTED_CORRIGENDA_FORMATS.includes(format) ? { corrigendaUpTo: sealedRecord.corrigenda } : {};
      const now = recordSha256(await loadSessionRecord(tx, manifest.session.id, format, scope));
      if (now !== sealedRecord.sha256) problem('record_changed', "the session's record in this database differs from the sealed one");
    });
  }
  result.valid = result.problems.length === 0;
  return result;
}

/** The minutes' checks or a document's, by the manifest's format. */
export async function verifyAnySealedContent(content: SealedContent, options: Omit<VerifyOptions, 'manifestPath'> = {}): Promise<VerifyResult> {
  return isDocumentManifestText(content.manifestText) ? verifyDocumentSealContent(content, options) : verifySealedContent(content, options);
}

/** As verifySealedFile (verify.ts), for either kind of manifest. */
export async function verifyAnySealedFile(filePath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  return verifyAnySealedContent(readSealedContent(filePath, options.manifestPath), options);
}
